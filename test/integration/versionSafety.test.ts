/**
 * Versions that keep people's work when something goes wrong during a long session, on the real server with stock
 * y-websocket clients, on SQLite and PostgreSQL: a version taken before a change that deletes a large part of the
 * report (while everyone stays connected), one at least every AUTO_VERSION_EVERY_MIN of editing (a test clock, no
 * waiting), thinning after automatic versions, and owners deleting versions.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ReportContentResponse } from '../../shared/api/types.ts';
import { addSection, deleteSection, getSectionBody, listSections } from '../../shared/report/layout.ts';
import { api, connectClient, getContent, signUp, waitFor, type TestUser } from '../helpers/clients.ts';
import { STORAGE_KINDS } from '../helpers/server.ts';
import { useOneNode } from '../helpers/oneNode.ts';
import { typeParagraph } from '../helpers/typing.ts';

interface Version {
  id: string;
  name: string;
  auto: boolean;
  kind?: string;
  createdAt: string;
}

const words = (n: number, w: string) => Array.from({ length: n }, (_, i) => `${w}${i}`).join(' ');

describe.each(STORAGE_KINDS)('Versions that keep work safe on %s', (kind) => {
  const clock = { offset: 0 };
  const node = useOneNode(kind, {}, { now: () => Date.now() + clock.offset });
  const { connect } = node;
  let viewer: TestUser;

  beforeAll(async () => {
    viewer = await signUp(node.server.url, { name: 'Vik' });
  });

  async function sharedReport(): Promise<string> {
    const id = await node.sharedReport();
    await api(node.server.url, `/api/reports/${id}/members`, { as: node.owner, body: { email: viewer.email, role: 'viewer' } });
    return id;
  }
  const versionsOf = async (id: string) => (await api<{ versions: Version[] }>(node.server.url, `/api/reports/${id}/versions`, { as: node.owner })).body.versions;
  const contentOf = async (id: string, versionId: string) =>
    (await api<ReportContentResponse>(node.server.url, `/api/reports/${id}/versions/${versionId}/content`, { as: node.owner })).body;

  it('keeps a version holding all 19 sections when an editor deletes them while the owner stays connected', async () => {
    const id = await sharedReport();
    const ownerClient = connect(id, node.owner);
    const editorClient = connect(id, node.editor);
    await Promise.all([ownerClient.synced, editorClient.synced]);
    for (let i = 0; i < 19; i++) typeParagraph(ownerClient.doc, addSection(ownerClient.doc, { title: `Article ${i + 1}` }), words(40, `a${i}w`));
    await waitFor(() => listSections(editorClient.doc).length === 19, 10_000, 'the editor to have the 19 sections');
    await waitFor(async () => (await getContent(node.server.url, node.owner, id)).sections.length === 19);
    expect(await versionsOf(id)).toEqual([]);

    // The editor deletes every section at once; nobody leaves, so no session ends.
    editorClient.doc.transact(() => {
      for (const s of listSections(editorClient.doc)) deleteSection(editorClient.doc, s.id);
    });
    await waitFor(() => listSections(ownerClient.doc).length === 0, 10_000, 'the owner to receive the deletion');
    // The deletion reached the owner only after the version was stored: it is there at once.
    const versions = await versionsOf(id);
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ auto: true, kind: 'before-deletion' });
    expect(versions[0]!.name).toBe('Before Edwin deleted 19 sections (760 words)');
    const kept = await contentOf(id, versions[0]!.id);
    expect(kept.sections.map((s) => s.title)).toEqual(Array.from({ length: 19 }, (_, i) => `Article ${i + 1}`));
    expect(kept.sections[18]!.text).toContain('a18w39');
    // The deletion itself went through: the report is empty now.
    expect((await getContent(node.server.url, node.owner, id)).sections).toEqual([]);
  });

  it('keeps a version before a whole section of more than 200 words is deleted, and none for small edits', async () => {
    const id = await sharedReport();
    const a = connect(id, node.editor);
    await a.synced;
    const long = addSection(a.doc, { title: 'Long testimony' });
    typeParagraph(a.doc, long, words(250, 'long'));
    const others = Array.from({ length: 4 }, (_, i) => addSection(a.doc, { title: `Other ${i}` }));
    for (const s of others) typeParagraph(a.doc, s, words(200, `o${s.slice(0, 4)}`));
    const short = addSection(a.doc, { title: 'Short note' });
    typeParagraph(a.doc, short, words(30, 'short'));
    await waitFor(async () => (await getContent(node.server.url, node.owner, id)).sections.length === 6);
    // The owner's copy receives a change only once it is stored, after any version taken before it.
    const watcher = connect(id, node.owner);
    await watcher.synced;
    // A small section (30 words of 1 080) goes without a version...
    deleteSection(a.doc, short);
    await waitFor(() => listSections(watcher.doc).length === 5, 10_000, 'the small deletion to be stored');
    expect(await versionsOf(id)).toEqual([]);
    // ...a section of 250 words (under a third of the report) does not.
    deleteSection(a.doc, long);
    await waitFor(() => listSections(watcher.doc).length === 4, 10_000, 'the large deletion to be stored');
    const versions = await versionsOf(id);
    expect(versions.map((v) => v.kind)).toEqual(['before-deletion']);
    expect((await contentOf(id, versions[0]!.id)).sections.map((s) => s.title)).toContain('Long testimony');
  });

  it('takes an automatic version after 30 minutes of editing, once, without waiting for anyone to leave', async () => {
    const id = await sharedReport();
    const a = connect(id, node.editor);
    await a.synced;
    // The owner's copy receives changes once they are stored (the moment the server counts editing from).
    const watcher = connect(id, node.owner);
    await watcher.synced;
    const s = addSection(a.doc, { title: 'Housing' });
    typeParagraph(a.doc, s, 'Evictions rose in 2024.');
    await waitFor(() => getSectionBody(watcher.doc, s)?.toString().includes('Evictions rose') ?? false, 10_000, 'the first edit to be stored');
    clock.offset += 31 * 60_000;
    typeParagraph(a.doc, s, 'Half an hour later.');
    await waitFor(async () => (await versionsOf(id)).length === 1, 10_000, 'a periodic version');
    const [periodic] = await versionsOf(id);
    expect(periodic).toMatchObject({ auto: true, kind: 'periodic' });
    expect((await contentOf(id, periodic!.id)).sections[0]!.text).toContain('Evictions rose in 2024.');
    // More typing within the next 30 minutes adds none.
    clock.offset += 5 * 60_000;
    typeParagraph(a.doc, s, 'Five minutes on.');
    await waitFor(async () => (await getContent(node.server.url, node.owner, id)).sections[0]!.text.includes('Five minutes on.'));
    expect(await versionsOf(id)).toHaveLength(1);
  });

  it('thins automatic versions as they age and never named ones', async () => {
    const id = await sharedReport();
    // An editing session: an automatic version appears (when it ends, or during it once it has gone on long enough).
    const session = async (text: string) => {
      const startedAt = Date.now() + clock.offset;
      const c = connectClient(node.server.wsUrl, id, node.editor);
      await c.synced;
      const s = listSections(c.doc)[0]?.id ?? addSection(c.doc, { title: 'Health' });
      typeParagraph(c.doc, s, text);
      await waitFor(async () => (await getContent(node.server.url, node.owner, id)).sections[0]!.text.includes(text));
      c.destroy();
      await waitFor(async () => (await versionsOf(id)).some((v) => v.auto && Date.parse(v.createdAt) >= startedAt), 10_000, 'an automatic version');
    };
    await session('Morning session.');
    expect((await api(node.server.url, `/api/reports/${id}/versions`, { as: node.owner, body: { name: 'Sent to the committee' } })).status).toBe(201);
    clock.offset += 60_000;
    await session('Second session.');
    const sameDay = await versionsOf(id);
    expect(sameDay.map((v) => v.kind)).toEqual(['session-end', 'named', 'session-end']);
    // Two days later: the next automatic version thins that day's two to the newest; the named one stays.
    clock.offset += 2 * 24 * 3600_000;
    await session('Two days later.');
    const morning = sameDay[2]!;
    await waitFor(async () => !(await versionsOf(id)).some((v) => v.id === morning.id), 10_000, 'thinning');
    const left = await versionsOf(id);
    // The newest of that day and the named version remain, with the new one(s) of today.
    expect(left.filter((v) => v.createdAt <= sameDay[0]!.createdAt).map((v) => v.id)).toEqual([sameDay[0]!.id, sameDay[1]!.id]);
    expect(left[0]!.auto).toBe(true);
  });

  it('lets only the owner delete a version: 403 for others who can read, 404 for strangers', async () => {
    const id = await sharedReport();
    const v = await api<Version>(node.server.url, `/api/reports/${id}/versions`, { as: node.owner, body: { name: 'Draft for partners' } });
    expect(v.status).toBe(201);
    const stranger = await signUp(node.server.url);
    const del = (as: TestUser) => api<{ error?: { code: string } }>(node.server.url, `/api/reports/${id}/versions/${v.body.id}`, { as, method: 'DELETE' });
    expect((await del(node.editor)).status).toBe(403);
    expect((await del(viewer)).status).toBe(403);
    expect((await del(stranger)).status).toBe(404);
    expect(await versionsOf(id)).toHaveLength(1);
    expect((await del(node.owner)).status).toBe(204);
    expect(await versionsOf(id)).toEqual([]);
    const again = await del(node.owner);
    expect(again.status).toBe(404);
    expect(again.body.error?.code).toBe('not_found');
  });

  it('keeps a version before a large deletion made offline and sent when the client reconnects', async () => {
    // A client that deleted everything offline sends the deletion in its sync reply when it reconnects.
    const id = await sharedReport();
    const a = connect(id, node.editor);
    await a.synced;
    for (let i = 0; i < 3; i++) typeParagraph(a.doc, addSection(a.doc, { title: `S${i}` }), words(100, `s${i}w`));
    await waitFor(async () => (await getContent(node.server.url, node.owner, id)).sections.length === 3);
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(a.doc));
    offline.transact(() => {
      for (const s of listSections(offline)) deleteSection(offline, s.id);
    });
    const b = connectClient(node.server.wsUrl, id, node.editor, offline);
    node.track(b);
    await b.synced;
    await waitFor(() => listSections(a.doc).length === 0, 10_000, 'the reconnected deletion to reach the others');
    const versions = await versionsOf(id);
    expect(versions.filter((v) => v.kind === 'before-deletion')).toHaveLength(1);
    expect((await contentOf(id, versions[0]!.id)).sections).toHaveLength(3);
  });
});
