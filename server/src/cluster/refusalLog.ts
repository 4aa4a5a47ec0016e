/**
 * Warnings about refused cluster messages, rate-limited: someone flooding Redis with forgeries must not fill the
 * disk with log lines. The first few in each window are logged one by one; the rest are counted and reported in
 * one line when the window ends.
 */
import type { Logger } from '../log.ts';

export const REFUSALS_LOGGED_PER_WINDOW = 20;
export const REFUSAL_WINDOW_MS = 60_000;

export class RefusalLog {
  private windowStart = 0;
  private logged = 0;
  private suppressed = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Log one refusal (never the payload or any secret: the context holds the channel, a reason and ids). */
  refuse(message: string, context: Record<string, unknown>): void {
    const now = this.now();
    if (now - this.windowStart >= REFUSAL_WINDOW_MS) {
      this.flush();
      this.windowStart = now;
      this.logged = 0;
    }
    if (this.logged < REFUSALS_LOGGED_PER_WINDOW) {
      this.logged++;
      this.log.warn(message, context);
      return;
    }
    this.suppressed++;
    if (!this.timer) {
      this.timer = setTimeout(() => this.flush(), REFUSAL_WINDOW_MS - (now - this.windowStart));
      this.timer.unref();
    }
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.suppressed === 0) return;
    this.log.warn('more cluster messages refused (not logged one by one)', { count: this.suppressed, windowSeconds: REFUSAL_WINDOW_MS / 1000 });
    this.suppressed = 0;
  }

  close(): void {
    this.flush();
  }
}
