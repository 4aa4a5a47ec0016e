/** Sync with the stock y-websocket client against the real server, on SQLite and on PostgreSQL. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addSection, getSectionBody, listSections, moveSection, renameSection } from '../../shared/report/layout.ts';
import { anchorAt } from '../../shared/discussion/anchors.ts';
import { createThread, listThreads } from '../../shared/discussion/layout.ts';
import { roomName } from '../../shared/protocol/rooms.ts';
import { connectClient, createReport, getContent, signUp, waitFor, type TestClient, type TestUser } from '../helpers/clients.ts';
import { typeParagraph } from '../helpers/typing.ts';
import { createTestStorage, startTestServer, STORAGE_KINDS, type TestServer, type TestStorage } from '../helpers/server.ts';

describe.each(STORAGE_KINDS)('Sync on %s', (kind) => {
  let storage: TestStorage;
  let server: TestServer;
  let owner: TestUser;
  const clients: TestClient[] = [];
  const client = (room: string, doc?: Y.Doc) => {
    const c = connectClient(server.wsUrl, room, owner, doc);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    storage = await createTestStorage(kind);
    server = await startTestServer(storage, { idleUnloadMs: 200 });
    owner = await signUp(server.url);
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.close();
    await storage.destroy();
  });

  it('two stock clients editing one section converge, and the content API shows the result', async () => {
    const report = await createReport(server.url, owner, { title: 'Racial discrimination in Freedonia' });
    const a = client(report.id);
    const b = client(report.id);
    await Promise.all([a.synced, b.synced]);
    const id = addSection(a.doc, { title: 'Article 5' });
    await waitFor(() => listSections(b.doc).length === 1, 5000, 'section to reach b');
    typeParagraph(a.doc, id, 'Written by A.');
    typeParagraph(b.doc, id, 'Written by B.');
    const text = (doc: Y.Doc) => getSectionBody(doc, id)!.toString();
    await waitFor(() => text(a.doc) === text(b.doc) && text(a.doc).includes('by A') && text(a.doc).includes('by B'));
    const content = await getContent(server.url, owner, report.id);
    expect(content.title).toBe('Racial discrimination in Freedonia');
    expect(content.sections).toHaveLength(1);
    expect(content.sections[0]!.text).toContain('Written by A.');
    expect(content.sections[0]!.text).toContain('Written by B.');
    expect(content.wordCount).toBe(6);
  });

  it('relays presence (awareness) between clients and drops it when a client leaves', async () => {
    const report = await createReport(server.url, owner);
    const a = client(report.id);
    const b = client(report.id);
    await Promise.all([a.synced, b.synced]);
    a.provider.awareness.setLocalStateField('user', { name: 'Amina', color: '#0a7' });
    a.provider.awareness.setLocalStateField('section', 'intro');
    // Others see the account's name, whatever name the client announces.
    await waitFor(() => [...b.provider.awareness.getStates().values()].some((s) => s.user?.name === owner.name && s.section === 'intro'));
    const aId = a.doc.clientID;
    a.provider.disconnect();
    await waitFor(() => !b.provider.awareness.getStates().has(aId), 10_000, 'presence to be removed');
  });

  it('sends offline edits made by a client when it reconnects', async () => {
    const report = await createReport(server.url, owner);
    const a = client(report.id);
    await a.synced;
    const id = addSection(a.doc, { title: 'Methodology' });
    a.provider.disconnect();
    typeParagraph(a.doc, id, 'Drafted on the train without network.');
    renameSection(a.doc, id, 'Methodology and consultation');
    const b = client(report.id);
    await b.synced;
    expect(getSectionBody(b.doc, id)?.toString() ?? '').not.toContain('train');
    a.provider.connect();
    await waitFor(() => (getSectionBody(b.doc, id)?.toString() ?? '').includes('train'));
    expect(listSections(b.doc)[0]!.title).toBe('Methodology and consultation');
  });

  it('serves a new client the whole stored report after the document was unloaded', async () => {
    const report = await createReport(server.url, owner);
    const a = client(report.id);
    await a.synced;
    const ids = ['One', 'Two', 'Three'].map((title) => addSection(a.doc, { title }));
    moveSection(a.doc, ids[2]!, 0);
    typeParagraph(a.doc, ids[1]!, 'kept');
    await waitFor(async () => (await getContent(server.url, owner, report.id)).sections.length === 3);
    a.destroy();
    await waitFor(() => server.registry.peek(roomName(report.id)) === null, 5000, 'document to unload');
    const c = client(report.id);
    await c.synced;
    expect(listSections(c.doc).map((s) => s.title)).toEqual(['Three', 'One', 'Two']);
    expect(getSectionBody(c.doc, ids[1]!)!.toString()).toContain('kept');
  });

  it('keeps the discussion document apart from the content document', async () => {
    const report = await createReport(server.url, owner);
    const content = client(report.id);
    const discussion = client(roomName(report.id, 'discussion'));
    await Promise.all([content.synced, discussion.synced]);
    const section = addSection(content.doc, { title: 'Housing' });
    typeParagraph(content.doc, section, 'Evictions doubled.');
    const threadId = createThread(discussion.doc, { id: owner.id, name: owner.name }, {
      sectionId: section,
      anchor: anchorAt(getSectionBody(content.doc, section)!, 0, 9),
      quote: 'Evictions',
      body: 'a comment',
    });
    const other = client(roomName(report.id, 'discussion'));
    await waitFor(() => listThreads(other.doc).some((t) => t.id === threadId && t.comments[0]?.body === 'a comment'));
    expect(content.doc.getMap('threads').size).toBe(0);
  });

  it('closes a sync connection for an unknown report with the "Unknown report" code', async () => {
    const c = client(crypto.randomUUID());
    expect(await c.nextClose()).toBe(4404);
    c.provider.disconnect();
    const bad = client('not-a-report');
    expect(await bad.nextClose()).toBe(4404);
    bad.provider.disconnect();
  });

  it('keeps the report catalogue in step with the title edited in the document', async () => {
    const report = await createReport(server.url, owner, { title: 'Draft title' });
    const a = client(report.id);
    await a.synced;
    const { setReportField } = await import('../../shared/report/layout.ts');
    setReportField(a.doc, 'title', 'Joint submission on Roma rights');
    await waitFor(async () => {
      const res = await fetch(`${server.url}/api/reports/${report.id}`, { headers: { cookie: owner.cookie } });
      return ((await res.json()) as { title: string }).title === 'Joint submission on Roma rights';
    });
  });
});
