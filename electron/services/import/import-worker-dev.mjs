// The import worker started from the TypeScript sources (tests, `tsx`, `npm run nianbao` before it
// is bundled): registers tsx in this thread, then loads import-worker.ts. Bundled builds start
// import-worker.cjs directly (see worker-script.ts).
import { register } from 'tsx/esm/api';

register();
await import('./import-worker.ts');
