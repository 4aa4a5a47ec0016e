/**
 * A job that runs one round every interval on each node: at most one round at a time (a round still running when
 * the timer fires again is joined, not doubled), a failed round logged and counted as 0, and `stop()` waiting for
 * the round in flight. What makes a round safe with several nodes (a claim in the database) is the job's own.
 */
import type { Logger } from '../log.ts';

export abstract class PeriodicRound {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  protected constructor(
    /** Named in the log line of a failed round ("<name> round failed"). */
    private readonly roundName: string,
    protected readonly log: Logger,
  ) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.run(), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One round (the timer calls it; tests call it directly). Returns how many mails this node sent in it. */
  run(now = new Date()): Promise<number> {
    this.running ??= this.round(now)
      .catch((err: unknown) => {
        this.log.warn(`${this.roundName} round failed`, { err });
        return 0;
      })
      .finally(() => (this.running = null));
    return this.running;
  }

  protected abstract round(now: Date): Promise<number>;
}
