/**
 * Review on the real server with stock clients: threads anchored to the text, suggestions accepted by an
 * editor, named and automatic versions, comparing, and restoring as a new change seen by collaborators online.
 * On SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anchorAt, linearize } from '../../shared/discussion/anchors.ts';
import { createSuggestion, createThread, decideSuggestion, getSuggestion, listSuggestions, listThreads, reply } from '../../shared/discussion/layout.ts';
import { applySuggestion } from '../../shared/discussion/suggestions.ts';
import { addSection, getSectionBody, listSections } from '../../shared/report/layout.ts';
import { roomName } from '../../shared/protocol/rooms.ts';
import type { ReportContentResponse } from '../../shared/api/types.ts';
import { api, connectClient, createReport, getContent, signUp, waitFor, type TestUser } from '../helpers/clients.ts';
import { createTestStorage, startTestServer, STORAGE_KINDS, type TestServer, type TestStorage } from '../helpers/server.ts';
import { typeParagraph } from '../helpers/typing.ts';

const threadIds = async (doc: import('yjs').Doc) => listThreads(doc).map((t) => t.id);

interface Version {
  id: string;
  name: string;
  auto: boolean;
  authorName: string;
}

describe.each(STORAGE_KINDS)('Review on %s', (kind) => {
  let storage: TestStorage;
  let server: TestServer;
  let owner: TestUser;
  let editor: TestUser;
  let reviewer: TestUser;
  let viewer: TestUser;

  async function newReport(): Promise<string> {
    const report = await createReport(server.url, owner);
    for (const [u, role] of [[editor, 'editor'], [reviewer, 'reviewer'], [viewer, 'viewer']] as const) {
      await api(server.url, `/api/reports/${report.id}/members`, { as: owner, body: { email: u.email, role } });
    }
    return report.id;
  }

  const versionsOf = async (id: string) => (await api<{ versions: Version[] }>(server.url, `/api/reports/${id}/versions`, { as: viewer })).body.versions;

  beforeAll(async () => {
    storage = await createTestStorage(kind);
    server = await startTestServer(storage);
    owner = await signUp(server.url, { name: 'Olga' });
    editor = await signUp(server.url, { name: 'Edwin' });
    reviewer = await signUp(server.url, { name: 'Rania' });
    viewer = await signUp(server.url, { name: 'Vik' });
  });
  afterAll(async () => {
    await server.close();
    await storage.destroy();
  });

  it('restores a named version as a new change that an online collaborator receives', async () => {
    const id = await newReport();
    const a = connectClient(server.wsUrl, id, editor);
    await a.synced;
    const intro = addSection(a.doc, { title: 'Introduction' });
    typeParagraph(a.doc, intro, 'Text as sent to OHCHR.');
    await waitFor(async () => (await getContent(server.url, owner, id)).sections[0]?.text === 'Text as sent to OHCHR.');
    const sent = await getContent(server.url, owner, id);
    const named = await api<Version>(server.url, `/api/reports/${id}/versions`, { as: editor, body: { name: 'Sent to OHCHR, 15 March' } });
    expect(named.status).toBe(201);

    addSection(a.doc, { title: 'Added after sending' });
    typeParagraph(a.doc, intro, 'A paragraph written later.');
    const b = connectClient(server.wsUrl, id, owner);
    await b.synced;
    await waitFor(() => listSections(b.doc).length === 2);

    const restored = await api<{ before: Version }>(server.url, `/api/reports/${id}/versions/${named.body.id}/restore`, { as: editor, method: 'POST' });
    expect(restored.status).toBe(200);
    // B, online all along, receives the restore like any other edit.
    await waitFor(() => listSections(b.doc).length === 1 && !getSectionBody(b.doc, intro)!.toString().includes('later'));
    const now = await getContent(server.url, owner, id);
    expect(now.sections.map((s) => [s.title, s.text])).toEqual(sent.sections.map((s) => [s.title, s.text]));
    // Nothing was rewritten: the state before the restore is a version, and its content is the later text.
    const before = await api<ReportContentResponse>(server.url, `/api/reports/${id}/versions/${restored.body.before.id}/content`, { as: viewer });
    expect(before.body.sections.map((s) => s.title)).toEqual(['Introduction', 'Added after sending']);
    a.destroy();
    b.destroy();
  });

  it('serves what a version said then, and compares it with the current text', async () => {
    const id = await newReport();
    const a = connectClient(server.wsUrl, id, editor);
    await a.synced;
    const s = addSection(a.doc, { title: 'Article 5' });
    typeParagraph(a.doc, s, 'The State should adopt a law.');
    await waitFor(async () => (await getContent(server.url, owner, id)).wordCount === 6);
    const v = await api<Version>(server.url, `/api/reports/${id}/versions`, { as: owner, body: { name: 'First draft' } });
    const t = (getSectionBody(a.doc, s)!.get(0) as import('yjs').XmlElement).get(0) as import('yjs').XmlText;
    t.delete(10, 6);
    t.insert(10, 'must');
    await waitFor(async () => (await getContent(server.url, owner, id)).sections[0]!.text === 'The State must adopt a law.');
    const then = await api<ReportContentResponse & { version: Version }>(server.url, `/api/reports/${id}/versions/${v.body.id}/content`, { as: viewer });
    expect(then.body.sections[0]!.text).toBe('The State should adopt a law.');
    expect(then.body.version.name).toBe('First draft');
    const cmp = await api<{ sections: { change: string; ops: { kind: string; text: string }[] }[] }>(
      server.url,
      `/api/reports/${id}/versions/compare?from=${v.body.id}&to=current`,
      { as: viewer },
    );
    expect(cmp.body.sections[0]!.change).toBe('changed');
    expect(cmp.body.sections[0]!.ops.filter((o) => o.kind !== 'equal')).toEqual([
      { kind: 'delete', text: 'should' },
      { kind: 'insert', text: 'must' },
    ]);
    a.destroy();
  });

  it('keeps an automatic version when an editing session that changed the text ends, and none for one that did not', async () => {
    const id = await newReport();
    const a = connectClient(server.wsUrl, id, editor);
    await a.synced;
    typeParagraph(a.doc, addSection(a.doc, { title: 'Housing' }), 'Evictions rose in 2024.');
    await waitFor(async () => (await getContent(server.url, owner, id)).sections.length === 1);
    a.destroy();
    await waitFor(async () => (await versionsOf(id)).length === 1, 5000, 'automatic version');
    const [auto] = await versionsOf(id);
    expect(auto).toMatchObject({ auto: true, authorName: 'Edwin' });
    const reader = connectClient(server.wsUrl, id, viewer);
    await reader.synced;
    reader.destroy();
    await new Promise((r) => setTimeout(r, 400));
    expect(await versionsOf(id)).toHaveLength(1);
  });

  it('lets only editors and owners name and restore versions', async () => {
    const id = await newReport();
    for (const [who, status] of [[reviewer, 403], [viewer, 403], [editor, 201], [owner, 201]] as const) {
      expect((await api(server.url, `/api/reports/${id}/versions`, { as: who, body: { name: 'v' } })).status).toBe(status);
    }
    const [v] = await versionsOf(id);
    expect((await api(server.url, `/api/reports/${id}/versions/${v!.id}/restore`, { as: reviewer, method: 'POST' })).status).toBe(403);
    const stranger = await signUp(server.url);
    expect((await api(server.url, `/api/reports/${id}/versions`, { as: stranger })).status).toBe(404);
  });

  it("shows a reviewer's thread with its anchored text, and detaches it when the text is deleted", async () => {
    const id = await newReport();
    const ed = connectClient(server.wsUrl, id, editor);
    await ed.synced;
    const s = addSection(ed.doc, { title: 'Education' });
    typeParagraph(ed.doc, s, 'Roma pupils face systematic segregation in schools.');
    const rev = connectClient(server.wsUrl, id, reviewer);
    const discussion = connectClient(server.wsUrl, roomName(id, 'discussion'), reviewer);
    await Promise.all([rev.synced, discussion.synced]);
    await waitFor(() => listSections(rev.doc).length === 1 && linearize(getSectionBody(rev.doc, s)!).text.length > 0);
    const body = getSectionBody(rev.doc, s)!;
    const at = linearize(body).text.indexOf('systematic segregation');
    createThread(discussion.doc, { id: reviewer.id, name: reviewer.name }, {
      sectionId: s,
      anchor: anchorAt(body, at, at + 'systematic segregation'.length),
      quote: 'systematic segregation',
      body: 'Which schools? Add a source.',
      mentions: [editor.id],
    });
    type Thread = { anchoredText: string; detached: boolean; quote: string; comments: { body: string }[]; sectionTitle: string };
    const threads = async () => (await api<{ threads: Thread[] }>(server.url, `/api/reports/${id}/threads`, { as: viewer })).body.threads;
    await waitFor(async () => (await threads()).length === 1);
    // The editor types before the phrase; the anchor follows it.
    const t = (getSectionBody(ed.doc, s)!.get(0) as import('yjs').XmlElement).get(0) as import('yjs').XmlText;
    t.insert(0, 'According to the ombudsman, ');
    await waitFor(async () => (await getContent(server.url, owner, id)).sections[0]!.text.startsWith('According'));
    expect((await threads())[0]).toMatchObject({ anchoredText: 'systematic segregation', detached: false, sectionTitle: 'Education' });
    const attention = await api<{ threads: { reportId: string }[] }>(server.url, '/api/attention', { as: editor });
    expect(attention.body.threads.map((x) => x.reportId)).toContain(id);

    const text = linearize(getSectionBody(ed.doc, s)!).text;
    t.delete(text.indexOf('systematic'), 'systematic segregation '.length);
    await waitFor(async () => (await threads())[0]!.detached);
    expect((await threads())[0]).toMatchObject({ quote: 'systematic segregation', comments: [{ body: 'Which schools? Add a source.' }] });
    for (const c of [ed, rev, discussion]) c.destroy();
  });

  it("refuses a reviewer's change to an editor's comment and a reviewer accepting a suggestion, closing only that connection", async () => {
    const id = await newReport();
    const ed = connectClient(server.wsUrl, id, editor);
    await ed.synced;
    const s = addSection(ed.doc, { title: 'Housing' });
    typeParagraph(ed.doc, s, 'Evictions of Roma families doubled.');
    const edDiscussion = connectClient(server.wsUrl, roomName(id, 'discussion'), editor);
    await edDiscussion.synced;
    await waitFor(() => linearize(getSectionBody(ed.doc, s)!).text.length > 0);
    const body = getSectionBody(ed.doc, s)!;
    createThread(edDiscussion.doc, { id: editor.id, name: editor.name }, { sectionId: s, anchor: anchorAt(body, 0, 9), quote: 'Evictions', body: 'Source: housing ministry, 2024.' });
    const suggestionId = createSuggestion(edDiscussion.doc, { id: editor.id, name: editor.name }, { sectionId: s, anchor: anchorAt(body, 13, 17), originalText: 'Roma', insertText: 'Romani' });
    type Thread = { comments: { body: string; authorName: string }[] };
    const threads = async () => (await api<{ threads: Thread[] }>(server.url, `/api/reports/${id}/threads`, { as: viewer })).body.threads;
    await waitFor(async () => (await threads()).length === 1);

    // A tampered reviewer client rewrites the editor's comment, bypassing the layout module's own check.
    const rev = connectClient(server.wsUrl, roomName(id, 'discussion'), reviewer);
    await rev.synced;
    await waitFor(() => rev.doc.getMap('threads').size === 1);
    const closed = rev.nextClose();
    const comment = ((rev.doc.getMap('threads').values().next().value as import('yjs').Map<unknown>).get('comments') as import('yjs').Array<import('yjs').Map<unknown>>).get(0);
    comment.set('body', 'No source needed.');
    expect(await closed).toBe(4422);
    rev.destroy();

    // A reviewer may not decide a suggestion either.
    const rev2 = connectClient(server.wsUrl, roomName(id, 'discussion'), reviewer);
    await rev2.synced;
    await waitFor(() => listSuggestions(rev2.doc).length === 1);
    const closed2 = rev2.nextClose();
    decideSuggestion(rev2.doc, suggestionId, 'accepted', { id: reviewer.id, name: reviewer.name });
    expect(await closed2).toBe(4422);
    rev2.destroy();

    // Nothing of either reached the server or the editor, whose connection stays open and working.
    reply(edDiscussion.doc, (await threadIds(edDiscussion.doc))[0]!, { id: editor.id, name: editor.name }, 'Also the ombudsman report.');
    await waitFor(async () => (await threads())[0]!.comments.length === 2);
    expect((await threads())[0]!.comments.map((c) => c.body)).toEqual(['Source: housing ministry, 2024.', 'Also the ombudsman report.']);
    expect(getSuggestion(edDiscussion.doc, suggestionId)?.status).toBe('open');
    const fresh = connectClient(server.wsUrl, roomName(id, 'discussion'), owner);
    await fresh.synced;
    expect(getSuggestion(fresh.doc, suggestionId)?.status).toBe('open');
    for (const c of [ed, edDiscussion, fresh]) c.destroy();
  });

  it("applies a reviewer's suggestion accepted by an editor while another editor types nearby", async () => {
    const id = await newReport();
    const ed = connectClient(server.wsUrl, id, editor);
    const other = connectClient(server.wsUrl, id, owner);
    await Promise.all([ed.synced, other.synced]);
    const s = addSection(ed.doc, { title: 'Recommendations' });
    typeParagraph(ed.doc, s, 'The State should consider adopting a law.');
    const rev = connectClient(server.wsUrl, id, reviewer);
    const revDiscussion = connectClient(server.wsUrl, roomName(id, 'discussion'), reviewer);
    await Promise.all([rev.synced, revDiscussion.synced]);
    await waitFor(() => linearize(getSectionBody(rev.doc, s)!).text.includes('consider'));
    const body = getSectionBody(rev.doc, s)!;
    const original = 'should consider adopting';
    const at = linearize(body).text.indexOf(original);
    const sid = createSuggestion(revDiscussion.doc, { id: reviewer.id, name: reviewer.name }, {
      sectionId: s,
      anchor: anchorAt(body, at, at + original.length),
      originalText: original,
      insertText: 'must adopt',
    });
    const edDiscussion = connectClient(server.wsUrl, roomName(id, 'discussion'), editor);
    await edDiscussion.synced;
    await waitFor(() => getSuggestion(edDiscussion.doc, sid) !== null);
    // Concurrently, the owner adds words at the end of the paragraph.
    await waitFor(() => linearize(getSectionBody(other.doc, s)!).text.endsWith('law.'));
    const ot = (getSectionBody(other.doc, s)!.get(0) as import('yjs').XmlElement).get(0) as import('yjs').XmlText;
    ot.insert(ot.length, ' By 2026.');
    expect(applySuggestion(ed.doc, getSuggestion(edDiscussion.doc, sid)!, 'accept')).toBe(true);
    decideSuggestion(edDiscussion.doc, sid, 'accepted', { id: editor.id, name: editor.name });
    const expected = 'The State must adopt a law. By 2026.';
    await waitFor(async () => (await getContent(server.url, owner, id)).sections[0]!.text === expected, 5000, 'merged text');
    await waitFor(() => linearize(getSectionBody(other.doc, s)!).text === expected);
    await waitFor(() => listSuggestions(revDiscussion.doc)[0]?.status === 'accepted');
    for (const c of [ed, other, rev, revDiscussion, edDiscussion]) c.destroy();
  });
});
