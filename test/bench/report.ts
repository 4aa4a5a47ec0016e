/**
 * The results: a side-by-side table (ours, reference, target, status) printed to the console, all figures as
 * JSON in bench-results/, and a human summary in docs/BENCHMARKS.md (only the part between the bench markers is
 * rewritten, so written analysis around it survives a new run). Targets are reported, never enforced.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CapacityResult } from './capacity.ts';
import type { ColdLoadResult } from './coldLoad.ts';
import type { CompactionResult } from './compaction.ts';
import type { EditorsRoundResult } from './editorsRound.ts';
import type { ExportPhaseResult, ExportTimes } from './exportPhase.ts';
import type { LatencyResult } from './latency.ts';
import type { LoadedReportsMemory } from './memory.ts';
import type { StartupResult } from './startup.ts';
import { browserSpeedRows, type BrowserSpeedResult } from './browserSpeed.ts';
import { REPO_ROOT } from './paths.ts';
import type { ServerKind } from './servers.ts';
import { median } from './stats.ts';
import type { BenchConfig } from './config.ts';

export interface Machine {
  nproc: number;
  cpuModel: string;
  ramGiB: number;
  node: string;
  os: string;
}

export interface BenchResults {
  startedAt: string;
  finishedAt?: string;
  durationS?: number;
  command: string;
  machine: Machine;
  config: BenchConfig;
  source?: { commit: string; mode: string; worktreeDirty: boolean };
  /** Start-up time and idle RSS: ours compiled (npm start), the reference column the TypeScript through tsx. */
  startup?: StartupResult;
  latency?: LatencyResult;
  /** The server-bound supplement: light protocol-level clients instead of stock providers. */
  lightLatency?: LatencyResult;
  capacity?: CapacityResult;
  coldLoad?: ColdLoadResult;
  memory?: Partial<Record<ServerKind, LoadedReportsMemory>>;
  compaction?: CompactionResult;
  export?: ExportPhaseResult;
  /** Opening and typing in the large report in Chromium (phases open and typing). */
  browserSpeed?: BrowserSpeedResult;
  errors: { phase: string; message: string }[];
  rows?: Row[];
  notes?: string[];
}

export type Status = 'pass' | 'MISS' | 'info' | 'n/a' | 'skipped';

export interface Row {
  metric: string;
  ours: string;
  reference: string;
  target: string;
  status: Status;
}

export function machineInfo(): Machine {
  let cpuModel = 'unknown';
  try {
    cpuModel = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpuModel;
  } catch {
    // not Linux
  }
  return {
    nproc: os.availableParallelism(),
    cpuModel,
    ramGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
  };
}

const isNum = (n: unknown): n is number => typeof n === 'number' && !Number.isNaN(n);
const ms = (n: number | null | undefined) => (!isNum(n) ? '—' : !Number.isFinite(n) ? '> drain' : n >= 100 ? `${n.toFixed(0)} ms` : `${n.toFixed(1)} ms`);
const us = (n: number | undefined) => (isNum(n) && Number.isFinite(n) ? `${n.toFixed(0)} µs` : '—');
const mib = (n: number | undefined) => (isNum(n) && Number.isFinite(n) ? `${(n / 2 ** 20).toFixed(n < 10 * 2 ** 20 ? 2 : 1)} MiB` : '—');
const count = (n: number | undefined) => (isNum(n) ? String(n) : '—');

/** Medians over rounds of the figures the table shows. */
function latencyMedians(rounds: EditorsRoundResult[] | undefined) {
  const ok = (rounds ?? []).filter((r) => r.ok);
  const m = (f: (r: EditorsRoundResult) => number | null) => (ok.length ? median(ok.map(f)) : NaN);
  // Undelivered receipts make a round's percentiles Infinity; the median must keep those rather than skip them.
  const withInf = (f: (r: EditorsRoundResult) => number) => {
    const v = ok.map(f).filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
    if (v.length === 0) return NaN;
    return v.length % 2 ? v[(v.length - 1) / 2]! : (v[v.length / 2 - 1]! + v[v.length / 2]!) / 2;
  };
  return {
    rounds: ok.length,
    p50: withInf((r) => r.latencyP50Ms),
    p99: withInf((r) => r.latencyP99Ms),
    eldP99: m((r) => r.eldP99Ms),
    cpuPerEdit: m((r) => r.serverCpuPerEditUs),
    clientCpuPerEdit: m((r) => r.clientCpuPerEditUs),
    serverCores: m((r) => r.serverCores),
    clientCores: m((r) => r.clientCores),
    sendLagP99: m((r) => r.sendLagP99Ms),
    clientEldP99: m((r) => r.clientEldP99Ms),
    delivered: m((r) => r.delivered),
  };
}

/** A load generator that could not keep its own schedule: its receipts are late for its own reasons too. */
export const generatorSaturated = (m: { sendLagP99: number; clientEldP99: number }, periodMs: number) =>
  m.sendLagP99 > periodMs || m.clientEldP99 > 50;

export function buildRows(res: BenchResults): { rows: Row[]; notes: string[] } {
  const rows: Row[] = [];
  const notes: string[] = [];
  const period = 1000 / res.config.keystrokesPerSecond;
  const S = res.startup;
  if (S) {
    rows.push({
      metric: `Start: spawn → first /healthz (median / p90 of ${S.built.starts}; reference column: through tsx)`,
      ours: `${ms(S.built.readyMedianMs)} / ${ms(S.built.readyP90Ms)}`,
      reference: `${ms(S.tsx.readyMedianMs)} / ${ms(S.tsx.readyP90Ms)}`,
      target: '< 500 ms',
      status: isNum(S.built.readyMedianMs) ? (S.built.readyMedianMs < 500 ? 'pass' : 'MISS') : 'n/a',
    });
    rows.push({
      metric: 'Start: CPU time used by the process until that answer (median; not counting waits for a core)',
      ours: ms(S.built.cpuToReadyMedianMs),
      reference: ms(S.tsx.cpuToReadyMedianMs),
      target: '—',
      status: 'info',
    });
    rows.push({
      metric: `Idle RSS after start, no report open (median, ${S.settleMs / 1000} s after /healthz; reference column: through tsx)`,
      ours: mib(S.built.idleRssMedianBytes),
      reference: mib(S.tsx.idleRssMedianBytes),
      target: '< 100 MB',
      status: isNum(S.built.idleRssMedianBytes) ? (S.built.idleRssMedianBytes < 100e6 ? 'pass' : 'MISS') : 'n/a',
    });
    notes.push(
      `Start-up: ours is \`${S.built.command}\` (what \`npm start\` runs after building); the reference column is \`${S.tsx.command}\` (the TypeScript through tsx, as \`npm start\` ran before and \`npm run dev\` still does), alternating start after start on fresh SQLite folders. The other rows measure ours through tsx.`,
    );
  }
  let dagger = false;
  const latencyRows = (L: LatencyResult, counts: number[], prefix: string) => {
    for (const n of counts) {
      const o = latencyMedians(L.rounds.ours?.[n]);
      const r = latencyMedians(L.rounds.reference?.[n]);
      const mark = (m: typeof o) => (m.rounds && generatorSaturated(m, period) ? ((dagger = true), ' †') : '');
      const lost = (m: typeof o) => (m.rounds && m.delivered < 1 ? ` (${(m.delivered * 100).toFixed(0)}% delivered)` : '');
      const both = o.rounds > 0 && r.rounds > 0;
      rows.push({
        metric: `${prefix}Sync latency p50, ${n} editors`,
        ours: ms(o.p50) + mark(o),
        reference: ms(r.p50) + mark(r),
        target: '≤ 1.25× reference',
        // Both beyond the drain time: no ratio to judge.
        status: !both || (!Number.isFinite(o.p50) && !Number.isFinite(r.p50)) ? 'n/a' : o.p50 <= 1.25 * r.p50 ? 'pass' : 'MISS',
      });
      rows.push({
        metric: `${prefix}Sync latency p99, ${n} editors`,
        ours: ms(o.p99) + lost(o) + mark(o),
        reference: ms(r.p99) + lost(r) + mark(r),
        target: n >= 100 ? '< 100 ms' : '—',
        status: n >= 100 ? (o.rounds ? (o.p99 < 100 ? 'pass' : 'MISS') : 'n/a') : 'info',
      });
      rows.push({ metric: `${prefix}Server event-loop delay p99, ${n} editors`, ours: ms(o.eldP99), reference: ms(r.eldP99), target: '—', status: 'info' });
      rows.push({
        metric: `${prefix}Server CPU per edit, ${n} editors`,
        // A server that did not deliver everything also did less work per keystroke: say so next to the figure.
        ours: us(o.cpuPerEdit) + lost(o),
        reference: us(r.cpuPerEdit) + lost(r),
        target: '≤ 1.5× reference',
        status: !both ? 'n/a' : o.cpuPerEdit / r.cpuPerEdit <= 1.5 ? 'pass' : 'MISS',
      });
      rows.push({
        metric: `${prefix}Load generator CPU per edit, ${n} editors`,
        ours: `${us(o.clientCpuPerEdit)} (${isNum(o.clientCores) ? o.clientCores.toFixed(2) : '—'} cores)`,
        reference: `${us(r.clientCpuPerEdit)} (${isNum(r.clientCores) ? r.clientCores.toFixed(2) : '—'} cores)`,
        target: '—',
        status: 'info',
      });
    }
  };
  const L = res.latency;
  if (L) {
    latencyRows(L, res.config.editorCounts, '');
    const top = Math.max(...res.config.editorCounts);
    const stored = L.stored[top] ?? [];
    const ratio = median(stored.map((s) => s.ratio));
    const s = stored[0];
    rows.push({
      metric: `Stored bytes / encoded size after the ${top}-editor run`,
      ours: isNum(ratio) ? `${ratio.toFixed(2)}× (${s ? `${(s.storedBytes / 1024).toFixed(0)} KiB in ${s.rows} rows for ${(s.encodedBytes / 1024).toFixed(0)} KiB` : ''})` : '—',
      reference: 'n/a (no storage)',
      target: '≤ 2×',
      status: isNum(ratio) ? (ratio <= 2 ? 'pass' : 'MISS') : 'n/a',
    });
  }
  if (res.lightLatency) latencyRows(res.lightLatency, res.config.lightEditorCounts, 'Server-bound: ');
  if (dagger) {
    notes.push(
      `† The load generator could not keep its own schedule in that run (median send-lag p99 above one keystroke period of ${period.toFixed(0)} ms, ` +
        'or its event-loop delay p99 above 50 ms): it ran out of CPU on this machine, so the latency includes its own queueing, not only the server.',
    );
  }
  if (res.lightLatency || Object.keys(res.capacity?.lightEditorsOnOneReport ?? {}).length) {
    notes.push(
      'Server-bound rows use light protocol-level clients (test/bench/load/lightClient.ts): the same y-websocket messages, ' +
        'keystrokes, cursor updates and presence echoes as the stock client, but they stop applying other editors\' changes once ' +
        'typing starts, so that on this 2-core machine the server rather than the load generator is what runs out of CPU.',
    );
  }
  const C = res.capacity;
  if (C) {
    type Sweep = { max: number; steps: { step: number; pass: boolean }[] };
    const show = (s?: Sweep) => (!s ? '—' : s.steps.every((x) => x.pass) ? `≥ ${s.max}` : s.max > 0 ? String(s.max) : `< ${s.steps[0]?.step ?? '?'}`);
    const sweepRow = (metric: string, target: number, o?: Sweep, r?: Sweep) =>
      rows.push({ metric, ours: show(o), reference: show(r), target: `≥ ${target}`, status: !o ? 'n/a' : o.max >= target ? 'pass' : 'MISS' });
    sweepRow('Capacity: editors on one report (p99 < 100 ms)', 150, C.editorsOnOneReport.ours, C.editorsOnOneReport.reference);
    if (Object.keys(C.lightEditorsOnOneReport ?? {}).length) {
      sweepRow('Server-bound: editors on one report (light clients)', 150, C.lightEditorsOnOneReport.ours, C.lightEditorsOnOneReport.reference);
    }
    sweepRow('Capacity: reports with 3 editors each (p99 < 100 ms)', 200, C.reportsWithThreeEditors.ours, C.reportsWithThreeEditors.reference);
    sweepRow('Capacity: idle connections', 5000, C.idleConnections.ours, C.idleConnections.reference);
    const perConn = (k: ServerKind) => C.idleConnections[k]?.perConnectionBytes;
    rows.push({
      metric: 'Memory per idle connection (RSS delta / connections)',
      ours: mib(perConn('ours')),
      reference: mib(perConn('reference')),
      target: '< 0.5 MiB',
      status: isNum(perConn('ours')) ? (perConn('ours')! < 0.5 * 2 ** 20 ? 'pass' : 'MISS') : 'n/a',
    });
  }
  const K = res.coldLoad;
  if (K) {
    rows.push({
      metric: 'Large report: encoded size (Y.encodeStateAsUpdate)',
      ours: `${(K.report.encodedBytes / 2 ** 20).toFixed(2)} MiB`,
      reference: 'same document',
      target: '< 3 MB',
      status: K.report.encodedBytes < 3_000_000 ? 'pass' : 'MISS',
    });
    rows.push({
      metric: 'Cold start: /healthz answers → new client synced',
      ours: ms(K.coldMedian.readyToSyncedMs),
      reference: 'n/a (no persistence)',
      target: '< 500 ms',
      status: isNum(K.coldMedian.readyToSyncedMs) ? (K.coldMedian.readyToSyncedMs < 500 ? 'pass' : 'MISS') : 'n/a',
    });
    rows.push({ metric: 'Cold start: process spawn → /healthz answers', ours: ms(K.coldMedian.spawnToReadyMs), reference: 'n/a', target: '—', status: 'info' });
    rows.push({
      metric: 'New client synced, report already in memory',
      ours: ms(K.warmMedian.ours),
      reference: ms(K.warmMedian.reference),
      target: '—',
      status: 'info',
    });
    const b = K.browser;
    rows.push({
      metric: 'Browser: navigation → editable editor (Chromium)',
      ours: b.status === 'ok' ? ms(b.medianMs) : b.reason ?? b.status,
      reference: 'n/a',
      target: '< 2.5 s',
      status: b.status === 'ok' ? (b.medianMs! < 2500 ? 'pass' : 'MISS') : b.status === 'failed' ? 'MISS' : 'skipped',
    });
  }
  if (res.browserSpeed) rows.push(...browserSpeedRows(res.browserSpeed));
  const M = res.memory;
  if (M) {
    rows.push({
      metric: `Memory per idle loaded large report (RSS delta / ${M.ours?.reports ?? M.reference?.reports ?? '?'})`,
      ours: mib(M.ours?.perReportRssBytes),
      reference: mib(M.reference?.perReportRssBytes),
      target: '< 40 MB',
      status: M.ours ? (M.ours.perReportRssBytes < 40e6 ? 'pass' : 'MISS') : 'n/a',
    });
  }
  const P = res.compaction;
  if (P) {
    rows.push({
      metric: `Compaction of the large report (${P.rounds[0]?.rowsBefore ?? '?'} rows → 1)`,
      ours: ms(P.medianCompactMs),
      reference: 'n/a',
      target: '< 300 ms',
      status: isNum(P.medianCompactMs) ? (P.medianCompactMs < 300 ? 'pass' : 'MISS') : 'n/a',
    });
  }
  const E = res.export;
  if (E) {
    const size = `${E.report.words.toLocaleString('en')} words, ${E.report.sections} sections, ${E.report.notes} notes; ${mib(E.report.encodedBytes)} encoded`;
    const cell = (t: ExportTimes, f: 'docxMedianMs' | 'pdfMedianMs') => (t.status === 'ok' ? ms(t[f]) : t.status);
    const status = (t: ExportTimes, f: 'docxMedianMs' | 'pdfMedianMs', limit: number): Status =>
      t.status !== 'ok' || !isNum(t[f]) ? (t.status === 'skipped' ? 'skipped' : 'n/a') : t[f]! < limit ? 'pass' : 'MISS';
    const ref = E.reference.status === 'ok' ? `${ms(E.reference.pdfMedianMs)} (LibreOffice .docx → PDF)` : E.reference.status;
    rows.push({ metric: `Export to Word in Node (${size})`, ours: `${cell(E.node, 'docxMedianMs')}, ${mib(E.report.docxBytes)}`, reference: 'n/a', target: '< 3 s', status: status(E.node, 'docxMedianMs', 3000) });
    rows.push({ metric: 'Export to PDF in Node', ours: `${cell(E.node, 'pdfMedianMs')}, ${mib(E.report.pdfBytes)}`, reference: ref, target: '< 10 s', status: status(E.node, 'pdfMedianMs', 10_000) });
    rows.push({ metric: 'Export to Word through the API (worker thread)', ours: cell(E.server, 'docxMedianMs'), reference: 'n/a', target: '—', status: 'info' });
    rows.push({ metric: 'Export to PDF through the API (worker thread)', ours: cell(E.server, 'pdfMedianMs'), reference: ref, target: '—', status: 'info' });
    rows.push({ metric: 'Export to Word in Chromium (dialog button → download)', ours: cell(E.browser, 'docxMedianMs'), reference: 'n/a', target: '< 3 s', status: status(E.browser, 'docxMedianMs', 3000) });
    rows.push({ metric: 'Export to PDF in Chromium (dialog button → download)', ours: cell(E.browser, 'pdfMedianMs'), reference: ref, target: '< 10 s', status: status(E.browser, 'pdfMedianMs', 10_000) });
    for (const [way, t] of [['in Chromium', E.browser], ['through the API', E.server]] as const) {
      if (t.reason) notes.push(`Export ${way}: ${t.reason}`);
    }
  }
  return { rows, notes };
}

export function consoleTable(rows: Row[]): string {
  const head: Row = { metric: 'Metric', ours: 'Ours', reference: 'Reference', target: 'Target', status: 'Status' as Status };
  const all = [head, ...rows];
  const keys = ['metric', 'ours', 'reference', 'target', 'status'] as const;
  const width = keys.map((k) => Math.min(60, Math.max(...all.map((r) => String(r[k]).length))));
  const line = (r: Row) => keys.map((k, i) => String(r[k]).slice(0, 60).padEnd(width[i]!)).join(' | ');
  return [line(head), width.map((w) => '-'.repeat(w)).join('-+-'), ...rows.map(line)].join('\n');
}

function markdownTable(rows: Row[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [
    '| Metric | Ours | Reference | Target | Status |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${esc(r.metric)} | ${esc(r.ours)} | ${esc(r.reference)} | ${esc(r.target)} | ${r.status === 'MISS' ? '**miss**' : r.status} |`),
  ].join('\n');
}

function capacityTable(C: CapacityResult): string {
  const lines = ['| Sweep | Server | Step | p99 | Result | Server RSS (after the window / peak in it) |', '|---|---|---|---|---|---|'];
  const add = (name: string, sweeps: Partial<Record<ServerKind, { steps: { step: number; pass: boolean; p99Ms: number; rssBytes: number; rssPeakBytes: number }[] }>>) => {
    for (const [kind, sweep] of Object.entries(sweeps)) {
      for (const s of sweep!.steps) {
        lines.push(`| ${name} | ${kind} | ${s.step} | ${ms(s.p99Ms)} | ${s.pass ? 'pass' : 'miss'} | ${mib(s.rssBytes)} / ${mib(s.rssPeakBytes)} |`);
      }
    }
  };
  add('editors on one report', C.editorsOnOneReport);
  add('editors on one report, light clients', C.lightEditorsOnOneReport ?? {});
  add('reports × 3 editors', C.reportsWithThreeEditors);
  add('idle connections (+5-editor probe)', C.idleConnections);
  return lines.join('\n');
}

/** Every typing round of the run (latency, server-bound and capacity), for run-wide figures. */
function allRounds(res: BenchResults): EditorsRoundResult[] {
  const out: EditorsRoundResult[] = [];
  for (const L of [res.latency, res.lightLatency]) for (const byN of Object.values(L?.rounds ?? {})) for (const rs of Object.values(byN ?? {})) out.push(...rs);
  const C = res.capacity;
  if (C) {
    for (const sweeps of [C.editorsOnOneReport, C.lightEditorsOnOneReport ?? {}, C.reportsWithThreeEditors, C.idleConnections]) {
      for (const sw of Object.values(sweeps)) for (const s of sw?.steps ?? []) out.push(s.detail as EditorsRoundResult);
    }
  }
  return out.filter((r) => r && typeof r.otherCores === 'number' && Number.isFinite(r.otherCores));
}

/** How busy the rest of the machine was during the measured windows. */
export function disturbanceNote(res: BenchResults): string | null {
  const other = allRounds(res).map((r) => r.otherCores);
  if (other.length === 0) return null;
  const busy = other.filter((c) => c > 0.25).length;
  return (
    `Other processes on this shared machine used a median of ${median(other).toFixed(2)} cores (max ${Math.max(...other).toFixed(2)}) ` +
    `during the ${other.length} measured typing windows; ${busy} of them had more than 0.25 cores of outside load.`
  );
}

export function markdownSummary(res: BenchResults): string {
  const m = res.machine;
  const parts = [
    `Run ${res.startedAt} (${res.durationS ? `${Math.round(res.durationS / 60)} min` : 'unfinished'}) with \`${res.command}\` on ${m.nproc} × ${m.cpuModel}, ` +
      `measuring commit ${res.source?.commit ?? '?'}${res.source?.mode === 'worktree' ? ` (working tree${res.source.worktreeDirty ? ', with uncommitted changes' : ''})` : ''}, ` +
      `${m.ramGiB} GiB RAM, Node ${m.node}, ${m.os}. Reference: \`@y/websocket-server\` 0.1.1 (in memory, no persistence). ` +
      `Latency figures are medians of ${res.config.rounds} rounds of ${res.config.measureMs / 1000} s (after ${res.config.warmupMs / 1000} s warm-up); ` +
      `load generator: stock y-websocket clients in ${res.config.workers} worker threads${res.config.clientNice ? ` at nice ${res.config.clientNice}` : ''}.`,
    '',
    markdownTable(res.rows ?? []),
  ];
  for (const note of res.notes ?? []) parts.push('', note);
  const disturbed = disturbanceNote(res);
  if (disturbed) parts.push('', disturbed);
  if (res.capacity) parts.push('', '### Capacity steps', '', capacityTable(res.capacity));
  if (res.errors.length) parts.push('', '### Errors', '', ...res.errors.map((e) => `- ${e.phase}: ${e.message}`));
  return parts.join('\n');
}

const BEGIN = '<!-- bench:begin (generated by `npm run bench`; edit outside these markers) -->';
const END = '<!-- bench:end -->';

/** Replace the generated part of docs/BENCHMARKS.md, keeping everything around it. */
export function writeBenchmarksDoc(summary: string): string {
  const file = path.join(REPO_ROOT, 'docs/BENCHMARKS.md');
  const generated = `${BEGIN}\n${summary}\n${END}`;
  let text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : `# Benchmarks\n\n## Latest run\n\n${BEGIN}\n${END}\n`;
  const a = text.indexOf(BEGIN.slice(0, 20));
  const b = text.indexOf(END);
  text = a >= 0 && b > a ? text.slice(0, a) + generated + text.slice(b + END.length) : `${text.trimEnd()}\n\n${generated}\n`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

/** Figures as JSON: latest.json for a full run, quick.json / partial.json for smoke and BENCH_ONLY runs. */
export function writeJson(res: BenchResults, name: string): string {
  const dir = path.join(REPO_ROOT, 'bench-results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(file + '.tmp', JSON.stringify(res, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 2) + '\n');
  fs.renameSync(file + '.tmp', file);
  return file;
}
