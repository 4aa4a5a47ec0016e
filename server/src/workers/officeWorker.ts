/** Worker thread entry: runs exports and Word parsing off the server's event loop (see WorkerPool). */
import { parentPort, type Transferable as WorkerTransfer } from 'node:worker_threads';
import { parseDocx } from '../../../shared/import/index.ts';
import { exportInNode } from '../export/exportInNode.ts';
import type { OfficeResult, OfficeTask } from './officeTasks.ts';
import type { WorkerReply } from './WorkerPool.ts';

async function run(task: OfficeTask): Promise<{ value: OfficeResult; transfer: WorkerTransfer[] }> {
  if (task.kind === 'export') {
    const file = await exportInNode(task.input, task.format, task.options);
    // Hand the file's memory over rather than copy it, when the bytes own their whole buffer (a small Node
    // Buffer may be a slice of a shared pool, which must not be taken away from this thread).
    const { buffer, byteOffset, byteLength } = file.bytes;
    const whole = byteOffset === 0 && byteLength === buffer.byteLength && buffer instanceof ArrayBuffer;
    return { value: file, transfer: whole ? [buffer] : [] };
  }
  return { value: parseDocx(task.bytes, { headingLevel: task.headingLevel, limits: task.limits }), transfer: [] };
}

const port = parentPort;
if (!port) throw new Error('officeWorker.ts runs only as a worker thread');
port.on('message', (message: { id: number; task: OfficeTask }) => {
  run(message.task).then(
    ({ value, transfer }) => port.postMessage({ id: message.id, ok: true, value } satisfies WorkerReply<OfficeResult>, transfer),
    (err: unknown) => {
      const e = err instanceof Error ? err : new Error(String(err));
      const raw = (e as Error & { code?: unknown }).code;
      const code = typeof raw === 'string' ? raw : undefined;
      const params = (e as Error & { params?: Record<string, string | number> }).params;
      port.postMessage({ id: message.id, ok: false, error: { name: e.constructor.name, message: e.message, code, ...(params ? { params } : {}) } } satisfies WorkerReply<OfficeResult>);
    },
  );
});
