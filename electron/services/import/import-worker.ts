// Entry of an import worker thread (worker_threads): reads one file per message, inside the
// memory cap and time limit the pool (worker-pool.ts) gives it. A separate entry so that the
// bundles can ship it as its own file: build/scripts/build.mjs writes dist/electron/import-worker.cjs;
// from the TypeScript sources (tests, `tsx`) import-worker-dev.mjs loads it through tsx.
import { parentPort } from 'node:worker_threads';
import { runImportTask, type ImportTask } from './import-tasks';

const port = parentPort;
if (!port) throw new Error('import-worker.ts runs only as a worker thread');

port.on('message', (msg: { id: number; input: ImportTask }) => {
  void runImportTask(msg.input).then((reply) => port.postMessage({ id: msg.id, reply }));
});
port.postMessage({ ready: true });
