/**
 * Attempts per key within a window (sign-ins per account, address or known device; sign-ups per address). Each
 * attempt is counted — reserved in the database, atomically across every server node — BEFORE its password is
 * checked, so a burst of any size on any number of nodes gets at most `refuseAfter` checks per key and window.
 * After `slowAfter` attempts answers are slowed (one more `delayStepMs` each); a right password releases its own
 * reservation, so only wrong ones keep counting. Old rows are swept.
 */
import crypto from 'node:crypto';

export type Reservation = { reserved: true; count: number } | { reserved: false; oldest: number };

/** Where attempts are kept: one row per key and attempt, with its time (ms). */
export interface AttemptLog {
  /**
   * In one atomic step, shared by every node: when each key has fewer than `limit` attempts at or after `since`,
   * record one for each key under `attempt` at `at`, and answer the most attempts a key now has; otherwise record
   * nothing and answer when the oldest attempt of a key at its limit was made.
   */
  reserve(attempt: string, keys: string[], at: number, since: number, limit: number): Promise<Reservation>;
  /** Forget one attempt (its password was right). */
  release(attempt: string): Promise<void>;
  /** Forget attempts of keys starting with `prefix` made before `before` (ms). */
  sweep(prefix: string, before: number): Promise<void>;
}

export interface ThrottleOptions {
  windowMs: number;
  slowAfter: number;
  refuseAfter: number;
  delayStepMs: number;
  maxDelayMs: number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = { windowMs: 15 * 60_000, slowAfter: 3, refuseAfter: 10, delayStepMs: 1000, maxDelayMs: 5000 };

export type Verdict = { refuse: true; retryAfterSeconds: number } | { refuse: false; attempt: string; delayMs: number };

export class LoginThrottle {
  /**
   * @param scope keeps the keys of one throttle apart from another's ("login", "signup"), so each sweeps its own
   * window.
   */
  constructor(
    private readonly log: AttemptLog,
    readonly options: ThrottleOptions = DEFAULT_THROTTLE,
    private readonly scope = 'login',
  ) {}

  /** Count one attempt for these keys before doing it; refused when any key has used its allowance. */
  async reserve(keys: string[], now = Date.now()): Promise<Verdict> {
    const attempt = crypto.randomUUID();
    const scoped = keys.map((k) => `${this.scope}/${k}`);
    const r = await this.log.reserve(attempt, scoped, now, now - this.options.windowMs + 1, this.options.refuseAfter);
    if (!r.reserved) {
      return { refuse: true, retryAfterSeconds: Math.max(1, Math.ceil((r.oldest + this.options.windowMs - now) / 1000)) };
    }
    // Attempts before this one past the slow-down threshold each add a step.
    const excess = r.count - 1 - this.options.slowAfter + 1;
    return { refuse: false, attempt, delayMs: excess > 0 ? Math.min(this.options.maxDelayMs, excess * this.options.delayStepMs) : 0 };
  }

  /** The attempt succeeded (the password was right): it no longer counts. */
  release(attempt: string): Promise<void> {
    return this.log.release(attempt);
  }

  /** Drop attempts older than the window (run now and then). */
  sweep(now = Date.now()): Promise<void> {
    return this.log.sweep(`${this.scope}/`, now - this.options.windowMs);
  }
}
