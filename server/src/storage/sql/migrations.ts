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
    version: 11,
    name: 'attachments: images and files of reports, their bytes stored once per SHA-256',
    sql: (t) => `
      CREATE TABLE attachment_blobs (
        sha256 TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        data ${t.blob} NOT NULL
      );
      CREATE TABLE attachments (
        id TEXT PRIMARY KEY,
        report_id TEXT NOT NULL,
        sha256 TEXT NOT NULL REFERENCES attachment_blobs (sha256),
        mime_type TEXT NOT NULL,
        file_name TEXT NOT NULL,
        width INTEGER,
        height INTEGER,
        uploaded_by TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (report_id, sha256)
      );
      CREATE INDEX attachments_report ON attachments (report_id, created_at);
      CREATE INDEX attachments_sha256 ON attachments (sha256);
    `,
  },
  {
    version: 12,
    name: "testimony: a witness's real name and contact, kept out of the report's document (owners and editors only)",
    sql: () => `
      CREATE TABLE testimony_contacts (
        report_id TEXT NOT NULL,
        testimony_id TEXT NOT NULL,
        real_name TEXT NOT NULL,
        contact TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (report_id, testimony_id)
      );
    `,
  },
  {
    version: 13,
    name: 'library: model texts with adoption records, the reports that used them, subscriptions to other instances\' feeds',
    sql: () => `
      CREATE TABLE library_entries (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        content TEXT NOT NULL,
        plain_text TEXT NOT NULL,
        level TEXT NOT NULL,
        tags TEXT NOT NULL,
        language TEXT NOT NULL,
        source TEXT NOT NULL,
        licence TEXT NOT NULL,
        visibility TEXT NOT NULL,
        coalition_id TEXT,
        version INTEGER NOT NULL,
        writer_id TEXT,
        writer_name TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        origin TEXT,
        subscription_id TEXT,
        subscription_key TEXT
      );
      CREATE INDEX library_entries_visibility ON library_entries (visibility);
      CREATE INDEX library_entries_coalition ON library_entries (coalition_id);
      CREATE UNIQUE INDEX library_entries_subscribed ON library_entries (subscription_id, subscription_key);
      CREATE TABLE library_adoptions (
        id TEXT PRIMARY KEY,
        entry_id TEXT NOT NULL REFERENCES library_entries (id) ON DELETE CASCADE,
        place TEXT NOT NULL,
        body TEXT NOT NULL,
        date TEXT NOT NULL,
        status TEXT NOT NULL,
        link TEXT,
        follow_up TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      );
      CREATE INDEX library_adoptions_entry ON library_adoptions (entry_id);
      CREATE TABLE library_uses (
        entry_id TEXT NOT NULL REFERENCES library_entries (id) ON DELETE CASCADE,
        report_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        used_at TEXT NOT NULL,
        PRIMARY KEY (entry_id, report_id)
      );
      CREATE TABLE library_subscriptions (
        id TEXT PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        instance TEXT,
        etag TEXT,
        last_modified TEXT,
        last_polled_at TEXT,
        last_error TEXT
      );
    `,
  },
  {
    version: 14,
    name: "deadlines and follow-up: a report's session and deadline in the catalogue, calendar feeds, reminders sent, tracked recommendations and their log",
    sql: () => `
      ALTER TABLE reports ADD COLUMN session TEXT;
      ALTER TABLE reports ADD COLUMN deadline_date TEXT;
      ALTER TABLE reports ADD COLUMN deadline_time TEXT;
      ALTER TABLE reports ADD COLUMN deadline_zone TEXT;
      ALTER TABLE reports ADD COLUMN deadline_at TEXT;
      CREATE INDEX reports_deadline_at ON reports (deadline_at);
      CREATE TABLE calendar_feeds (
        user_id TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        token_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
      );
      CREATE TABLE deadline_reminders (
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        item TEXT NOT NULL,
        kind TEXT NOT NULL,
        deadline_at TEXT NOT NULL,
        sent_at TEXT NOT NULL,
        PRIMARY KEY (user_id, item, kind, deadline_at)
      );
      CREATE TABLE followup_items (
        id TEXT PRIMARY KEY,
        coalition_id TEXT REFERENCES coalitions (id) ON DELETE CASCADE,
        owner_user_id TEXT NOT NULL REFERENCES users (id),
        state TEXT NOT NULL,
        mechanism TEXT NOT NULL,
        document_symbol TEXT NOT NULL,
        paragraph TEXT NOT NULL,
        topic TEXT NOT NULL,
        text TEXT NOT NULL,
        follow_up_due TEXT,
        created_by_name TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX followup_items_coalition ON followup_items (coalition_id);
      CREATE INDEX followup_items_owner ON followup_items (owner_user_id);
      CREATE TABLE followup_log (
        id TEXT PRIMARY KEY,
        item_id TEXT NOT NULL REFERENCES followup_items (id) ON DELETE CASCADE,
        place TEXT NOT NULL,
        status TEXT NOT NULL,
        note TEXT NOT NULL,
        evidence_url TEXT,
        observed_on TEXT NOT NULL,
        author_id TEXT NOT NULL,
        author_name TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX followup_log_item ON followup_log (item_id);
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
  {
    version: 16,
    name: 'i18n: the language each person chose for the interface, kept on their account',
    sql: () => `
      ALTER TABLE users ADD COLUMN language TEXT;
    `,
  },
  {
    version: 17,
    name: 'end-to-end encryption (issue 11): versions sealed in the browser (the server stores them without reading names or text)',
    sql: (t) => `
      CREATE TABLE encrypted_versions (
        id TEXT PRIMARY KEY,
        report_id TEXT NOT NULL,
        generation INTEGER NOT NULL,
        maker_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        data ${t.blob} NOT NULL
      );
      CREATE INDEX encrypted_versions_report ON encrypted_versions (report_id, created_at);
    `,
  },
];

export function migrationSql(m: Migration, dialect: Dialect): string {
  return m.sql(TYPES[dialect]);
}
