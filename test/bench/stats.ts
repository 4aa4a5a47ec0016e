/** Small statistics helpers: percentiles over raw samples and medians over rounds. */

/** Nearest-rank percentile (0..100) of samples; sorts a copy unless `sorted` is set. */
export function percentile(samples: ArrayLike<number>, p: number, sorted = false): number {
  if (samples.length === 0) return NaN;
  const arr = sorted ? samples : Float64Array.from(samples).sort();
  const rank = Math.min(arr.length - 1, Math.max(0, Math.ceil((p / 100) * arr.length) - 1));
  return arr[rank]!;
}

export interface Summary {
  count: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  p999: number;
  max: number;
}

export function summarize(samples: ArrayLike<number>): Summary {
  const sorted = Float64Array.from(samples).sort();
  let sum = 0;
  for (let i = 0; i < sorted.length; i++) sum += sorted[i]!;
  return {
    count: sorted.length,
    mean: sorted.length ? sum / sorted.length : NaN,
    p50: percentile(sorted, 50, true),
    p90: percentile(sorted, 90, true),
    p99: percentile(sorted, 99, true),
    p999: percentile(sorted, 99.9, true),
    max: sorted.length ? sorted[sorted.length - 1]! : NaN,
  };
}

/** Median of the finite values; NaN when there are none. */
export function median(values: (number | null | undefined)[]): number {
  const v = values.filter((x): x is number => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

/** Median of each numeric field over rounds (fields missing in a round are skipped). */
export function medianFields<T extends Record<string, unknown>>(rounds: T[], fields: (keyof T)[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of fields) out[String(f)] = median(rounds.map((r) => r[f] as number));
  return out;
}

/** Monotonic milliseconds (CLOCK_MONOTONIC), comparable across the threads and processes of this machine. */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** An awaited pause. Deliberately not unref'd: the caller is waiting on it, so it must keep the process alive. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Poll `check` every `intervalMs` until it is true; false when `timeoutMs` passes first. */
export async function waitUntil(check: () => boolean, timeoutMs: number, intervalMs = 20): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  return true;
}

/** Reject with a named error when `promise` takes longer than `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
