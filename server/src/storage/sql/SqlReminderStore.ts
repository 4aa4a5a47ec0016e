/** Deadline reminders claimed by an insert that only one node can win (the primary key). */
import type { ReminderStore } from '../Storage.ts';
import type { SqlDriver } from './SqlDriver.ts';

export class SqlReminderStore implements ReminderStore {
  constructor(private readonly db: SqlDriver) {}

  async claim(r: { userId: string; item: string; kind: string; deadlineAt: string; sentAt: string }): Promise<boolean> {
    const n = await this.db.run(
      `INSERT INTO deadline_reminders (user_id, item, kind, deadline_at, sent_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (user_id, item, kind, deadline_at) DO NOTHING`,
      [r.userId, r.item, r.kind, r.deadlineAt, r.sentAt],
    );
    return n === 1;
  }

  async release(r: { userId: string; item: string; kind: string; deadlineAt: string }): Promise<void> {
    await this.db.run('DELETE FROM deadline_reminders WHERE user_id = ? AND item = ? AND kind = ? AND deadline_at = ?', [r.userId, r.item, r.kind, r.deadlineAt]);
  }
}
