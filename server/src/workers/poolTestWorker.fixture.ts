/** Worker entry for WorkerPool.test.ts: tasks that answer, wait, fail with a code, or kill their thread. */
import { parentPort } from 'node:worker_threads';
import type { WorkerReply } from './WorkerPool.ts';

type Task = { kind: 'echo'; value: string } | { kind: 'wait'; ms: number; value: string } | { kind: 'fail'; code: string } | { kind: 'exit' };

const port = parentPort!;
port.on('message', ({ id, task }: { id: number; task: Task }) => {
  const answer = (value: string) => port.postMessage({ id, ok: true, value } satisfies WorkerReply<string>);
  if (task.kind === 'echo') answer(task.value);
  else if (task.kind === 'wait') setTimeout(() => answer(task.value), task.ms);
  else if (task.kind === 'fail') port.postMessage({ id, ok: false, error: { name: 'ImportError', message: 'not a document', code: task.code } } satisfies WorkerReply<string>);
  else process.exit(3);
});
