/**
 * Deadline reminders by mail: a week and a day before each deadline a person can see (deadlinesFor), once each.
 * Every reminder is claimed in the database before it is sent (a primary key only one node can insert), so
 * with several nodes running the job nobody gets it twice; a failed send gives the claim back for the next round.
 * A moved deadline is a new deadline and gets its own reminders.
 */
import { reminderDue } from '../../../shared/deadlines/timeLeft.ts';
import { PeriodicRound } from '../jobs/PeriodicRound.ts';
import type { Logger } from '../log.ts';
import type { Mail } from '../mail/Mail.ts';
import { reminderMail } from '../mail/reminderMail.ts';
import type { Storage } from '../storage/Storage.ts';
import type { DeadlineEntry } from './deadlinesFor.ts';

export const REMINDER_EVERY_MS = 15 * 60_000;

export class ReminderJob extends PeriodicRound {
  constructor(
    private readonly storage: Storage,
    private readonly deadlines: (userId: string) => Promise<DeadlineEntry[]>,
    private readonly mail: Mail,
    log: Logger,
  ) {
    super('reminder', log);
  }

  override start(intervalMs = REMINDER_EVERY_MS): void {
    super.start(intervalMs);
  }

  protected async round(now: Date): Promise<number> {
    if (!this.mail.configured) return 0;
    let sent = 0;
    for (const user of await this.storage.mail.allUsers()) {
      try {
        for (const entry of await this.deadlines(user.id)) {
          const kind = reminderDue(entry.deadline.at, now.getTime());
          if (!kind) continue;
          const claim = { userId: user.id, item: entry.key, kind, deadlineAt: entry.deadline.at };
          if (!(await this.storage.reminders.claim({ ...claim, sentAt: now.toISOString() }))) continue;
          const link = entry.kind === 'report' ? this.mail.links.report(entry.id) : this.mail.links.followUp();
          try {
            await this.mail.mailer.send({
              to: user.email,
              ...reminderMail({ name: user.name, kind, title: entry.title, detail: entry.detail, due: `${entry.deadline.date} ${entry.deadline.time} (${entry.deadline.zone})`, link }),
            });
            sent++;
          } catch (err) {
            await this.storage.reminders.release(claim);
            throw err;
          }
        }
      } catch (err) {
        this.log.warn('reminder not sent', { userId: user.id, err });
      }
    }
    return sent;
  }
}
