/** Push the large report to a server through a stock client, and fetch it back into a fresh client. */
import * as Y from 'yjs';
import { listSections } from '../../shared/report/layout.ts';
import { connectStockClient, type StockClient } from './load/stockClient.ts';
import type { BenchServer } from './servers.ts';
import { nowMs, waitUntil } from './stats.ts';

/**
 * Connect a client holding `update` to `reportId` and wait until a second, fresh client sees all `sections`:
 * our server relays and answers sync only after a change is stored, so by then the content is stored.
 * Returns the pushing client, still connected (the caller destroys it or keeps it as the report's holder).
 */
export async function pushReport(server: BenchServer, reportId: string, update: Uint8Array, sections: number, timeoutMs = 60_000): Promise<StockClient> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  const pusher = connectStockClient(server.wsUrl, reportId, 'Pusher', undefined, doc, server.headers);
  const verifier = connectStockClient(server.wsUrl, reportId, 'Verifier', undefined, undefined, server.headers);
  try {
    const ok = await waitUntil(() => pusher.provider.synced && listSections(verifier.doc).length >= sections, timeoutMs, 25);
    if (!ok) throw new Error(`pushing the large report to ${server.kind} timed out after ${timeoutMs} ms`);
  } catch (err) {
    pusher.destroy();
    throw err;
  } finally {
    verifier.destroy();
  }
  return pusher;
}

/** A fresh client's time from `from` (monotonic ms) to its first 'sync' event, and what it then holds. */
export async function timeFreshSync(
  server: BenchServer,
  reportId: string,
  from: number,
  timeoutMs = 60_000,
): Promise<{ ms: number; sections: number; client: StockClient }> {
  const client = connectStockClient(server.wsUrl, reportId, 'Reader', undefined, undefined, server.headers);
  const syncedAt = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`fresh client not synced after ${timeoutMs} ms`)), timeoutMs);
    timer.unref();
    client.provider.once('sync', () => {
      clearTimeout(timer);
      resolve(nowMs());
    });
  }).catch((err: unknown) => {
    client.destroy();
    throw err;
  });
  return { ms: syncedAt - from, sections: listSections(client.doc).length, client };
}
