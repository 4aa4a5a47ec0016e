/**
 * The load generator process (started niced by loadClients.ts, so it cannot starve the server of CPU): it runs
 * BENCH_WORKERS worker threads of stock y-websocket clients and answers the orchestrator over IPC.
 */
import { Worker } from 'node:worker_threads';
import { summarize } from '../stats.ts';
import { createSharedTables } from './editors.ts';
import type {
  EditorSpec,
  EditorsConnect,
  Envelope,
  IdleAdd,
  IdleResult,
  Reply,
  TypingResult,
  TypingWindow,
  WorkerTypingResult,
} from './protocol.ts';

const workerCount = Math.max(1, Number(process.env.BENCH_WORKERS) || 2);
const workerFile = new URL('./worker.ts', import.meta.url).href;
// Node 20 does not pass --import to workers: register tsx inside the worker before loading the file.
const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(workerFile)}); })`;

const workers = Array.from({ length: workerCount }, (_, index) => {
  const w = new Worker(bootstrap, { eval: true, workerData: { index } });
  w.on('error', (err) => {
    process.stderr.write(`load worker ${index} failed: ${err.stack ?? err}\n`);
    process.exit(1);
  });
  return w;
});

let nextId = 1;
const pending = new Map<number, (reply: Reply) => void>();
for (const w of workers) w.on('message', (reply: Reply) => pending.get(reply.id)?.(reply));

function ask<T>(worker: Worker, type: string, body: unknown): Promise<T> {
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    pending.set(id, (reply) => {
      pending.delete(id);
      if (reply.ok) resolve(reply.body as T);
      else reject(new Error(reply.error));
    });
    worker.postMessage({ id, type, body } satisfies Envelope);
  });
}

const askAll = <T>(type: string, bodies: unknown[]) => Promise.all(workers.map((w, i) => ask<T>(w, type, bodies[i])));

async function handle(type: string, body: unknown): Promise<unknown> {
  switch (type) {
    case 'editors:connect': {
      const setup = body as EditorsConnect;
      // Global editor indexes are contiguous per report; editors are dealt round-robin to the workers.
      const specs: EditorSpec[] = [];
      for (const report of setup.reports) for (let j = 0; j < report.editors; j++) specs.push({ g: specs.length, j, report });
      const { buffers } = createSharedTables(specs.length, setup.maxKeystrokes);
      const parts = workers.map((_, i) => ({ setup, buffers, specs: specs.filter((s) => s.g % workers.length === i) }));
      const replies = await askAll<{ synced: number; total: number }>('editors:connect', parts);
      return { synced: replies.reduce((n, r) => n + r.synced, 0), total: specs.length };
    }
    case 'editors:setup': {
      const replies = await askAll<{ ready: number }>('editors:setup', workers.map(() => body));
      return { ready: replies.reduce((n, r) => n + r.ready, 0) };
    }
    case 'editors:type': {
      const replies = await askAll<WorkerTypingResult>('editors:type', workers.map(() => body as TypingWindow));
      const concat = (pick: (r: WorkerTypingResult) => Float64Array) => {
        const out = new Float64Array(replies.reduce((n, r) => n + pick(r).length, 0));
        let at = 0;
        for (const r of replies) {
          out.set(pick(r), at);
          at += pick(r).length;
        }
        return out;
      };
      const lags = concat((r) => r.sendLagMs);
      const received = replies.reduce((n, r) => n + r.received, 0);
      const expected = replies.reduce((n, r) => n + r.expected, 0);
      // A receipt still missing at the drain deadline counts as slower than any measured one.
      const delivered = concat((r) => r.latenciesMs);
      const latencies = new Float64Array(delivered.length + Math.max(0, expected - received)).fill(Infinity);
      latencies.set(delivered);
      const result: TypingResult = {
        latency: summarize(latencies),
        received,
        expected,
        keystrokes: lags.length,
        sendLag: summarize(lags),
        disconnects: replies.reduce((n, r) => n + r.disconnects, 0),
        clientEldP99Ms: Math.max(...replies.map((r) => r.eldP99Ms)),
      };
      return result;
    }
    case 'editors:close':
      await askAll('editors:close', workers.map(() => ({})));
      return {};
    case 'idle:add': {
      const add = body as IdleAdd;
      const bodies = workers.map((_, i) => ({ ...add, rooms: add.rooms.filter((_, r) => r % workers.length === i) }));
      const replies = await askAll<IdleResult>('idle:add', bodies);
      return {
        requested: replies.reduce((n, r) => n + r.requested, 0),
        synced: replies.reduce((n, r) => n + r.synced, 0),
        ms: Math.max(...replies.map((r) => r.ms)),
      } satisfies IdleResult;
    }
    case 'idle:close':
      await askAll('idle:close', workers.map(() => ({})));
      return {};
    default:
      throw new Error(`unknown request ${type}`);
  }
}

process.on('message', (msg: Envelope) => {
  handle(msg.type, msg.body).then(
    (body) => process.send!({ id: msg.id, ok: true, body } satisfies Reply),
    (err: unknown) => process.send!({ id: msg.id, ok: false, error: String((err as Error)?.stack ?? err) } satisfies Reply),
  );
});
// The orchestrator going away (crash, Ctrl-C) closes the IPC channel: leave with it. On SIGTERM stop the
// threads first, so their --cpu-prof profiles (BENCH_CPU_PROF) are written.
process.on('disconnect', () => process.exit(0));
process.once('SIGTERM', () => {
  void Promise.allSettled(workers.map((w) => w.terminate())).finally(() => process.exit(0));
});
process.send!({ id: 0, ok: true, body: { ready: true, workers: workerCount } } satisfies Reply);
