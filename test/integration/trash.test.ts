/**
 * Deleting a report puts it in its owner's trash for TRASH_DAYS: it answers 404 everywhere meanwhile, its owner
 * can restore it whole (text, versions, discussion) or delete it for good, and the hourly job purges it after
 * TRASH_DAYS (on a clock the test moves). Duplicating a report copies its text and tags, not its history.
 * SQLite and PostgreSQL.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roomName } from '../../shared/protocol/rooms.ts';
import { addSection, setSectionStatus, setSectionTag } from '../../shared/report/layout.ts';
import { api, connectClient, createReport, getContent, signUp, waitFor, type TestClient, type TestUser } from '../helpers/clients.ts';
import { expectError, writeDiscussion } from '../helpers/accounts.ts';
import { createTestStorage, startTestServer, STORAGE_KINDS, type TestServer, type TestStorage } from '../helpers/server.ts';
import { typeParagraph } from '../helpers/typing.ts';

const DAY = 86_400_000;

describe.each(STORAGE_KINDS)('The trash on %s', (kind) => {
  let storage: TestStorage;
  let server: TestServer;
  let owner: TestUser;
  let editor: TestUser;
  let stranger: TestUser;
  let clock = Date.now();
  const opened: TestClient[] = [];

  beforeAll(async () => {
    storage = await createTestStorage(kind);
    server = await startTestServer(storage, { trashDays: 30 }, { now: () => clock });
    owner = await signUp(server.url, { name: 'Olga' });
    editor = await signUp(server.url, { name: 'Edwin' });
    stranger = await signUp(server.url, { name: 'Sam' });
  });
  afterAll(async () => {
    for (const c of opened) c.destroy();
    await server?.close();
    await storage?.destroy();
  });

  /** A report with a section of text, a version and a comment, shared with the editor. */
  async function writtenReport(marker: string): Promise<string> {
    const report = await createReport(server.url, owner, { title: `Report ${marker}` });
    expect((await api(server.url, `/api/reports/${report.id}/members`, { as: owner, body: { email: editor.email, role: 'editor' } })).status).toBeLessThan(300);
    const client = connectClient(server.wsUrl, report.id, owner);
    opened.push(client);
    await client.synced;
    const section = addSection(client.doc, { title: `Detention ${marker}` });
    typeParagraph(client.doc, section, `Testimony of ${marker}.`);
    await waitFor(async () => (await getContent(server.url, owner, report.id)).sections[0]?.text.includes('Testimony') ?? false);
    expect((await api(server.url, `/api/reports/${report.id}/versions`, { as: owner, body: { name: `Sent ${marker}` } })).status).toBe(201);
    await writeDiscussion(server.wsUrl, server.url, report.id, owner, { comment: `Comment ${marker}` }, opened);
    client.destroy();
    return report.id;
  }

  it('keeps a deleted report in the trash, 404 everywhere else, and restores it with its versions and discussion', async () => {
    const marker = randomBytes(6).toString('hex');
    const id = await writtenReport(marker);
    const onSync = connectClient(server.wsUrl, id, editor);
    opened.push(onSync);
    await onSync.synced;
    const closed = onSync.nextClose();

    const deleted = await api<{ purgeAt: string }>(server.url, `/api/reports/${id}`, { as: owner, method: 'DELETE' });
    expect(deleted.status).toBe(200);
    expect(await closed).toBe(4410);
    onSync.destroy();

    for (const who of [owner, editor]) {
      expect((await api(server.url, `/api/reports/${id}`, { as: who })).status).toBe(404);
      expect((await api(server.url, `/api/reports/${id}/content`, { as: who })).status).toBe(404);
      expect((await api(server.url, `/api/reports/${id}/versions`, { as: who })).status).toBe(404);
      expect((await api(server.url, `/api/reports/${id}/threads`, { as: who })).status).toBe(404);
      const listed = await api<{ reports: { id: string }[] }>(server.url, '/api/reports', { as: who });
      expect(listed.body.reports.map((r) => r.id)).not.toContain(id);
    }
    expect((await api(server.url, `/api/reports/${id}`, { as: owner, method: 'DELETE' })).status).toBe(404);
    // Its id stays taken, and saying so reveals nothing about it.
    expectError(await api(server.url, '/api/reports', { as: owner, body: { id, title: 'Again', mechanism: 'CCPR' } }), 409, 'id_taken');
    // A sync connection to the trashed report is refused.
    const again = connectClient(server.wsUrl, id, owner);
    opened.push(again);
    expect(await again.nextClose()).toBeGreaterThanOrEqual(4400);
    again.destroy();

    // The owner sees it in the trash; the editor does not (only owners have a trash), nor can restore it.
    const trash = await api<{ reports: { id: string; title: string; deletedAt: string; purgeAt: string }[] }>(server.url, '/api/reports?deleted=true', { as: owner });
    const entry = trash.body.reports.find((r) => r.id === id)!;
    expect(entry.title).toBe(`Report ${marker}`);
    expect(Date.parse(entry.purgeAt) - Date.parse(entry.deletedAt)).toBe(30 * DAY);
    expect((await api<{ reports: { id: string }[] }>(server.url, '/api/reports?deleted=true', { as: editor })).body.reports.map((r) => r.id)).not.toContain(id);
    expect((await api(server.url, `/api/reports/${id}/undelete`, { as: editor, method: 'POST' })).status).toBe(404);

    expect((await api(server.url, `/api/reports/${id}/undelete`, { as: owner, method: 'POST' })).status).toBe(200);
    expect((await getContent(server.url, editor, id)).sections[0]?.text).toContain(`Testimony of ${marker}.`);
    const versions = await api<{ versions: { name: string }[] }>(server.url, `/api/reports/${id}/versions`, { as: owner });
    expect(versions.body.versions.map((v) => v.name)).toContain(`Sent ${marker}`);
    const threads = await api<{ threads: { comments: { body: string }[] }[] }>(server.url, `/api/reports/${id}/threads`, { as: editor });
    expect(threads.body.threads.flatMap((t) => t.comments.map((c) => c.body))).toContain(`Comment ${marker}`);
    expect((await api<{ reports: { id: string }[] }>(server.url, '/api/reports?deleted=true', { as: owner })).body.reports.map((r) => r.id)).not.toContain(id);
    // And it syncs again.
    const back = connectClient(server.wsUrl, id, editor);
    opened.push(back);
    await back.synced;
  });

  it('purges a report after TRASH_DAYS, and an owner may purge at once from the trash', async () => {
    const kept = await writtenReport(randomBytes(6).toString('hex'));
    const purged = await writtenReport(randomBytes(6).toString('hex'));
    const now = await writtenReport(randomBytes(6).toString('hex'));
    expect((await api(server.url, `/api/reports/${purged}`, { as: owner, method: 'DELETE' })).status).toBe(200);
    // Purging a report that is not in the trash is refused.
    expectError(await api(server.url, `/api/reports/${now}?purge=true`, { as: owner, method: 'DELETE' }), 409, 'not_in_trash');
    expect((await api(server.url, `/api/reports/${now}`, { as: owner, method: 'DELETE' })).status).toBe(200);
    expect((await api(server.url, `/api/reports/${now}?purge=true`, { as: stranger, method: 'DELETE' })).status).toBe(404);
    expect((await api(server.url, `/api/reports/${now}?purge=true`, { as: owner, method: 'DELETE' })).status).toBe(204);
    expect((await api(server.url, `/api/reports/${now}/undelete`, { as: owner, method: 'POST' })).status).toBe(404);

    clock += 29 * DAY;
    await server.trash.purgeExpired();
    expect((await api(server.url, `/api/reports/${purged}/undelete`, { as: owner, method: 'POST' })).status).toBe(200);
    expect((await api(server.url, `/api/reports/${purged}`, { as: owner, method: 'DELETE' })).status).toBe(200);
    clock += 31 * DAY;
    await server.trash.purgeExpired();
    expect((await api(server.url, `/api/reports/${purged}/undelete`, { as: owner, method: 'POST' })).status).toBe(404);
    for (const id of [purged, now]) {
      expect(await server.storage.getDeletedReport(id)).toBeNull();
      expect((await server.storage.loadDocument(roomName(id))).updates).toHaveLength(0);
      expect((await server.storage.loadDocument(roomName(id, 'discussion'))).updates).toHaveLength(0);
      expect(await server.storage.versions.list(id)).toHaveLength(0);
    }
    expect((await api(server.url, `/api/reports/${kept}`, { as: owner })).status).toBe(200);
  });

  it('duplicates a report with its text, tags and statuses, without versions, discussion or members', async () => {
    const marker = randomBytes(6).toString('hex');
    const id = await writtenReport(marker);
    const client = connectClient(server.wsUrl, id, owner);
    opened.push(client);
    await client.synced;
    const section = addSection(client.doc, { title: 'Torture' });
    typeParagraph(client.doc, section, 'Second section text.');
    setSectionTag(client.doc, section, 'ccpr:7', true);
    setSectionStatus(client.doc, section, 'final');
    await waitFor(async () => (await getContent(server.url, owner, id)).sections.some((s) => s.status === 'final'));
    client.destroy();

    // Someone who cannot read the report cannot copy it; a malformed title is refused.
    expect((await api(server.url, `/api/reports/${id}/duplicate`, { as: stranger, body: {} })).status).toBe(404);
    expectError(await api(server.url, `/api/reports/${id}/duplicate`, { as: owner, body: { title: 42 } }), 400, 'invalid_field');
    expectError(await api(server.url, `/api/reports/${id}/duplicate`, { as: owner, body: { title: null } }), 400, 'invalid_field');

    // The editor copies it: the copy is theirs alone.
    const copy = await api<{ id: string; title: string; role: string; ownerUserId: string }>(server.url, `/api/reports/${id}/duplicate`, { as: editor, body: {} });
    expect(copy.status).toBe(201);
    expect(copy.body.id).not.toBe(id);
    expect(copy.body.title).toBe(`Report ${marker} (copy)`);
    expect(copy.body.role).toBe('owner');
    expect(copy.body.ownerUserId).toBe(editor.id);
    const source = await getContent(server.url, owner, id);
    const copied = await getContent(server.url, editor, copy.body.id);
    expect(copied.title).toBe(`Report ${marker} (copy)`);
    expect(copied.sections.map((s) => [s.title, s.text, s.tags, s.status])).toEqual(source.sections.map((s) => [s.title, s.text, s.tags, s.status]));
    expect((await api<{ versions: unknown[] }>(server.url, `/api/reports/${copy.body.id}/versions`, { as: editor })).body.versions).toHaveLength(0);
    expect((await api<{ threads: unknown[] }>(server.url, `/api/reports/${copy.body.id}/threads`, { as: editor })).body.threads).toHaveLength(0);
    expect((await api(server.url, `/api/reports/${copy.body.id}`, { as: owner })).status).toBe(404);
    const members = await api<{ members: { userId: string }[] }>(server.url, `/api/reports/${copy.body.id}/members`, { as: editor });
    expect(members.body.members.map((m) => m.userId)).toEqual([editor.id]);

    // The list knows how far each report has come (its least advanced section) without loading it.
    const progressOf = async (who: TestUser, reportId: string) =>
      (await api<{ reports: { id: string; progress: string | null }[] }>(server.url, '/api/reports', { as: who })).body.reports.find((r) => r.id === reportId)?.progress;
    await waitFor(async () => (await progressOf(owner, id)) === 'drafting');
    expect(await progressOf(editor, copy.body.id)).toBe('drafting');

    const named = await api<{ id: string; title: string }>(server.url, `/api/reports/${id}/duplicate`, { as: owner, body: { title: 'Next cycle' } });
    expect(named.status).toBe(201);
    expect((await getContent(server.url, owner, named.body.id)).title).toBe('Next cycle');
  });
});

describe('Purging from the trash on SQLite', () => {
  let storage: TestStorage;
  let server: TestServer;
  let owner: TestUser;
  let clock = Date.now();

  beforeAll(async () => {
    storage = await createTestStorage('sqlite');
    server = await startTestServer(storage, { compactAfterRows: 4, trashDays: 30 }, { now: () => clock });
    owner = await signUp(server.url, { name: 'Olga' });
  });
  afterAll(async () => {
    await server?.close();
    await storage?.destroy();
  });

  it('leaves no trace of a purged report in the database file or its write-ahead log; the trash alone keeps it', async () => {
    const file = path.join(storage.env.DATA_DIR!, 'rightsdraft.sqlite');
    const holds = (f: string, marker: string) => fs.existsSync(f) && fs.readFileSync(f).includes(Buffer.from(marker, 'utf8'));
    const marker = `WITNESS-${randomBytes(8).toString('hex')}`;
    const report = await createReport(server.url, owner, { title: `Shadow report ${marker}` });
    const client = connectClient(server.wsUrl, report.id, owner);
    await client.synced;
    const section = addSection(client.doc, { title: `Detention ${marker}` });
    for (let i = 0; i < 8; i++) typeParagraph(client.doc, section, `Testimony ${i} of ${marker}.`);
    await waitFor(async () => (await getContent(server.url, owner, report.id)).sections[0]?.text.includes('Testimony 7') ?? false);
    client.destroy();

    expect((await api(server.url, `/api/reports/${report.id}`, { as: owner, method: 'DELETE' })).status).toBe(200);
    // In the trash the text is kept (so it can be restored).
    expect(holds(file, marker) || holds(`${file}-wal`, marker)).toBe(true);
    clock += 31 * 86_400_000;
    expect(await server.trash.purgeExpired()).toBe(1);
    expect(holds(file, marker)).toBe(false);
    expect(holds(`${file}-wal`, marker)).toBe(false);
  });
});
