/** A load worker thread: hosts a share of the round's editors and of the idle connections. */
import { parentPort, workerData } from 'node:worker_threads';
import { nowMs, waitUntil } from '../stats.ts';
import { EditorGroup, tablesFrom } from './editors.ts';
import { connectStockClient, type StockClient } from './stockClient.ts';
import type { EditorSpec, EditorsConnect, Envelope, IdleAdd, IdleResult, Reply, TypingWindow } from './protocol.ts';

const port = parentPort!;
// Every stock provider registers a process 'exit' listener; hundreds per thread are expected here.
process.setMaxListeners(0);
const workerIndex = (workerData as { index: number }).index;
let editors: EditorGroup | null = null;
const idle: StockClient[] = [];
/** Idle clients connect this many at a time, each batch synced before the next (no thundering herd). */
const IDLE_BATCH = 100;

async function addIdle({ wsUrl, headers, rooms, perRoom, timeoutMs }: IdleAdd): Promise<IdleResult> {
  const started = nowMs();
  const deadline = started + timeoutMs;
  const fresh: StockClient[] = [];
  const specs = rooms.flatMap((room) => Array.from({ length: perRoom }, (_, i) => ({ room, i })));
  for (let at = 0; at < specs.length && nowMs() < deadline; at += IDLE_BATCH) {
    const batch = specs.slice(at, at + IDLE_BATCH).map((s) => connectStockClient(wsUrl, s.room, `Reader ${s.i + 1}`, undefined, undefined, headers));
    fresh.push(...batch);
    idle.push(...batch);
    await waitUntil(() => batch.every((c) => c.provider.synced), Math.max(0, deadline - nowMs()), 25);
  }
  return { requested: specs.length, synced: fresh.filter((c) => c.provider.synced).length, ms: nowMs() - started };
}

async function handle(type: string, body: unknown): Promise<unknown> {
  switch (type) {
    case 'editors:connect': {
      const { setup, specs, buffers } = body as { setup: EditorsConnect; specs: EditorSpec[]; buffers: SharedArrayBuffer[] };
      editors?.destroy();
      editors = new EditorGroup(setup, tablesFrom(buffers), specs);
      return { synced: await editors.waitSynced(setup.connectTimeoutMs), total: specs.length };
    }
    case 'editors:setup':
      return { ready: await editors!.prepare((body as { timeoutMs: number }).timeoutMs) };
    case 'editors:type': {
      const result = await editors!.type(body as TypingWindow);
      return result;
    }
    case 'editors:close':
      editors?.destroy();
      editors = null;
      return {};
    case 'idle:add':
      return addIdle(body as IdleAdd);
    case 'idle:close':
      for (const c of idle.splice(0)) c.destroy();
      return {};
    default:
      throw new Error(`worker ${workerIndex}: unknown request ${type}`);
  }
}

port.on('message', (msg: Envelope) => {
  handle(msg.type, msg.body).then(
    (body) => {
      const transfer = body && typeof body === 'object' ? Object.values(body).filter((v) => v instanceof Float64Array).map((v) => (v as Float64Array).buffer) : [];
      port.postMessage({ id: msg.id, ok: true, body } satisfies Reply, transfer as ArrayBuffer[]);
    },
    (err: unknown) => port.postMessage({ id: msg.id, ok: false, error: String((err as Error)?.stack ?? err) } satisfies Reply),
  );
});
