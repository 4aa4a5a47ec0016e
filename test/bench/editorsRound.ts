/**
 * One measured round of typing editors against a running server: connect, lay out, type (warm-up, then the
 * measured window), drain, close. Server CPU, event-loop delay and RSS are read at the window's edges.
 */
import crypto from 'node:crypto';
import type { LoadClients } from './loadClients.ts';
import type { TypingResult } from './load/protocol.ts';
import { MAX_SECTIONS } from './load/editors.ts';
import { RssSampler } from './procStats.ts';
import type { BenchServer } from './servers.ts';
import { nowMs, sleep } from './stats.ts';

export interface EditorsRoundOptions {
  /** Report ids (created on the server already) and editors on each. */
  reportIds: string[];
  editorsPerReport: number;
  keystrokesPerSecond: number;
  warmupMs: number;
  measureMs: number;
  drainMs: number;
}

export interface EditorsRoundResult {
  editors: number;
  reports: number;
  connected: number;
  latencyP50Ms: number;
  latencyP90Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  /** Share of due receipts that arrived before the drain deadline. */
  delivered: number;
  keystrokes: number;
  serverCpuMs: number;
  /** Server CPU time per keystroke (one edit and one cursor update), microseconds. */
  serverCpuPerEditUs: number;
  clientCpuPerEditUs: number;
  /** Server CPU use during the window, in cores (1.0 = one core busy). */
  serverCores: number;
  clientCores: number;
  eldP50Ms: number | null;
  eldP99Ms: number | null;
  eldMaxMs: number | null;
  rssPeakBytes: number;
  rssEndBytes: number;
  sendLagP99Ms: number;
  /** Worst event-loop delay p99 among the load generator's threads (a starved generator inflates latency). */
  clientEldP99Ms: number;
  disconnects: number;
  /** False when connecting or laying out failed (the round measured nothing useful). */
  ok: boolean;
  note?: string;
}

export async function runEditorsRound(server: BenchServer, load: LoadClients, o: EditorsRoundOptions): Promise<EditorsRoundResult> {
  const editors = o.reportIds.length * o.editorsPerReport;
  const totalMs = o.warmupMs + o.measureMs;
  const maxKeystrokes = Math.ceil((totalMs / 1000) * o.keystrokesPerSecond) + 20;
  const connectTimeoutMs = 30_000 + editors * 40;
  const connected = await load.connectEditors({
    wsUrl: server.wsUrl,
    reports: o.reportIds.map((room) => ({
      room,
      editors: o.editorsPerReport,
      sectionIds: Array.from({ length: Math.min(MAX_SECTIONS, o.editorsPerReport) }, () => crypto.randomUUID()),
    })),
    keystrokesPerSecond: o.keystrokesPerSecond,
    maxKeystrokes,
    clientIdBase: 1_000_000 + Math.floor(Math.random() * 1_000_000) * 10,
    connectTimeoutMs,
  });
  const base = { editors, reports: o.reportIds.length, connected: connected.synced };
  try {
    if (connected.synced < editors) return failed(base, `only ${connected.synced}/${editors} editors synced`);
    const prepared = await load.prepareEditors(20_000 + editors * 20);
    if (prepared.ready < editors) return failed(base, `only ${prepared.ready}/${editors} editors saw their paragraph`);
    await sleep(500);

    const t0 = nowMs() + 300;
    const window = { t0, t1: t0 + o.warmupMs, t2: t0 + totalMs, drainMs: o.drainMs };
    const typing = load.type(window, nowMs());
    await sleep(window.t1 - nowMs());
    await server.stats(); // resets the event-loop delay histogram at the window's start
    const cpu0 = server.cpuMs();
    const clientCpu0 = load.cpuMs();
    const rss = new RssSampler(server.pid);
    await sleep(window.t2 - nowMs());
    const cpu1 = server.cpuMs();
    const clientCpu1 = load.cpuMs();
    const rssPeak = rss.stop();
    const stats = await server.stats();
    const result: TypingResult = await typing;
    const seconds = o.measureMs / 1000;
    const keystrokes = Math.max(1, result.keystrokes);
    return {
      ...base,
      latencyP50Ms: result.latency.p50,
      latencyP90Ms: result.latency.p90,
      latencyP99Ms: result.latency.p99,
      latencyMaxMs: result.latency.max,
      delivered: result.expected ? result.received / result.expected : 1,
      keystrokes: result.keystrokes,
      serverCpuMs: cpu1 - cpu0,
      serverCpuPerEditUs: ((cpu1 - cpu0) * 1000) / keystrokes,
      clientCpuPerEditUs: ((clientCpu1 - clientCpu0) * 1000) / keystrokes,
      serverCores: (cpu1 - cpu0) / 1000 / seconds,
      clientCores: (clientCpu1 - clientCpu0) / 1000 / seconds,
      eldP50Ms: stats?.eld.p50Ms ?? null,
      eldP99Ms: stats?.eld.p99Ms ?? null,
      eldMaxMs: stats?.eld.maxMs ?? null,
      rssPeakBytes: rssPeak,
      rssEndBytes: server.rssBytes(),
      sendLagP99Ms: result.sendLag.p99,
      clientEldP99Ms: result.clientEldP99Ms,
      disconnects: result.disconnects,
      ok: true,
    };
  } finally {
    await load.closeEditors();
  }
}

function failed(base: { editors: number; reports: number; connected: number }, note: string): EditorsRoundResult {
  return {
    ...base,
    latencyP50Ms: NaN,
    latencyP90Ms: NaN,
    latencyP99Ms: Infinity,
    latencyMaxMs: NaN,
    delivered: 0,
    keystrokes: 0,
    serverCpuMs: NaN,
    serverCpuPerEditUs: NaN,
    clientCpuPerEditUs: NaN,
    serverCores: NaN,
    clientCores: NaN,
    eldP50Ms: null,
    eldP99Ms: null,
    eldMaxMs: null,
    rssPeakBytes: NaN,
    rssEndBytes: NaN,
    sendLagP99Ms: NaN,
    clientEldP99Ms: NaN,
    disconnects: 0,
    ok: false,
    note,
  };
}
