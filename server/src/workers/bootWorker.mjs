// Starts a worker thread's entry, named in workerData. A TypeScript entry (running from source: dev and tests)
// needs tsx, which worker threads do not inherit from the main thread, so the worker registers it itself; the
// compiled entries in dist/server are plain JavaScript and load without it (tsx is then never loaded).
import { parentPort, workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) {
  const { tsImport } = await import('tsx/esm/api');
  await tsImport(workerData.entry, import.meta.url);
} else {
  await import(workerData.entry);
}
// Tasks posted meanwhile wait in the port; their time limit starts now.
parentPort.postMessage({ ready: true });
