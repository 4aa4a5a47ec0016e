/**
 * The discussion guard checks the very first change a server sees on a report's discussion, and the first one
 * after it refused another, as closely as any other: both used to go through unchecked, so a reviewer could put
 * a thread under an editor's name as the first comment of a report, or right after a refused attempt.
 * Stock y-websocket clients; SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anchorAt } from '../../shared/discussion/anchors.ts';
import { createThread } from '../../shared/discussion/layout.ts';
import { roomName } from '../../shared/protocol/rooms.ts';
import { api, connectClient, createReport, signUp, waitFor, type TestUser } from '../helpers/clients.ts';
import { createTestStorage, startTestServer, STORAGE_KINDS, type TestServer, type TestStorage } from '../helpers/server.ts';
import { bodyWith } from '../helpers/yjsContent.ts';

describe.each(STORAGE_KINDS)('The first discussion change on %s', (kind) => {
  let storage: TestStorage;
  let server: TestServer;
  let owner: TestUser;
  let editor: TestUser;
  let reviewer: TestUser;

  beforeAll(async () => {
    storage = await createTestStorage(kind);
    server = await startTestServer(storage);
    owner = await signUp(server.url, { name: 'Olga' });
    editor = await signUp(server.url, { name: 'Edwin' });
    reviewer = await signUp(server.url, { name: 'Rania' });
  });
  afterAll(async () => {
    await server?.close();
    await storage?.destroy();
  });

  it("refuses a thread under someone else's name as the first change of a discussion, and again right after", async () => {
    const report = await createReport(server.url, owner);
    for (const [u, role] of [[editor, 'editor'], [reviewer, 'reviewer']] as const) {
      await api(server.url, `/api/reports/${report.id}/members`, { as: owner, body: { email: u.email, role } });
    }
    const room = roomName(report.id, 'discussion');
    const threads = async () => (await api<{ threads: { authorName: string }[] }>(server.url, `/api/reports/${report.id}/threads`, { as: owner })).body.threads;
    const thread = (doc: import('yjs').Doc, as: TestUser, body: string) =>
      createThread(doc, { id: as.id, name: as.name }, { sectionId: 's1', anchor: anchorAt(bodyWith('Housing text'), 0, 7), quote: 'Housing', body });

    for (const attempt of ['first change', 'right after a refusal']) {
      const tampered = connectClient(server.wsUrl, room, reviewer);
      await tampered.synced;
      let closedWith: number | null = null;
      void tampered.nextClose().then((code) => (closedWith = code));
      thread(tampered.doc, editor, `Edwin never wrote this (${attempt}).`);
      // Either the server refuses it (closing the connection) or it stores it.
      await waitFor(async () => closedWith !== null || (await threads()).length > 0, 10_000, `the server to refuse or store the ${attempt}`);
      expect(await threads()).toEqual([]);
      expect(closedWith).toBe(4422);
      tampered.destroy();
    }

    // Her own thread goes through.
    const honest = connectClient(server.wsUrl, room, reviewer);
    await honest.synced;
    thread(honest.doc, reviewer, 'Which ministry?');
    await waitFor(async () => (await threads()).length === 1, 10_000, 'her thread on the server');
    expect((await threads()).map((t) => t.authorName)).toEqual(['Rania']);
    honest.destroy();
  });
});
