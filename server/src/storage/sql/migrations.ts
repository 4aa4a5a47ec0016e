/**
 * The schema, as numbered migrations applied in order, written once for both databases: `t` supplies the
 * few types that differ. Never edit a released step; add the next one. Times are ISO 8601 UTC text, which
 * sorts correctly in both.
 */
import type { Dialect } from './SqlDriver.ts';

interface Types {
  autoId: string;
  blob: string;
  /** An expression for 32 random hex characters (ids for rows written before they had one). */
  randomHex: string;
  /** An expression for the ISO 8601 UTC time `days` days from now, in the same text form the server writes. */
  isoInDays: (days: number) => string;
}

const TYPES: Record<Dialect, Types> = {
  sqlite: {
    autoId: 'INTEGER PRIMARY KEY AUTOINCREMENT',
    blob: 'BLOB',
    randomHex: 'lower(hex(randomblob(16)))',
    isoInDays: (days) => `strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+${days} days')`,
  },
  postgres: {
    autoId: 'BIGSERIAL PRIMARY KEY',
    blob: 'BYTEA',
    randomHex: "replace(gen_random_uuid()::text, '-', '')",
    isoInDays: (days) => `to_char((now() AT TIME ZONE 'UTC') + interval '${days} days', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  },
};

export interface Migration {
  version: number;
  name: string;
  sql: (t: Types) => string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'reports and document updates',
    sql: (t) => `
      CREATE TABLE reports (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        mechanism TEXT NOT NULL,
        state_under_review TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE document_updates (
        seq ${t.autoId},
        doc_name TEXT NOT NULL,
        data ${t.blob} NOT NULL
      );
      CREATE INDEX document_updates_doc ON document_updates (doc_name, seq);
    `,
  },
  {
    version: 2,
    name: 'accounts, sessions, coalitions and roles; reports made before accounts await the first administrator',
    sql: () => `
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        is_admin INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
      );
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX sessions_user ON sessions (user_id);
      CREATE TABLE access_tokens (
        id TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        last_used_at TEXT
      );
      CREATE TABLE coalitions (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL
      );
      CREATE TABLE coalition_organisations (
        coalition_id TEXT NOT NULL REFERENCES coalitions (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        PRIMARY KEY (coalition_id, position)
      );
      CREATE TABLE coalition_members (
        coalition_id TEXT NOT NULL REFERENCES coalitions (id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        manager INTEGER NOT NULL DEFAULT 0,
        report_role TEXT NOT NULL,
        joined_at TEXT NOT NULL,
        PRIMARY KEY (coalition_id, user_id)
      );
      CREATE INDEX coalition_members_user ON coalition_members (user_id);
      CREATE TABLE invitations (
        id TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        coalition_id TEXT NOT NULL REFERENCES coalitions (id) ON DELETE CASCADE,
        report_role TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at TEXT,
        used_by TEXT
      );
      ALTER TABLE reports ADD COLUMN owner_user_id TEXT REFERENCES users (id);
      ALTER TABLE reports ADD COLUMN coalition_id TEXT REFERENCES coalitions (id);
      CREATE INDEX reports_owner ON reports (owner_user_id);
      CREATE INDEX reports_coalition ON reports (coalition_id);
      CREATE TABLE report_members (
        report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        added_at TEXT NOT NULL,
        PRIMARY KEY (report_id, user_id)
      );
      CREATE INDEX report_members_user ON report_members (user_id);
    `,
  },
  {
    version: 3,
    name: 'named and automatic versions of reports',
    sql: (t) => `
      CREATE TABLE versions (
        id TEXT PRIMARY KEY,
        report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        auto INTEGER NOT NULL DEFAULT 0,
        author_id TEXT,
        author_name TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        content ${t.blob} NOT NULL,
        discussion ${t.blob} NOT NULL
      );
      CREATE INDEX versions_report ON versions (report_id, created_at);
    `,
  },
  {
    version: 4,
    name: 'failed sign-ins, shared by every server node',
    sql: () => `
      CREATE TABLE login_failures (
        key TEXT NOT NULL,
        at BIGINT NOT NULL
      );
      CREATE INDEX login_failures_key ON login_failures (key, at);
    `,
  },
  {
    version: 5,
    name: 'sign-in attempts reserved before the password is checked, known devices, instance settings, sign-up invitations',
    sql: () => `
      DROP TABLE login_failures;
      CREATE TABLE auth_attempts (
        attempt TEXT NOT NULL,
        key TEXT NOT NULL,
        at BIGINT NOT NULL
      );
      CREATE INDEX auth_attempts_key ON auth_attempts (key, at);
      CREATE INDEX auth_attempts_attempt ON auth_attempts (attempt);
      CREATE TABLE known_devices (
        token_hash TEXT NOT NULL,
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        last_used_at TEXT NOT NULL,
        PRIMARY KEY (token_hash, user_id)
      );
      CREATE INDEX known_devices_user ON known_devices (user_id);
      CREATE TABLE instance_settings (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE signup_invitations (
        id TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at TEXT,
        used_by TEXT
      );
    `,
  },
  {
    version: 6,
    name: 'accounts people manage: session ids, devices and last use; token expiry; disabled and deleted accounts',
    sql: (t) => `
      ALTER TABLE sessions ADD COLUMN id TEXT;
      ALTER TABLE sessions ADD COLUMN last_used_at TEXT;
      ALTER TABLE sessions ADD COLUMN device TEXT NOT NULL DEFAULT '';
      UPDATE sessions SET id = ${t.randomHex}, last_used_at = created_at WHERE id IS NULL;
      CREATE UNIQUE INDEX sessions_id ON sessions (id);
      ALTER TABLE access_tokens ADD COLUMN expires_at TEXT;
      UPDATE access_tokens SET expires_at = ${t.isoInDays(90)} WHERE expires_at IS NULL;
      CREATE INDEX access_tokens_user ON access_tokens (user_id);
      ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE users ADD COLUMN last_seen_at TEXT;
      ALTER TABLE users ADD COLUMN deleted_at TEXT;
      CREATE INDEX versions_author ON versions (author_id);
      CREATE INDEX invitations_created_by ON invitations (created_by);
    `,
  },
  {
    version: 7,
    name: 'why each version exists (named, session end, periodic, before a large deletion, before a restore)',
    sql: () => `
      ALTER TABLE versions ADD COLUMN kind TEXT NOT NULL DEFAULT 'named';
      UPDATE versions SET kind = 'session-end' WHERE auto = 1 AND name NOT LIKE 'Before restoring%';
      UPDATE versions SET kind = 'before-restore' WHERE auto = 1 AND name LIKE 'Before restoring%';
    `,
  },
  {
    version: 8,
    name: 'mail: password reset and sign-up confirmation tokens, report invitations by address, digest cursors',
    sql: () => `
      CREATE TABLE password_resets (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX password_resets_user ON password_resets (user_id);
      CREATE TABLE signup_requests (
        token_hash TEXT PRIMARY KEY,
        email TEXT NOT NULL,
        name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        claim TEXT,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE TABLE report_invitations (
        id TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
        email TEXT NOT NULL,
        role TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at TEXT,
        used_by TEXT
      );
      CREATE INDEX report_invitations_report ON report_invitations (report_id);
      CREATE TABLE mail_digests (
        user_id TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        sent_until TEXT NOT NULL
      );
    `,
  },
  {
    version: 9,
    name: "sign-on: organisations' confirmed endorsements of a report",
    sql: () => `
      CREATE TABLE report_sign_ons (
        report_id TEXT NOT NULL,
        organisation TEXT NOT NULL,
        confirmed_by TEXT NOT NULL,
        confirmed_by_name TEXT NOT NULL,
        confirmed_at TEXT NOT NULL,
        PRIMARY KEY (report_id, organisation)
      );
    `,
  },
  {
    version: 10,
    name: 'trash: a deleted report waits in its owner\'s trash before it is purged; the catalogue keeps how far a report has come',
    sql: () => `
      ALTER TABLE reports ADD COLUMN deleted_at TEXT;
      ALTER TABLE reports ADD COLUMN deleted_by TEXT;
      ALTER TABLE reports ADD COLUMN progress TEXT;
      CREATE INDEX reports_deleted_at ON reports (deleted_at);
    `,
  },
  {
    version: 15,
    name: 'end-to-end encryption (issue 11): account keys, wrapped report keys, encrypted snapshots and updates',
    sql: (t) => `
      ALTER TABLE reports ADD COLUMN encrypted INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE reports ADD COLUMN key_generation INTEGER NOT NULL DEFAULT 0;
      CREATE TABLE account_keys (
        user_id TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        box_public TEXT NOT NULL,
        sign_public TEXT NOT NULL,
        password_wrap TEXT NOT NULL,
        recovery_wrap TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE report_keys (
        report_id TEXT NOT NULL,
        generation INTEGER NOT NULL,
        user_id TEXT NOT NULL,
        wrapped_key TEXT NOT NULL,
        wrapped_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (report_id, generation, user_id)
      );
      CREATE TABLE encrypted_messages (
        seq ${t.autoId},
        doc_name TEXT NOT NULL,
        kind TEXT NOT NULL,
        generation INTEGER NOT NULL,
        covers INTEGER,
        data ${t.blob} NOT NULL
      );
      CREATE INDEX encrypted_messages_doc ON encrypted_messages (doc_name, seq);
    `,
  },
];

export function migrationSql(m: Migration, dialect: Dialect): string {
  return m.sql(TYPES[dialect]);
}
