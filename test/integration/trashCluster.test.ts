/**
 * The trash on two nodes (one PostgreSQL database, Redis between them): a report put in the trash on node A
 * closes its connections on node B with 4410 and answers 404 there; restored on node B, it opens again on both
 * with everything written before, including what node B held in memory when it was trashed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSection, listSections } from '../../shared/report/layout.ts';
import { api, connectClient, createReport, getContent, signUp, waitFor, type TestClient, type TestUser } from '../helpers/clients.ts';
import { createTestStorage, startTestServer, type TestServer, type TestStorage } from '../helpers/server.ts';
import { typeParagraph } from '../helpers/typing.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('The trash on two server nodes', () => {
  let storage: TestStorage;
  let a: TestServer;
  let b: TestServer;
  let owner: TestUser;
  let editor: TestUser;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    storage = await createTestStorage('postgres');
    a = await startTestServer(storage, { redisUrl: REDIS_URL });
    b = await startTestServer(storage, { redisUrl: REDIS_URL });
    owner = await signUp(a.url, { name: 'Olga' });
    editor = await signUp(b.url, { name: 'Edwin' });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await a?.close();
    await b?.close();
    await storage?.destroy();
  });

  it('closes the connections on the other node with 4410, and restores the report there whole', async () => {
    const report = await createReport(a.url, owner, { title: 'Prisons' });
    await api(a.url, `/api/reports/${report.id}/members`, { as: owner, body: { email: editor.email, role: 'editor' } });
    const onB = connectClient(b.wsUrl, report.id, editor);
    clients.push(onB);
    await onB.synced;
    const section = addSection(onB.doc, { title: 'Overcrowding' });
    typeParagraph(onB.doc, section, 'Written on node B before the deletion.');
    await waitFor(async () => (await getContent(a.url, owner, report.id)).sections[0]?.text.includes('node B') ?? false);

    const closed = onB.nextClose();
    expect((await api(a.url, `/api/reports/${report.id}`, { as: owner, method: 'DELETE' })).status).toBe(200);
    expect(await closed).toBe(4410);
    onB.destroy();
    for (const server of [a, b]) {
      expect((await api(server.url, `/api/reports/${report.id}`, { as: editor })).status).toBe(404);
      expect((await api(server.url, `/api/reports/${report.id}/content`, { as: owner })).status).toBe(404);
    }

    expect((await api(b.url, `/api/reports/${report.id}/undelete`, { as: owner, method: 'POST' })).status).toBe(200);
    for (const server of [a, b]) {
      expect((await getContent(server.url, editor, report.id)).sections[0]?.text).toContain('Written on node B before the deletion.');
    }
    const again = connectClient(b.wsUrl, report.id, editor);
    clients.push(again);
    await again.synced;
    expect(listSections(again.doc).map((s) => s.title)).toEqual(['Overcrowding']);
  });
});
