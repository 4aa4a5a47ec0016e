import { PostgresDriver } from '../sql/PostgresDriver.ts';
import { SqlStorage } from '../sql/SqlStorage.ts';

/** PostgreSQL, used when DATABASE_URL is set; several server nodes may share one database. */
export class PostgresStorage extends SqlStorage {
  constructor(connectionString: string, poolSize = 10) {
    super(new PostgresDriver(connectionString, poolSize));
  }
}
