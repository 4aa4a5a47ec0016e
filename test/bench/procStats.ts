/** Read a process's resident memory and CPU time from /proc, from outside it (any process, no cooperation). */
import fs from 'node:fs';

const TICKS_PER_SECOND = 100; // getconf CLK_TCK on Linux x86-64

/** Resident set size in bytes, or NaN when the process is gone. */
export function rssBytes(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return m ? Number(m[1]) * 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** User + system CPU time of all the process's threads, in milliseconds (10 ms granularity). */
export function cpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at field 3; utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

/**
 * CPU time the whole machine spent busy (user, nice, system, steal; all CPUs), in milliseconds. Minus the
 * benchmark's own processes it shows what else ran meanwhile: the machine is shared, and a round disturbed by
 * someone else's build or browser is flagged rather than silently reported.
 */
export function machineBusyMs(): number {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
    const [user, nice, system, , , , , steal] = line.trim().split(/\s+/).slice(1).map(Number);
    return ((user! + nice! + system! + steal!) * 1000) / TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

/** Samples a process's RSS every `intervalMs` and keeps the peak; the timer is unref'd. */
export class RssSampler {
  peak = 0;
  private timer: NodeJS.Timeout;

  constructor(
    private readonly pid: number,
    intervalMs = 250,
  ) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  private sample(): void {
    const rss = rssBytes(this.pid);
    if (rss > this.peak) this.peak = rss;
  }

  stop(): number {
    clearInterval(this.timer);
    this.sample();
    return this.peak;
  }
}

/**
 * Wait until the rest of the machine is quiet: total busy CPU under `maxCores` over a 500 ms sample, checked
 * for at most `maxWaitMs`. The machine is shared with other engineers' builds and browsers; starting a round in
 * a quiet moment keeps their work out of the figures. Returns how long it waited and the last load seen.
 */
export async function waitForQuietMachine(maxCores: number, maxWaitMs: number): Promise<{ waitedMs: number; cores: number }> {
  const started = Date.now();
  let cores = NaN;
  do {
    const b0 = machineBusyMs();
    const t0 = Date.now();
    await new Promise((r) => setTimeout(r, 500));
    cores = (machineBusyMs() - b0) / (Date.now() - t0);
    if (cores < maxCores) break;
  } while (Date.now() - started < maxWaitMs);
  return { waitedMs: Date.now() - started, cores };
}
