/** Settings an administrator changes at run time (the registration mode), in the database so every node sees them. */
import type { SettingsStore } from '../Storage.ts';
import type { SqlExecutor } from './SqlDriver.ts';

export class SqlInstanceSettings implements SettingsStore {
  constructor(private readonly db: SqlExecutor) {}

  async get(name: string): Promise<string | null> {
    const row = await this.db.get<{ value: string }>('SELECT value FROM instance_settings WHERE name = ?', [name]);
    return row?.value ?? null;
  }

  async set(name: string, value: string, at: string): Promise<void> {
    await this.db.run(
      `INSERT INTO instance_settings (name, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      [name, value, at],
    );
  }
}
