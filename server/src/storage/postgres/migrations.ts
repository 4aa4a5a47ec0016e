/** PostgreSQL schema, as numbered migrations applied in order. Never edit a released step; add the next one. */
export const POSTGRES_MIGRATIONS: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'reports and document updates',
    sql: `
      CREATE TABLE reports (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        mechanism TEXT NOT NULL,
        state_under_review TEXT NOT NULL DEFAULT '',
        created_at TIMESTAMPTZ NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL
      );
      CREATE TABLE document_updates (
        seq BIGSERIAL PRIMARY KEY,
        doc_name TEXT NOT NULL,
        data BYTEA NOT NULL
      );
      CREATE INDEX document_updates_doc ON document_updates (doc_name, seq);
    `,
  },
];
