// Starts the browser-mode server on a data folder and prints its URL (manual checks, screenshots):
//   npx tsx test/e2e/support/dev-server.ts [dataDir]
import { launchServer, tempDataDir } from './server';

const dir = process.argv[2] ?? tempDataDir('nianbao-dev-');
const server = await launchServer(dir);
console.log(JSON.stringify({ url: server.url, origin: server.origin, token: server.token, dataDir: dir }));
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
process.on('SIGINT', () => void server.close().then(() => process.exit(0)));
