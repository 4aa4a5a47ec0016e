/**
 * Benchmark settings from the environment. `BENCH_QUICK=1` is a 2-3 minute smoke run for development; the
 * default is the full run (about 20 minutes on 2 cores). Every figure can be overridden one by one.
 */
const quick = process.env.BENCH_QUICK === '1';

function num(key: string, full: number, smoke: number): number {
  const raw = process.env[key];
  if (raw === undefined || raw === '') return quick ? smoke : full;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${key} must be a number >= 0, got "${raw}"`);
  return n;
}

function list(key: string, full: number[], smoke: number[]): number[] {
  const raw = process.env[key];
  if (raw === undefined || raw === '') return quick ? smoke : full;
  return raw.split(',').map((s) => {
    const n = Number(s.trim());
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${key} must be a comma list of positive integers, got "${raw}"`);
    return n;
  });
}

export const PHASES = ['startup', 'latency', 'capacity', 'cold', 'memory', 'compaction', 'export', 'open', 'typing'] as const;
export type Phase = (typeof PHASES)[number];

function phases(): Phase[] {
  const raw = process.env.BENCH_ONLY;
  if (!raw) return [...PHASES];
  const wanted = raw.split(',').map((s) => s.trim());
  for (const w of wanted) if (!(PHASES as readonly string[]).includes(w)) throw new Error(`BENCH_ONLY: unknown phase "${w}"`);
  return wanted as Phase[];
}

export const config = {
  quick,
  phases: phases(),
  /** Server starts of each kind (compiled, and through tsx) for the start-up time and idle memory. */
  startupStarts: num('BENCH_STARTUP_STARTS', 10, 3),
  /** How long after its first /healthz answer a started server's RSS is read. */
  startupSettleMs: num('BENCH_STARTUP_SETTLE_S', 3, 2) * 1000,
  /** Rounds per latency measurement (medians are reported). */
  rounds: num('BENCH_ROUNDS', 3, 1),
  /** Editors on one report in the latency rounds. */
  editorCounts: list('BENCH_EDITORS', [10, 50, 100], [10, 50]),
  keystrokesPerSecond: num('BENCH_KEYSTROKES_PER_S', 5, 5),
  warmupMs: num('BENCH_WARMUP_S', 2, 1) * 1000,
  measureMs: num('BENCH_MEASURE_S', 8, 4) * 1000,
  drainMs: num('BENCH_DRAIN_S', 8, 5) * 1000,
  /** Server-bound supplement: editors on one report driven by light protocol-level clients (0 = none). */
  lightEditorCounts: list('BENCH_LIGHT_EDITORS', [100], [100]),
  capacityLightEditors: list('BENCH_CAP_LIGHT_EDITORS', [50, 100, 150, 200, 250], [100, 200]),
  /** Capacity: editors on one report, reports with 3 editors, idle connections; stops at the first miss. */
  capacityEditors: list('BENCH_CAP_EDITORS', [25, 50, 100, 150, 200, 250], [25, 100]),
  capacityReports: list('BENCH_CAP_REPORTS', [100, 200, 300, 400], [50, 200]),
  capacityIdle: list('BENCH_CAP_IDLE', [1000, 2500, 5000, 7500, 10000], [500, 2000]),
  capacityMeasureMs: num('BENCH_CAP_MEASURE_S', 5, 3) * 1000,
  /** Idle connections per report in the idle-connection capacity test. */
  idlePerReport: num('BENCH_IDLE_PER_REPORT', 10, 10),
  /** p99 sync latency that ends a capacity sweep. */
  latencyLimitMs: num('BENCH_LATENCY_LIMIT_MS', 100, 100),
  /** The large report: words and sections. */
  bigWords: num('BENCH_BIG_WORDS', 100_000, 100_000),
  bigSections: num('BENCH_BIG_SECTIONS', 60, 60),
  /** Cold-load and compaction rounds. */
  coldRounds: num('BENCH_COLD_ROUNDS', 3, 1),
  /** Large reports held open at once for the memory-per-report figure. */
  loadedReports: num('BENCH_LOADED_REPORTS', 8, 2),
  /** Export rounds of the long submission (100,000 words, 500 notes) per format and way. */
  exportRounds: num('BENCH_EXPORT_ROUNDS', 3, 1),
  compactionRows: num('BENCH_COMPACTION_ROWS', 500, 200),
  /** Browser speed (phases open and typing): peers typing beside the browser user, and the keys the user types. */
  typingPeers: num('BENCH_TYPING_PEERS', 10, 10),
  typingKeys: num('BENCH_TYPING_KEYS', 150, 60),
  /** Load generator: worker threads and niceness (the server keeps CPU priority on 2 cores). */
  workers: num('BENCH_WORKERS', 2, 2),
  clientNice: num('BENCH_CLIENT_NICE', 0, 0),
  /** Browser measurement: 'build' builds the client into a temp folder, 'dist' uses dist/client, 'skip'. */
  client: (process.env.BENCH_CLIENT ?? 'build') as 'build' | 'dist' | 'skip',
  /** Measured code: 'head' (a copy of the last commit, default) or 'worktree' (this checkout as it is). */
  source: (process.env.BENCH_SOURCE === 'worktree' ? 'worktree' : 'head') as 'head' | 'worktree',
  /** Latency rounds re-run because other processes used this much CPU (cores) meanwhile; at most this many. */
  disturbedCores: num('BENCH_DISTURBED_CORES', 0.25, 0.25),
  retryBudget: num('BENCH_RETRIES', 6, 2),
  /** Before each typing round, wait at most this long for other processes on the machine to go quiet. */
  quietWaitMs: num('BENCH_QUIET_WAIT_S', 6, 3) * 1000,
  /** Which servers to run (ours,reference). */
  servers: (process.env.BENCH_SERVERS ?? 'ours,reference').split(',').map((s) => s.trim()) as ('ours' | 'reference')[],
};

export type BenchConfig = typeof config;
