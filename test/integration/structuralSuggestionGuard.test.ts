/**
 * The server refuses a forged suggestion beyond the text over a real connection (4422, nothing stored) — here a
 * link suggestion to a `javascript:` address, which an editor accepting it would have put into the report — and
 * stores an honest one. Stock y-websocket clients; SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anchorAt } from '../../shared/discussion/anchors.ts';
import { createSuggestion, listSuggestions } from '../../shared/discussion/layout.ts';
import { roomName } from '../../shared/protocol/rooms.ts';
import { api, connectClient, createReport, signUp, waitFor, type TestUser } from '../helpers/clients.ts';
import { createTestStorage, startTestServer, STORAGE_KINDS, type TestServer, type TestStorage } from '../helpers/server.ts';
import { bodyWith } from '../helpers/yjsContent.ts';

describe.each(STORAGE_KINDS)('Suggestions beyond the text on %s', (kind) => {
  let storage: TestStorage;
  let server: TestServer;
  let owner: TestUser;
  let reviewer: TestUser;

  beforeAll(async () => {
    storage = await createTestStorage(kind);
    server = await startTestServer(storage);
    owner = await signUp(server.url, { name: 'Olga' });
    reviewer = await signUp(server.url, { name: 'Rania' });
  });
  afterAll(async () => {
    await server?.close();
    await storage?.destroy();
  });

  it('refuses a forged link suggestion and stores an honest structural one', async () => {
    const report = await createReport(server.url, owner);
    await api(server.url, `/api/reports/${report.id}/members`, { as: owner, body: { email: reviewer.email, role: 'reviewer' } });
    const room = roomName(report.id, 'discussion');
    const body = bodyWith('The State must act.');
    const rania = { id: reviewer.id, name: reviewer.name };

    const forged = connectClient(server.wsUrl, room, reviewer);
    await forged.synced;
    let closedWith: number | null = null;
    void forged.nextClose().then((code) => (closedWith = code));
    const m = new Y.Map<unknown>();
    const anchor = anchorAt(body, 4, 9);
    const fields: Record<string, unknown> = {
      sectionId: 's1', start: anchor.start, end: anchor.end, originalText: 'State', insertText: '', authorId: rania.id, authorName: rania.name,
      createdAt: new Date().toISOString(), status: 'open', kind: 'format', mark: 'link', markAction: 'add', href: 'javascript:alert(1)',
    };
    for (const [k, v] of Object.entries(fields)) m.set(k, v);
    forged.doc.getMap('suggestions').set('forged', m);
    await waitFor(() => closedWith !== null, 10_000, 'the server to refuse the forged suggestion');
    expect(closedWith).toBe(4422);
    forged.destroy();

    const honest = connectClient(server.wsUrl, room, reviewer);
    await honest.synced;
    expect(listSuggestions(honest.doc)).toEqual([]);
    createSuggestion(honest.doc, rania, { sectionId: 's1', anchor: anchorAt(body, 0, 19), originalText: 'The State must act.', insertText: '', change: { kind: 'deleteBlock', block: 'paragraph' } });

    const check = connectClient(server.wsUrl, room, owner);
    await check.synced;
    await waitFor(() => listSuggestions(check.doc).length === 1, 10_000, 'the honest suggestion on the server');
    expect(listSuggestions(check.doc).map((s) => [s.authorName, s.change])).toEqual([['Rania', { kind: 'deleteBlock', block: 'paragraph' }]]);
    check.destroy();
    honest.destroy();
  });
});
