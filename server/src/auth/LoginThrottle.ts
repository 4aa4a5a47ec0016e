/**
 * Failed sign-ins per account and per address within a window: after `slowAfter` failures answers are slowed
 * (one more `delayStepMs` per failure), after `refuseAfter` they are refused (429) until the window passes. A success
 * clears the account's count. The failures are kept in the database (`FailureLog`), so every server node counts
 * the same attempts; the window is short, and old rows are swept.
 */

/** Where failed sign-ins are kept: times (ms) per key ("account:<email>", "address:<ip>"). */
export interface FailureLog {
  /** Failures of each key at or after `since` (ms), oldest first. */
  recent(keys: string[], since: number): Promise<Map<string, number[]>>;
  add(keys: string[], at: number): Promise<void>;
  clear(key: string): Promise<void>;
  /** Forget failures older than `before` (ms). */
  sweep(before: number): Promise<void>;
}
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
  constructor(
    private readonly log: FailureLog,
    private readonly options: ThrottleOptions = DEFAULT_THROTTLE,
  ) {}

  /** What to do before checking a password for this account from this address. */
  async check(keys: string[], now = Date.now()): Promise<Verdict> {
    const recent = await this.log.recent(keys, now - this.options.windowMs + 1);
    let worst = 0;
    let oldest = now;
    for (const key of keys) {
      const list = recent.get(key) ?? [];
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

  fail(keys: string[], now = Date.now()): Promise<void> {
    return this.log.add(keys, now);
  }

  succeed(key: string): Promise<void> {
    return this.log.clear(key);
  }

  /** Drop failures older than the window (run now and then). */
  sweep(now = Date.now()): Promise<void> {
    return this.log.sweep(now - this.options.windowMs);
  }
}
