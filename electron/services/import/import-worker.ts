// Entry of an import worker thread (worker_threads): reads one file per message, inside the
// memory cap and time limit the pool (worker-pool.ts) gives it. A separate entry so that the
// bundles can ship it as its own file: build/scripts/build.mjs writes dist/electron/import-worker.cjs;
// from the TypeScript sources (tests, `tsx`) import-worker-dev.mjs loads it through tsx.
import { parentPort } from 'node:worker_threads';
import { runImportTask, type ImportTask } from './import-tasks';

const port = parentPort;
if (!port) throw new Error('import-worker.ts runs only as a worker thread');

// One job at a time, in the order they came: the pool may hand over the next file before this one
// is answered (batch), and its time limit starts only when the one before it was answered.
let queue: Promise<void> = Promise.resolve();
port.on('message', (msg: { id: number; input: ImportTask }) => {
  queue = queue.then(async () => {
    const reply = await runImportTask(msg.input);
    try {
      port.postMessage({ id: msg.id, reply });
    } catch (e) {
      // A reply that cannot cross the thread boundary fails its own job, not the ones after it.
      const error = { type: 'internal', message: e instanceof Error ? e.message : String(e) };
      port.postMessage({ id: msg.id, reply: { ok: false, error } });
    }
  });
});
port.postMessage({ ready: true });
