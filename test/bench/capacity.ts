/**
 * Capacity sweeps, each stopping at the first step that misses: editors on one report and reports with three
 * editors (a step passes when p99 sync latency stays under the limit and every receipt arrived), and idle
 * connections (a step passes when every connection synced and five editors on another report still see p99
 * under the limit). Server RSS is recorded at every step. A sweep ends at its first miss, so a step disturbed by
 * other processes on the machine is run once more (its own budget) and the less disturbed result kept.
 */
import type { LoadClients } from './loadClients.ts';
import { leastDisturbed, runEditorsRound, type EditorsRoundResult } from './editorsRound.ts';
import { describe } from './latency.ts';
import { BenchServer, type ServerKind } from './servers.ts';
import { sleep } from './stats.ts';

export interface CapacityOptions {
  editorSteps: number[];
  /** Editors on one report again, with the light clients of the server-bound supplement. */
  lightEditorSteps: number[];
  reportSteps: number[];
  idleSteps: number[];
  idlePerReport: number;
  keystrokesPerSecond: number;
  warmupMs: number;
  measureMs: number;
  drainMs: number;
  latencyLimitMs: number;
}

export interface CapacityStep {
  step: number;
  pass: boolean;
  p99Ms: number;
  rssBytes: number;
  rssPeakBytes: number;
  detail: Partial<EditorsRoundResult> & { synced?: number; connectMs?: number };
}

export interface CapacitySweep {
  /** The largest passing step (0 when the first step missed). */
  max: number;
  steps: CapacityStep[];
}

export interface CapacityResult {
  editorsOnOneReport: Partial<Record<ServerKind, CapacitySweep>>;
  lightEditorsOnOneReport: Partial<Record<ServerKind, CapacitySweep>>;
  reportsWithThreeEditors: Partial<Record<ServerKind, CapacitySweep>>;
  idleConnections: Partial<Record<ServerKind, CapacitySweep & { baselineRssBytes: number; perConnectionBytes: number }>>;
}

const passes = (r: EditorsRoundResult, limit: number) => r.ok && r.latencyP99Ms < limit && r.delivered >= 1;

async function typingSweep(
  kind: ServerKind,
  load: LoadClients,
  o: CapacityOptions,
  steps: number[],
  editorsPerReport: (step: number) => number,
  reports: (step: number) => number,
  log: (line: string) => void,
  label: string,
  clients: 'stock' | 'light' = 'stock',
): Promise<CapacitySweep> {
  const sweep: CapacitySweep = { max: 0, steps: [] };
  for (const step of steps) {
    const round = async () => {
      const server = await BenchServer.start(kind);
      try {
        const ids = await server.createReports(reports(step));
        const r = await runEditorsRound(server, load, {
          reportIds: ids,
          editorsPerReport: editorsPerReport(step),
          clients,
          keystrokesPerSecond: o.keystrokesPerSecond,
          warmupMs: o.warmupMs,
          measureMs: o.measureMs,
          drainMs: o.drainMs,
        });
        log(`capacity ${kind} ${label} ${step}: ${passes(r, o.latencyLimitMs) ? 'pass' : 'MISS'}; ${describe(r)}`);
        return r;
      } finally {
        await server.stop();
      }
    };
    const r = await leastDisturbed(round, (x) => x, (line) => log(`  ${line}`), { retriesLeft: 1 });
    const pass = passes(r, o.latencyLimitMs);
    sweep.steps.push({ step, pass, p99Ms: r.latencyP99Ms, rssBytes: r.rssEndBytes, rssPeakBytes: r.rssPeakBytes, detail: r });
    if (!pass) break;
    sweep.max = step;
  }
  return sweep;
}

async function idleSweep(kind: ServerKind, load: LoadClients, o: CapacityOptions, log: (line: string) => void) {
  const sweep: CapacitySweep = { max: 0, steps: [] };
  const server = await BenchServer.start(kind);
  let baseline = NaN;
  let perConnectionBytes = NaN;
  try {
    await sleep(1000);
    await server.stats(true);
    baseline = server.rssBytes();
    let connected = 0;
    for (const step of o.idleSteps) {
      const add = step - connected;
      const rooms = await server.createReports(Math.ceil(add / o.idlePerReport));
      const idle = await load.addIdle({ wsUrl: server.wsUrl, headers: server.headers, rooms, perRoom: o.idlePerReport, timeoutMs: 30_000 + add * 20 });
      connected += idle.requested;
      await sleep(1000);
      await server.stats(true);
      const rss = server.rssBytes();
      const probeRound = async () =>
        runEditorsRound(server, load, {
          reportIds: [await server.createReport('Idle probe')],
          editorsPerReport: 5,
          keystrokesPerSecond: o.keystrokesPerSecond,
          warmupMs: o.warmupMs,
          measureMs: o.measureMs,
          drainMs: o.drainMs,
        });
      const probe = await leastDisturbed(probeRound, (x) => x, (line) => log(`  idle ${connected}: probe: ${line}`), { retriesLeft: 1 });
      const allSynced = idle.synced === idle.requested;
      const pass = allSynced && passes(probe, o.latencyLimitMs);
      sweep.steps.push({
        step: connected,
        pass,
        p99Ms: probe.latencyP99Ms,
        rssBytes: rss,
        rssPeakBytes: probe.rssPeakBytes,
        detail: { ...probe, synced: idle.synced, connectMs: idle.ms },
      });
      log(
        `capacity ${kind} idle ${connected}: ${pass ? 'pass' : 'MISS'}; ${idle.synced}/${idle.requested} synced in ${idle.ms.toFixed(0)} ms, ` +
          `RSS ${(rss / 2 ** 20).toFixed(0)} MiB, probe ${describe(probe)}`,
      );
      // Per connection at the largest passing step (or the first step, when none passed).
      if (pass || sweep.steps.length === 1) perConnectionBytes = (rss - baseline) / connected;
      if (!pass) break;
      sweep.max = connected;
    }
  } finally {
    await load.closeIdle().catch(() => undefined);
    await server.stop();
  }
  return { ...sweep, baselineRssBytes: baseline, perConnectionBytes };
}

export async function runCapacity(load: LoadClients, servers: ServerKind[], o: CapacityOptions, log: (line: string) => void): Promise<CapacityResult> {
  const out: CapacityResult = { editorsOnOneReport: {}, lightEditorsOnOneReport: {}, reportsWithThreeEditors: {}, idleConnections: {} };
  for (const kind of servers) {
    out.editorsOnOneReport[kind] = await typingSweep(kind, load, o, o.editorSteps, (n) => n, () => 1, log, 'editors on one report');
  }
  for (const kind of servers) {
    if (o.lightEditorSteps.length === 0) break;
    out.lightEditorsOnOneReport[kind] = await typingSweep(kind, load, o, o.lightEditorSteps, (n) => n, () => 1, log, 'light editors on one report', 'light');
  }
  for (const kind of servers) {
    out.reportsWithThreeEditors[kind] = await typingSweep(kind, load, o, o.reportSteps, () => 3, (n) => n, log, 'reports x 3 editors');
  }
  for (const kind of servers) out.idleConnections[kind] = await idleSweep(kind, load, o, log);
  return out;
}
