/** Failed sign-ins in the `login_failures` table (migration 4), so every node of a cluster counts the same ones. */
import type { FailureLog } from '../../auth/LoginThrottle.ts';
import type { SqlExecutor } from './SqlDriver.ts';

export class SqlLoginFailures implements FailureLog {
  constructor(private readonly db: SqlExecutor) {}

  async recent(keys: string[], since: number): Promise<Map<string, number[]>> {
    const out = new Map<string, number[]>();
    if (keys.length === 0) return out;
    const rows = await this.db.all<{ key: string; at: number | string }>(
      `SELECT key, at FROM login_failures WHERE key IN (${keys.map(() => '?').join(', ')}) AND at >= ? ORDER BY at`,
      [...keys, since],
    );
    for (const row of rows) {
      const list = out.get(row.key) ?? [];
      // PostgreSQL returns BIGINT as a string.
      list.push(Number(row.at));
      out.set(row.key, list);
    }
    return out;
  }

  async add(keys: string[], at: number): Promise<void> {
    if (keys.length === 0) return;
    await this.db.run(`INSERT INTO login_failures (key, at) VALUES ${keys.map(() => '(?, ?)').join(', ')}`, keys.flatMap((k) => [k, at]));
  }

  async clear(key: string): Promise<void> {
    await this.db.run('DELETE FROM login_failures WHERE key = ?', [key]);
  }

  async sweep(before: number): Promise<void> {
    await this.db.run('DELETE FROM login_failures WHERE at < ?', [before]);
  }
}
