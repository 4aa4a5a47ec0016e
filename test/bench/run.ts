/**
 * `npm run bench`: our server against the stock @y/websocket-server side by side, in one run. See
 * docs/BENCHMARKS.md for what is measured and how; config.ts for the knobs (BENCH_QUICK=1 for a smoke run).
 * Targets are reported, never enforced: the exit code is 0 unless a measurement itself could not run.
 */
import fs from 'node:fs';
import { runCapacity } from './capacity.ts';
import { killAll } from './children.ts';
import { prepareClient, type ClientBuild } from './clientBuild.ts';
import { runColdLoad } from './coldLoad.ts';
import { runCompaction } from './compaction.ts';
import { runExportPhase } from './exportPhase.ts';
import { config, type Phase } from './config.ts';
import { runLatency } from './latency.ts';
import { LoadClients } from './loadClients.ts';
import { disturbance } from './editorsRound.ts';
import { measureLoadedReports } from './memory.ts';
import { runStartup } from './startup.ts';
import { runBrowserSpeed } from './browserSpeed.ts';
import { buildRows, consoleTable, disturbanceNote, machineInfo, markdownSummary, writeBenchmarksDoc, writeJson, type BenchResults } from './report.ts';
import { removeRunDir } from './paths.ts';
import { prepareSource } from './source.ts';
import type { ServerKind } from './servers.ts';

const started = Date.now();
const log = (line: string) => process.stdout.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
const servers = config.servers.filter((s): s is ServerKind => s === 'ours' || s === 'reference');
const envShown = Object.entries(process.env)
  .filter(([k]) => k.startsWith('BENCH_'))
  .map(([k, v]) => `${k}=${v}`)
  .join(' ');
const results: BenchResults = {
  startedAt: new Date(started).toISOString(),
  command: `${envShown ? envShown + ' ' : ''}npm run bench`,
  machine: machineInfo(),
  config,
  errors: [],
};
const partial = config.quick || !!process.env.BENCH_ONLY || servers.length < 2;
const jsonName = config.quick ? 'quick.json' : process.env.BENCH_ONLY || servers.length < 2 ? 'partial.json' : 'latest.json';

function save(): void {
  const { rows, notes } = buildRows(results);
  results.rows = rows;
  results.notes = notes;
  writeJson(results, jsonName);
}

async function phase(name: Phase, fn: () => Promise<void>): Promise<void> {
  if (!config.phases.includes(name)) return;
  log(`== ${name}`);
  try {
    await fn();
  } catch (err) {
    const message = (err as Error)?.stack ?? String(err);
    results.errors.push({ phase: name, message: message.split('\n').slice(0, 3).join(' ') });
    log(`${name} failed: ${message}`);
  }
  save();
}

let clientBuild: Promise<ClientBuild> | null = null;
/** The client is built once, for the first phase that opens it in Chromium. */
function client(): Promise<ClientBuild> {
  clientBuild ??= prepareClient(config.client).then((c) => {
    log(c.ok ? `client built into ${c.dir}${c.buildMs ? ` in ${(c.buildMs / 1000).toFixed(0)} s` : ''}` : `browser measurement: ${c.reason}`);
    return c;
  });
  return clientBuild;
}

async function main(): Promise<void> {
  const src = prepareSource(config.source);
  results.source = { commit: src.commit, mode: src.mode, worktreeDirty: src.worktreeDirty };
  log(`measuring commit ${src.commit} (${src.mode === 'head' ? 'a copy of the commit' : 'the working tree'}${src.worktreeDirty ? '; the working tree has uncommitted changes' : ''})`);
  const m = results.machine;
  log(`machine: ${m.nproc} × ${m.cpuModel}, ${m.ramGiB} GiB, Node ${m.node}; servers: ${servers.join(', ')}; quick: ${config.quick}`);
  Object.assign(disturbance, {
    disturbedCores: config.disturbedCores,
    retriesLeft: config.retryBudget,
    quietWaitMs: config.quietWaitMs,
  });
  // First, on a quiet machine: nothing else of the benchmark runs yet.
  await phase('startup', async () => {
    results.startup = await runStartup({ starts: config.startupStarts, settleMs: config.startupSettleMs }, log);
  });
  const needsLoad = config.phases.includes('latency') || config.phases.includes('capacity');
  const load = needsLoad ? await LoadClients.start(config.workers, config.clientNice) : null;
  const typing = { keystrokesPerSecond: config.keystrokesPerSecond, warmupMs: config.warmupMs, drainMs: config.drainMs };
  try {
    await phase('latency', async () => {
      results.latency = await runLatency(
        load!,
        {
          editorCounts: config.editorCounts,
          clients: 'stock',
          rounds: config.rounds,
          servers,
          measureMs: config.measureMs,
          ...typing,
        },
        log,
      );
    });
    await phase('latency', async () => {
      if (config.lightEditorCounts.length === 0) return;
      log('server-bound supplement: the same rounds with light protocol-level clients');
      results.lightLatency = await runLatency(
        load!,
        {
          editorCounts: config.lightEditorCounts,
          clients: 'light',
          rounds: config.rounds,
          servers,
          measureMs: config.measureMs,
          ...typing,
        },
        log,
      );
    });
    await phase('capacity', async () => {
      results.capacity = await runCapacity(
        load!,
        servers,
        {
          editorSteps: config.capacityEditors,
          lightEditorSteps: config.capacityLightEditors,
          reportSteps: config.capacityReports,
          idleSteps: config.capacityIdle,
          idlePerReport: config.idlePerReport,
          measureMs: config.capacityMeasureMs,
          latencyLimitMs: config.latencyLimitMs,
          ...typing,
        },
        log,
      );
    });
  } finally {
    await load?.stop();
  }
  await phase('cold', async () => {
    results.coldLoad = await runColdLoad({ words: config.bigWords, sections: config.bigSections, rounds: config.coldRounds, servers }, await client(), log);
  });
  await phase('memory', async () => {
    results.memory = {};
    for (const kind of servers) {
      const mem = await measureLoadedReports(kind, { reports: config.loadedReports, words: config.bigWords, sections: config.bigSections });
      results.memory[kind] = mem;
      log(`memory ${kind}: ${(mem.perReportRssBytes / 2 ** 20).toFixed(1)} MiB RSS per loaded large report (${mem.reports} reports)`);
    }
  });
  await phase('compaction', async () => {
    results.compaction = await runCompaction({ words: config.bigWords, sections: config.bigSections, rows: config.compactionRows, rounds: config.coldRounds });
    log(`compaction: median ${results.compaction.medianCompactMs.toFixed(1)} ms`);
  });
  await phase('export', async () => {
    results.export = await runExportPhase({ rounds: config.exportRounds, client: await client() }, log);
  });
  // Issue 15's browser figures: opening the large report, and typing in it beside 10 peers.
  if (config.phases.includes('open') || config.phases.includes('typing')) {
    await phase(config.phases.includes('open') ? 'open' : 'typing', async () => {
      results.browserSpeed = await runBrowserSpeed(
        {
          words: config.bigWords,
          sections: config.bigSections,
          rounds: config.coldRounds,
          peers: config.typingPeers,
          keystrokesPerSecond: config.keystrokesPerSecond,
          keys: config.typingKeys,
          phases: { open: config.phases.includes('open'), typing: config.phases.includes('typing') },
        },
        await client(),
        log,
      );
    });
  }

  results.finishedAt = new Date().toISOString();
  results.durationS = (Date.now() - started) / 1000;
  save();
  process.stdout.write(`\n${consoleTable(results.rows ?? [])}\n`);
  for (const note of results.notes ?? []) process.stdout.write(`\n${note}\n`);
  const disturbed = disturbanceNote(results);
  if (disturbed) process.stdout.write(`\n${disturbed}\n`);
  log(`figures written to bench-results/${jsonName}`);
  if (!partial || process.env.BENCH_WRITE_DOCS === '1') log(`summary written to ${writeBenchmarksDoc(markdownSummary(results))}`);
  else log('docs/BENCHMARKS.md left alone (quick or partial run; BENCH_WRITE_DOCS=1 writes it anyway)');
}

/** BENCH_REPORT_FROM=<results.json>: rebuild the table and docs/BENCHMARKS.md from saved figures, measure nothing. */
async function reportOnly(file: string): Promise<void> {
  const saved = JSON.parse(fs.readFileSync(file, 'utf8'), (_k, v) =>
    v === 'Infinity' ? Infinity : v === '-Infinity' ? -Infinity : v === 'NaN' ? NaN : v,
  ) as BenchResults;
  const { rows, notes } = buildRows(saved);
  saved.rows = rows;
  saved.notes = notes;
  process.stdout.write(`${consoleTable(rows)}\n`);
  for (const note of notes) process.stdout.write(`\n${note}\n`);
  log(`summary written to ${writeBenchmarksDoc(markdownSummary(saved))}`);
}

(process.env.BENCH_REPORT_FROM ? reportOnly(process.env.BENCH_REPORT_FROM) : main())
  .catch((err: unknown) => {
    results.errors.push({ phase: 'main', message: String((err as Error)?.stack ?? err) });
    process.stderr.write(`bench failed: ${(err as Error)?.stack ?? err}\n`);
  })
  .finally(() => {
    killAll();
    if (!process.env.BENCH_KEEP_TMP) removeRunDir();
    process.exit(results.errors.length ? 1 : 0);
  });
