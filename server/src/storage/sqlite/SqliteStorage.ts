import { SqliteDriver } from '../sql/SqliteDriver.ts';
import { SqlStorage } from '../sql/SqlStorage.ts';

/** The embedded store: one SQLite file, zero configuration. */
export class SqliteStorage extends SqlStorage {
  constructor(file: string) {
    super(new SqliteDriver(file));
  }
}
