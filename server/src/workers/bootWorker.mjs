// Starts a TypeScript worker module: worker threads do not inherit the main thread's tsx loader, so the
// worker registers it itself and imports the entry named in workerData.
import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.entry, import.meta.url);
// Tasks posted meanwhile wait in the port; their time limit starts now.
parentPort.postMessage({ ready: true });
