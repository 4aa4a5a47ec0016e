/**
 * Backups an operator can rely on. SQLite: `npm run backup -- <file>` copies the database while the server runs
 * and people type, `npm run restore -- <file>` puts it back (refusing files that are not a Rightsdraft database
 * this code can run), and a server started on it shows what was written up to the backup. PostgreSQL: the
 * pg_dump / pg_restore lines of docs/DEPLOY.md give a database a server starts on with the same reports.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { addSection } from '../../shared/report/layout.ts';
import { connectClient, createReport, getContent, signUp, waitFor, type TestClient, type TestUser } from '../helpers/clients.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.ts';
import { startTestServer, tempDir, type TestServer, type TestStorage } from '../helpers/server.ts';
import { spawnServer, type ServerProcess } from '../helpers/serverProcess.ts';
import { typeParagraph } from '../helpers/typing.ts';
import { PostgresStorage } from '../../server/src/storage/postgres/PostgresStorage.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

const cleanup: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

/** `npm run <script> -- <file>` with DATA_DIR; resolves with the exit code and what it printed. */
async function npmRun(script: 'backup' | 'restore', file: string, dataDir: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', script, '--', file], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' } });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

async function started(dataDir: string): Promise<ServerProcess> {
  const server = await spawnServer({ DATA_DIR: dataDir });
  cleanup.push(async () => {
    server.proc.kill('SIGTERM');
    await server.exited;
  });
  return server;
}

async function stop(server: ServerProcess): Promise<void> {
  server.proc.kill('SIGTERM');
  expect(await server.exited).toBe(0);
}

async function texts(server: { url: string }, as: TestUser, reportId: string): Promise<string> {
  return (await getContent(server.url, as, reportId)).sections.map((s) => s.text).join('\n');
}

describe('SQLite backup and restore commands', () => {
  it('copies the database while the server runs and people type; a restored copy serves what was written up to the backup', async () => {
    const live = tempDir('rightsdraft-live-');
    const elsewhere = tempDir('rightsdraft-restored-');
    const backups = tempDir('rightsdraft-backups-');
    cleanup.push(() => [live, elsewhere, backups].forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

    const server = await started(live);
    const alice = await signUp(server.url, { email: 'alice-backup@example.org' });
    const report = await createReport(server.url, alice, { title: 'Backed up' });
    const client: TestClient = connectClient(server.wsUrl, report.id, alice);
    cleanup.push(() => client.destroy());
    await client.synced;
    const sectionId = addSection(client.doc, { title: 'Findings' });
    for (let i = 1; i <= 20; i++) typeParagraph(client.doc, sectionId, `Before the backup, paragraph ${i}.`);
    await waitFor(async () => (await texts(server, alice, report.id)).includes('paragraph 20.'), 10_000, 'the paragraphs to be stored');

    // People keep typing while the backup runs.
    let typed = 0;
    const typing = setInterval(() => typeParagraph(client.doc, sectionId, `During the backup ${++typed}.`), 5);
    const file = path.join(backups, 'rightsdraft-backup.sqlite');
    const backup = await npmRun('backup', file, live);
    clearInterval(typing);
    expect(backup, backup.out).toMatchObject({ code: 0 });
    expect(backup.out).toContain('1 reports');
    typeParagraph(client.doc, sectionId, 'Written after the backup.');
    await waitFor(async () => (await texts(server, alice, report.id)).includes('Written after the backup.'), 10_000, 'the last paragraph to be stored');
    expect(await npmRun('backup', file, live)).toMatchObject({ code: 1, out: expect.stringContaining('exists already') });

    // Restore on another machine (an empty data folder).
    expect(await npmRun('restore', file, elsewhere)).toMatchObject({ code: 0 });
    const restored = await started(elsewhere);
    const text = await texts(restored, alice, report.id);
    for (let i = 1; i <= 20; i++) expect(text).toContain(`Before the backup, paragraph ${i}.`);
    expect(text).not.toContain('Written after the backup.');
    // Whatever was typed during the backup is there up to some point, with nothing out of order.
    const during = [...text.matchAll(/During the backup (\d+)\./g)].map((m) => Number(m[1]));
    expect(during).toEqual(during.map((_, i) => i + 1));
    await stop(restored);

    // Restore over the live database, once its server is stopped: the old one is kept beside it.
    client.destroy();
    await stop(server);
    const over = await npmRun('restore', file, live);
    expect(over, over.out).toMatchObject({ code: 0, out: expect.stringContaining('before-restore-') });
    const kept = fs.readdirSync(live).find((f) => f.includes('.before-restore-'))!;
    const again = await started(live);
    expect(await texts(again, alice, report.id)).not.toContain('Written after the backup.');
    await stop(again);
    // The database it replaced still holds the later paragraph.
    const keptDir = tempDir('rightsdraft-kept-');
    cleanup.push(() => fs.rmSync(keptDir, { recursive: true, force: true }));
    fs.copyFileSync(path.join(live, kept), path.join(keptDir, 'rightsdraft.sqlite'));
    const previous = await started(keptDir);
    expect(await texts(previous, alice, report.id)).toContain('Written after the backup.');
  });

  it('refuses to restore what is not a Rightsdraft database this version can run, and leaves the database alone', async () => {
    const live = tempDir('rightsdraft-live-');
    const junk = tempDir('rightsdraft-junk-');
    cleanup.push(() => [live, junk].forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
    const server = await started(live);
    const alice = await signUp(server.url, { email: 'alice-refused@example.org' });
    const report = await createReport(server.url, alice, { title: 'Still here' });
    await stop(server);
    const good = path.join(junk, 'good.sqlite');
    expect((await npmRun('backup', good, live)).code).toBe(0);

    const text = path.join(junk, 'notes.txt');
    fs.writeFileSync(text, 'not a database at all, but long enough to have a header');
    const otherApp = path.join(junk, 'other.sqlite');
    new Database(otherApp).exec('CREATE TABLE photos (id INTEGER PRIMARY KEY)').close();
    const newer = path.join(junk, 'newer.sqlite');
    fs.copyFileSync(good, newer);
    const db = new Database(newer);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'from the future', '2030-01-01T00:00:00.000Z')").run();
    db.close();

    expect(await npmRun('restore', text, live)).toMatchObject({ code: 1, out: expect.stringContaining('not an SQLite database') });
    expect(await npmRun('restore', otherApp, live)).toMatchObject({ code: 1, out: expect.stringContaining('not a Rightsdraft database') });
    expect(await npmRun('restore', newer, live)).toMatchObject({ code: 1, out: expect.stringContaining('schema version 999') });
    expect(await npmRun('restore', path.join(junk, 'missing.sqlite'), live)).toMatchObject({ code: 1, out: expect.stringContaining('Cannot read') });
    expect(fs.readdirSync(live).filter((f) => f.includes('before-restore') || f.endsWith('.partial'))).toEqual([]);

    const after = await started(live);
    expect((await getContent(after.url, alice, report.id)).title).toBe('Still here');
  });
});

describe('PostgreSQL backup with pg_dump and pg_restore', () => {
  it('a dump of a running instance restores into a new database that a server starts on with the same reports', async () => {
    const source: TestDatabase = await createTestDatabase('rd_dump_src');
    cleanup.push(() => source.drop());
    const storageOf = (db: TestDatabase): TestStorage => ({ kind: 'postgres', env: { DATABASE_URL: db.url }, open: () => new PostgresStorage(db.url, 4), destroy: () => db.drop() });
    const server: TestServer = await startTestServer(storageOf(source));
    cleanup.push(() => server.close().catch(() => {}));
    const alice = await signUp(server.url, { email: 'alice-pg@example.org' });
    const report = await createReport(server.url, alice, { title: 'Dumped' });
    const client = connectClient(server.wsUrl, report.id, alice);
    cleanup.push(() => client.destroy());
    await client.synced;
    const sectionId = addSection(client.doc, { title: 'Findings' });
    typeParagraph(client.doc, sectionId, 'Kept through pg_dump and pg_restore.');
    await waitFor(async () => (await texts(server, alice, report.id)).includes('pg_restore'), 10_000, 'the paragraph to be stored');

    const dir = tempDir('rightsdraft-pgdump-');
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const dump = path.join(dir, 'rightsdraft.dump');
    // The lines of docs/DEPLOY.md.
    await run('pg_dump', ['--format=custom', `--file=${dump}`, source.url]);
    client.destroy();
    await server.close();

    const target = await createTestDatabase('rd_dump_dst');
    cleanup.push(() => target.drop());
    await run('pg_restore', ['--no-owner', `--dbname=${target.url}`, dump]);
    const restored = await startTestServer(storageOf(target));
    cleanup.push(() => restored.close());
    expect(await texts(restored, alice, report.id)).toContain('Kept through pg_dump and pg_restore.');
    expect((await getContent(restored.url, alice, report.id)).title).toBe('Dumped');
  });
});
