/**
 * Sync latency, event-loop delay and CPU per edit with 10, 50 and 100 editors on one report: each round on a
 * freshly started server, ours and the reference alternating (so drift of the machine hits both alike).
 * After each of our rounds the stored size of the report is compared with its encoded size.
 */
import type { LoadClients } from './loadClients.ts';
import { leastDisturbed, runEditorsRound, type EditorsRoundResult } from './editorsRound.ts';
import { storedSize, type StoredSize } from './memory.ts';
import { BenchServer, type ServerKind } from './servers.ts';

export interface LatencyOptions {
  editorCounts: number[];
  clients: 'stock' | 'light';
  rounds: number;
  servers: ServerKind[];
  keystrokesPerSecond: number;
  warmupMs: number;
  measureMs: number;
  drainMs: number;
}

export interface LatencyResult {
  /** rounds[kind][editors] = one result per round. */
  rounds: Partial<Record<ServerKind, Record<number, EditorsRoundResult[]>>>;
  /** Ours only: stored bytes against encoded size of each round's report, by editor count. */
  stored: Record<number, StoredSize[]>;
}

export async function runLatency(load: LoadClients, o: LatencyOptions, log: (line: string) => void): Promise<LatencyResult> {
  const out: LatencyResult = { rounds: {}, stored: {} };
  for (const editors of o.editorCounts) {
    for (let r = 0; r < o.rounds; r++) {
      const order = r % 2 === 0 ? o.servers : [...o.servers].reverse();
      for (const kind of order) {
        const round = async () => {
          const server = await BenchServer.start(kind);
          try {
            const reportId = await server.createReport(`Latency ${editors}`);
            const result = await runEditorsRound(server, load, {
              reportIds: [reportId],
              editorsPerReport: editors,
              clients: o.clients,
              keystrokesPerSecond: o.keystrokesPerSecond,
              warmupMs: o.warmupMs,
              measureMs: o.measureMs,
              drainMs: o.drainMs,
            });
            log(`latency ${o.clients} ${kind} ${editors} editors round ${r + 1}: ${describe(result)}`);
            return { server, reportId, result };
          } finally {
            await server.stop();
          }
        };
        const { server, reportId, result } = await leastDisturbed(round, (x) => x.result, (line) => log(`  ${line}`));
        ((out.rounds[kind] ??= {})[editors] ??= []).push(result);
        if (kind === 'ours' && server.dataDir && result.ok && o.clients === 'stock') {
          const stored = storedSize(server.dataDir, reportId);
          (out.stored[editors] ??= []).push(stored);
          log(`  stored ${stored.storedBytes} B in ${stored.rows} rows for ${stored.encodedBytes} B encoded (${stored.ratio.toFixed(2)}x)`);
        }
      }
    }
  }
  return out;
}

export function describe(r: EditorsRoundResult): string {
  if (!r.ok) return `failed: ${r.note}`;
  const f = (n: number | null, d = 1) => (n === null || Number.isNaN(n) ? 'n/a' : Number.isFinite(n) ? n.toFixed(d) : 'inf');
  return (
    `p50 ${f(r.latencyP50Ms)} ms, p99 ${f(r.latencyP99Ms)} ms, delivered ${(r.delivered * 100).toFixed(1)}%, ` +
    `server ELD p99 ${f(r.eldP99Ms)} ms, server ${f(r.serverCpuPerEditUs, 0)} us/edit (${f(r.serverCores, 2)} cores), ` +
    `client ${f(r.clientCores, 2)} cores, client ELD p99 ${f(r.clientEldP99Ms)} ms, send lag p99 ${f(r.sendLagP99Ms)} ms, ` +
    `RSS ${(r.rssEndBytes / 2 ** 20).toFixed(0)} MiB, other processes ${f(r.otherCores, 2)} cores`
  );
}
