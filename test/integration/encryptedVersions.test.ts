/**
 * Versions of end-to-end encrypted reports (issue 11) against the real server, on SQLite and PostgreSQL: a sealed
 * version is kept only from a writer, only when its readable header names this report, the caller as signer and the
 * current key generation; it counts toward REPORT_MAX_BYTES (413 past it); readers list and fetch it, owners delete
 * it, non-members get 404; and what is stored holds neither the version's name nor its text.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAccountKeys } from '../../shared/e2ee/accountKeys.ts';
import { toBase64 } from '../../shared/e2ee/bytes.ts';
import { sealEnvelope } from '../../shared/e2ee/envelope.ts';
import { newReportKey } from '../../shared/e2ee/keyWrap.ts';
import { openVersion, sealVersion } from '../../shared/e2ee/versionBlob.ts';
import { api, signUp, type TestUser } from '../helpers/clients.ts';
import { createTestStorage, STORAGE_KINDS, startTestServer, type TestServer, type TestStorage } from '../helpers/server.ts';
import { tracesOf } from '../helpers/traces.ts';

const run = promisify(execFile);

const LIMIT = 200_000;
const NAME = 'Draft for the Geneva briefing';
const PHRASE = 'zebra-quartz-testimony-0417';

describe.each(STORAGE_KINDS)('Encrypted versions on %s', (kind) => {
  let storage: TestStorage;
  let server: TestServer;
  let owner: TestUser;
  let editor: TestUser;
  let reviewer: TestUser;
  let outsider: TestUser;
  let reportId: string;
  const key1 = newReportKey();
  const keys = new Map<string, ReturnType<typeof generateAccountKeys>>();
  const keysOf = (u: TestUser) => keys.get(u.id) ?? keys.set(u.id, generateAccountKeys()).get(u.id)!;
  const seal = (as: TestUser, fields: { reportId?: string; generation?: number; signer?: string } = {}, size = 0, name = NAME) =>
    toBase64(
      sealVersion(
        { reportId: fields.reportId ?? reportId, generation: fields.generation ?? 1, signer: fields.signer ?? as.id },
        { name, content: new TextEncoder().encode(PHRASE + 'x'.repeat(size)), discussion: new Uint8Array([0, 0]) },
        key1,
        keysOf(as).signSecret,
      ),
    );
  const url = (suffix = '') => `/api/reports/${reportId}/encrypted-versions${suffix}`;

  beforeAll(async () => {
    storage = await createTestStorage(kind);
    server = await startTestServer(storage, { reportMaxBytes: LIMIT });
    owner = await signUp(server.url);
    editor = await signUp(server.url);
    reviewer = await signUp(server.url);
    outsider = await signUp(server.url);
    reportId = crypto.randomUUID();
    expect((await api(server.url, '/api/reports', { as: owner, body: { id: reportId, title: 'Report', mechanism: 'CERD', encrypted: true } })).status).toBe(201);
    await api(server.url, `/api/reports/${reportId}/members`, { as: owner, body: { email: editor.email, role: 'editor' } });
    await api(server.url, `/api/reports/${reportId}/members`, { as: owner, body: { email: reviewer.email, role: 'reviewer' } });
    // The generation the server accepts is the one whose keys were posted; the wraps are opaque to it.
    const direct = storage.open();
    await direct.e2ee.addReportKeys(reportId, 1, [{ userId: owner.id, wrappedKey: 'x', wrappedBy: owner.id }], new Date().toISOString());
    await direct.close();
  });
  afterAll(async () => {
    await server.close();
    await storage.destroy();
  });

  it('keeps a writer’s sealed version, lists it to readers without a name, and hands back exactly what was sealed', async () => {
    const data = seal(editor);
    const made = await api<{ id: string; generation: number; makerId: string; makerName: string; bytes: number }>(server.url, url(), { as: editor, body: { data } });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ generation: 1, makerId: editor.id, bytes: Buffer.from(data, 'base64').length });
    const list = await api<{ versions: Record<string, unknown>[] }>(server.url, url(), { as: reviewer });
    expect(list.status).toBe(200);
    expect(list.body.versions.map((v) => v.id)).toEqual([made.body.id]);
    expect(JSON.stringify(list.body)).not.toContain(NAME);
    const got = await api<{ data: string }>(server.url, url(`/${made.body.id}`), { as: reviewer });
    expect(got.body.data).toBe(data);
    const opened = openVersion(Buffer.from(got.body.data, 'base64'), { reportId, writerKey: (id) => (id === editor.id ? keysOf(editor).signPublic : null), reportKey: () => key1 });
    expect(opened.ok && opened.version.name).toBe(NAME);
  });

  it('refuses a reviewer’s version (403), a non-member (404), and a plain report (409)', async () => {
    expect((await api(server.url, url(), { as: reviewer, body: { data: seal(reviewer) } })).status).toBe(403);
    for (const res of [await api(server.url, url(), { as: outsider }), await api(server.url, url(), { as: outsider, body: { data: seal(outsider) } })]) {
      expect(res.status).toBe(404);
    }
    const plain = await api<{ id: string }>(server.url, '/api/reports', { as: owner, body: { title: 'Plain', mechanism: 'CERD' } });
    const res = await api<{ error: { code: string } }>(server.url, `/api/reports/${plain.body.id}/encrypted-versions`, { as: owner });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('not_encrypted');
  });

  it('refuses a version signed for someone else, sealed for another report or an old generation, and a sync message', async () => {
    const refused = async (data: string) => {
      const res = await api<{ error: { code: string; message: string } }>(server.url, url(), { as: editor, body: { data } });
      return `${res.status} ${res.body.error?.code}`;
    };
    expect(await refused(seal(editor, { signer: owner.id }))).toBe('400 wrong_signer');
    expect(await refused(seal(editor, { reportId: crypto.randomUUID() }))).toBe('400 wrong_report');
    expect(await refused(seal(editor, { generation: 2 }))).toBe('409 stale_generation');
    const update = sealEnvelope({ type: 'snapshot', generation: 1, kind: 'content', reportId, signer: editor.id }, new Uint8Array([1, 2]), key1, keysOf(editor).signSecret);
    expect(await refused(toBase64(update))).toBe('400 invalid_version');
    expect(await refused('%%%')).toBe('400 invalid_version');
  });

  it('counts versions toward REPORT_MAX_BYTES (413 past it), and only an owner deletes one, which frees room', async () => {
    const big = await api<{ id: string }>(server.url, url(), { as: editor, body: { data: seal(editor, {}, 110_000) } });
    expect(big.status).toBe(201);
    const over = await api<{ error: { code: string } }>(server.url, url(), { as: owner, body: { data: seal(owner, {}, 110_000) } });
    expect(over.status).toBe(413);
    expect(over.body.error.code).toBe('report_full');
    expect((await api(server.url, url(`/${big.body.id}`), { as: editor, method: 'DELETE' })).status).toBe(403);
    expect((await api(server.url, url(`/${big.body.id}`), { as: outsider, method: 'DELETE' })).status).toBe(404);
    expect((await api(server.url, url(`/${big.body.id}`), { as: owner, method: 'DELETE' })).status).toBe(204);
    expect((await api(server.url, url(`/${big.body.id}`), { as: owner })).status).toBe(404);
    expect((await api(server.url, url(), { as: owner, body: { data: seal(owner, {}, 110_000) } })).status).toBe(201);
  });

  it('after the key rotates, keeps older versions listed with their generation, and takes new ones only under the new key', async () => {
    const before = await api<{ id: string }>(server.url, url(), { as: editor, body: { data: seal(editor) } });
    expect(before.status).toBe(201);
    const direct = storage.open();
    await direct.e2ee.addReportKeys(reportId, 2, [{ userId: owner.id, wrappedKey: 'y', wrappedBy: owner.id }], new Date().toISOString());
    await direct.close();
    const list = await api<{ versions: { id: string; generation: number }[] }>(server.url, url(), { as: reviewer });
    expect(list.body.versions.find((v) => v.id === before.body.id)?.generation).toBe(1);
    expect((await api<{ data: string }>(server.url, url(`/${before.body.id}`), { as: reviewer })).status).toBe(200);
    expect((await api(server.url, url(), { as: editor, body: { data: seal(editor) } })).status).toBe(409);
    expect((await api(server.url, url(), { as: editor, body: { data: seal(editor, { generation: 2 }) } })).status).toBe(201);
  });

  it('stores nothing readable: the name and a phrase of the text are in neither the database files nor a pg_dump', async () => {
    expect((await api(server.url, url(), { as: owner, body: { data: seal(owner, { generation: 2 }, 0, `${NAME} (final)`) } })).status).toBe(201);
    const stored: [string, Buffer][] = [];
    if (kind === 'sqlite') {
      const dir = storage.env.DATA_DIR!;
      const files = fs.readdirSync(dir).filter((f) => f.startsWith('rightsdraft.sqlite'));
      expect(files).toContain('rightsdraft.sqlite');
      for (const f of files) stored.push([f, fs.readFileSync(path.join(dir, f))]);
    } else {
      // The whole database as the real pg_dump writes it (bytea columns as hex, which tracesOf looks for too).
      const { stdout } = await run('pg_dump', ['--no-owner', '--format=plain', storage.env.DATABASE_URL!], { maxBuffer: 256 * 1024 * 1024, encoding: 'buffer' });
      stored.push(['pg_dump', stdout]);
    }
    for (const [where, bytes] of stored) {
      expect(tracesOf(bytes, NAME), where).toEqual([]);
      expect(tracesOf(bytes, PHRASE), where).toEqual([]);
    }
  });
});
