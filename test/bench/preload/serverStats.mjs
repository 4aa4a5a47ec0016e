/**
 * Preloaded into both benchmarked servers (`node --import <this file>`), identically, so their event-loop
 * delay, CPU time and memory can be read from outside without changing either server.
 *
 * On SIGUSR2 it writes `$BENCH_STATS_DIR/stats-<pid>.json` (atomically, via rename) with the event-loop delay
 * histogram since the previous snapshot, `process.cpuUsage()` and `process.memoryUsage()`, then resets the
 * histogram. When `$BENCH_STATS_DIR/cmd-<pid>` contains "gc" (and node runs with --expose-gc) it collects
 * garbage first, so memory figures are not inflated by garbage awaiting collection. SIGUSR1 is not used:
 * it opens Node's inspector.
 */
import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const dir = process.env.BENCH_STATS_DIR;
/** Timer period of the delay sampler; every sample includes it, so it is subtracted from the figures. */
const RESOLUTION_MS = 10;

if (dir) {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  let seq = 0;
  const ms = (ns) => Math.max(0, ns / 1e6 - RESOLUTION_MS);
  const snapshot = () => {
    const cmdFile = path.join(dir, `cmd-${process.pid}`);
    let cmd = '';
    try {
      cmd = fs.readFileSync(cmdFile, 'utf8');
      fs.unlinkSync(cmdFile);
    } catch {
      // no command pending
    }
    if (cmd.includes('gc') && typeof globalThis.gc === 'function') {
      globalThis.gc();
      globalThis.gc();
    }
    const count = histogram.count;
    const stats = {
      seq: ++seq,
      pid: process.pid,
      uptimeMs: process.uptime() * 1000,
      cpu: process.cpuUsage(),
      mem: process.memoryUsage(),
      eld: {
        count,
        p50Ms: count ? ms(histogram.percentile(50)) : null,
        p90Ms: count ? ms(histogram.percentile(90)) : null,
        p99Ms: count ? ms(histogram.percentile(99)) : null,
        maxMs: count ? ms(histogram.max) : null,
        meanMs: count ? ms(histogram.mean) : null,
      },
    };
    histogram.reset();
    const file = path.join(dir, `stats-${process.pid}.json`);
    fs.writeFileSync(file + '.tmp', JSON.stringify(stats));
    fs.renameSync(file + '.tmp', file);
  };
  process.on('SIGUSR2', snapshot);
}

// With BENCH_CPU_PROF (node --cpu-prof), a server that has no SIGTERM handler of its own (the reference) would die
// on the signal without writing its profile: exit normally instead. Ours handles SIGTERM itself and is left alone.
if (process.env.BENCH_CPU_PROF) {
  process.on('SIGTERM', () => {
    if (process.listenerCount('SIGTERM') === 1) process.exit(0);
  });
}
