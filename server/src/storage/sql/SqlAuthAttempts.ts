/**
 * Sign-in and sign-up attempts in the `auth_attempts` table (migration 5), shared by every node. A reservation
 * counts and inserts in one transaction that no other reservation of the same keys can interleave with: SQLite's
 * BEGIN IMMEDIATE takes the database's write lock (across processes too); PostgreSQL takes a transaction-scoped
 * advisory lock per key (in sorted order, so two reservations never deadlock) before counting, and under READ
 * COMMITTED the count then sees every reservation committed by the lock's previous holder.
 */
import type { AttemptLog, Reservation } from '../../auth/LoginThrottle.ts';
import type { SqlDriver } from './SqlDriver.ts';

/** First half of the two-part advisory lock key for attempt keys (the second is the key's hash). */
const ATTEMPT_LOCK_SPACE = 7311;

export class SqlAuthAttempts implements AttemptLog {
  constructor(private readonly db: SqlDriver) {}

  reserve(attempt: string, keys: string[], at: number, since: number, limit: number): Promise<Reservation> {
    const unique = [...new Set(keys)].sort();
    return this.db.transaction(async (tx) => {
      if (this.db.dialect === 'postgres') {
        for (const key of unique) await tx.get('SELECT pg_advisory_xact_lock(?, hashtext(?))', [ATTEMPT_LOCK_SPACE, key]);
      }
      const rows = await tx.all<{ key: string; n: number; oldest: number }>(
        `SELECT key, COUNT(*) AS n, MIN(at) AS oldest FROM auth_attempts WHERE key IN (${unique.map(() => '?').join(', ')}) AND at >= ? GROUP BY key`,
        [...unique, since],
      );
      let count = 0;
      let blockedOldest: number | null = null;
      for (const row of rows) {
        const n = Number(row.n);
        count = Math.max(count, n);
        if (n >= limit) blockedOldest = Math.min(blockedOldest ?? Number.MAX_SAFE_INTEGER, Number(row.oldest));
      }
      if (blockedOldest !== null) return { reserved: false, oldest: blockedOldest };
      await tx.run(
        `INSERT INTO auth_attempts (attempt, key, at) VALUES ${unique.map(() => '(?, ?, ?)').join(', ')}`,
        unique.flatMap((k) => [attempt, k, at]),
      );
      return { reserved: true, count: count + 1 };
    });
  }

  async release(attempt: string): Promise<void> {
    await this.db.run('DELETE FROM auth_attempts WHERE attempt = ?', [attempt]);
  }

  async sweep(prefix: string, before: number): Promise<void> {
    // The prefixes are our own constants ("login/", "signup/"), free of LIKE wildcards.
    await this.db.run('DELETE FROM auth_attempts WHERE key LIKE ? AND at < ?', [`${prefix}%`, before]);
  }
}
