/**
 * Failed sign-ins per account and per address within a window: after `slowAfter` failures answers are slowed
 * (one more `delayStepMs` per failure), after `refuseAfter` they are refused (429) until the window passes. A success
 * clears the account's count. Kept in memory per node.
 */
export interface ThrottleOptions {
  windowMs: number;
  slowAfter: number;
  refuseAfter: number;
  delayStepMs: number;
  maxDelayMs: number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = { windowMs: 15 * 60_000, slowAfter: 3, refuseAfter: 10, delayStepMs: 1000, maxDelayMs: 5000 };

export type Verdict = { refuse: true; retryAfterSeconds: number } | { refuse: false; delayMs: number };

export class LoginThrottle {
  private failures = new Map<string, number[]>();

  constructor(private readonly options: ThrottleOptions = DEFAULT_THROTTLE) {}

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.options.windowMs);
    if (list.length === 0) this.failures.delete(key);
    else this.failures.set(key, list);
    return list;
  }

  /** What to do before checking a password for this account from this address. */
  check(keys: string[], now = Date.now()): Verdict {
    let worst = 0;
    let oldest = now;
    for (const key of keys) {
      const list = this.recent(key, now);
      if (list.length > worst) {
        worst = list.length;
        oldest = list[0] ?? now;
      }
    }
    if (worst >= this.options.refuseAfter) {
      return { refuse: true, retryAfterSeconds: Math.ceil((oldest + this.options.windowMs - now) / 1000) };
    }
    const excess = worst - this.options.slowAfter + 1;
    return { refuse: false, delayMs: excess > 0 ? Math.min(this.options.maxDelayMs, excess * this.options.delayStepMs) : 0 };
  }

  fail(keys: string[], now = Date.now()): void {
    for (const key of keys) {
      const list = this.recent(key, now);
      list.push(now);
      this.failures.set(key, list);
    }
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }
}
