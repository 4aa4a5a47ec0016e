/**
 * The authorisation matrix: every role, a stranger, no session and a signed-out session, against every API
 * action and against reading and writing both sync documents. Each cell asserts allowed or refused, on
 * SQLite and on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anchorAt } from '../../shared/discussion/anchors.ts';
import { createThread, listThreads } from '../../shared/discussion/layout.ts';
import { roomName } from '../../shared/protocol/rooms.ts';
import { addSection, listSections } from '../../shared/report/layout.ts';
import { api, connectClient, createReport, getContent, signUp, waitFor, type TestUser } from '../helpers/clients.ts';
import { bodyWith } from '../helpers/yjsContent.ts';
import { createTestStorage, startTestServer, STORAGE_KINDS, type TestServer, type TestStorage } from '../helpers/server.ts';

type Who = 'owner' | 'editor' | 'reviewer' | 'viewer' | 'stranger' | 'no session' | 'signed out';
const WHO: Who[] = ['owner', 'editor', 'reviewer', 'viewer', 'stranger', 'no session', 'signed out'];

/** Expected HTTP status per caller, for each API action. */
const API_EXPECT: Record<string, Record<Who, number>> = {
  'read the report': { owner: 200, editor: 200, reviewer: 200, viewer: 200, stranger: 404, 'no session': 401, 'signed out': 401 },
  'read the content': { owner: 200, editor: 200, reviewer: 200, viewer: 200, stranger: 404, 'no session': 401, 'signed out': 401 },
  'list members': { owner: 200, editor: 200, reviewer: 200, viewer: 200, stranger: 404, 'no session': 401, 'signed out': 401 },
  'add a member': { owner: 201, editor: 403, reviewer: 403, viewer: 403, stranger: 404, 'no session': 401, 'signed out': 401 },
  'remove a member': { owner: 204, editor: 403, reviewer: 403, viewer: 403, stranger: 404, 'no session': 401, 'signed out': 401 },
  'delete the report': { owner: 200, editor: 403, reviewer: 403, viewer: 403, stranger: 404, 'no session': 401, 'signed out': 401 },
};

type SyncOutcome = 'allowed' | 4401 | 4403 | 4404;
const READ_EXPECT: Record<Who, SyncOutcome> = {
  owner: 'allowed', editor: 'allowed', reviewer: 'allowed', viewer: 'allowed', stranger: 4404, 'no session': 4401, 'signed out': 4401,
};
const WRITE_EXPECT: Record<'content' | 'discussion', Record<Who, SyncOutcome>> = {
  content: { owner: 'allowed', editor: 'allowed', reviewer: 4403, viewer: 4403, stranger: 4404, 'no session': 4401, 'signed out': 4401 },
  discussion: { owner: 'allowed', editor: 'allowed', reviewer: 'allowed', viewer: 4403, stranger: 4404, 'no session': 4401, 'signed out': 4401 },
};

describe.each(STORAGE_KINDS)('Authorisation matrix on %s', (kind) => {
  let storage: TestStorage;
  let server: TestServer;
  const users = {} as Record<Who, TestUser | null>;
  let extra: TestUser;
  let ownReportOfSignedOut: string;

  /** A fresh report with each role granted, so destructive cells do not disturb each other. */
  async function setupReport(): Promise<string> {
    const report = await createReport(server.url, users.owner!);
    for (const role of ['editor', 'reviewer', 'viewer'] as const) {
      await api(server.url, `/api/reports/${report.id}/members`, { as: users.owner, body: { email: users[role]!.email, role } });
    }
    await api(server.url, `/api/reports/${report.id}/members`, { as: users.owner, body: { email: extra.email, role: 'viewer' } });
    // The signed-out user holds a role: signing out, not the lack of a role, is what must refuse them.
    await api(server.url, `/api/reports/${report.id}/members`, { as: users.owner, body: { email: users['signed out']!.email, role: 'editor' } });
    return report.id;
  }

  beforeAll(async () => {
    storage = await createTestStorage(kind);
    server = await startTestServer(storage);
    users.owner = await signUp(server.url, { name: 'Olga Owner' });
    users.editor = await signUp(server.url, { name: 'Edwin Editor' });
    users.reviewer = await signUp(server.url, { name: 'Rania Reviewer' });
    users.viewer = await signUp(server.url, { name: 'Vik Viewer' });
    users.stranger = await signUp(server.url, { name: 'Stella Stranger' });
    users['no session'] = null;
    const leaving = await signUp(server.url, { name: 'Sam Signed-out' });
    extra = await signUp(server.url, { name: 'Extra Member' });
    users['signed out'] = leaving;
    ownReportOfSignedOut = (await createReport(server.url, leaving)).id;
    expect((await api(server.url, '/api/auth/me', { as: leaving })).status).toBe(200);
    expect((await api(server.url, '/api/auth/logout', { as: leaving, method: 'POST' })).status).toBe(200);
  });
  afterAll(async () => {
    await server.close();
    await storage.destroy();
  });

  it('a signed-out session is refused everywhere, even on the report its user owns', async () => {
    const leaving = users['signed out']!;
    expect((await api(server.url, '/api/auth/me', { as: leaving })).status).toBe(401);
    expect((await api(server.url, `/api/reports/${ownReportOfSignedOut}`, { as: leaving })).status).toBe(401);
  });

  const actions: [string, (reportId: string, as: TestUser | null) => Promise<number>][] = [
    ['read the report', async (id, as) => (await api(server.url, `/api/reports/${id}`, { as })).status],
    ['read the content', async (id, as) => (await api(server.url, `/api/reports/${id}/content`, { as })).status],
    ['list members', async (id, as) => (await api(server.url, `/api/reports/${id}/members`, { as })).status],
    ['add a member', async (id, as) => (await api(server.url, `/api/reports/${id}/members`, { as, body: { email: users.stranger!.email, role: 'viewer' } })).status],
    ['remove a member', async (id, as) => (await api(server.url, `/api/reports/${id}/members/${extra.id}`, { as, method: 'DELETE' })).status],
    ['delete the report', async (id, as) => (await api(server.url, `/api/reports/${id}`, { as, method: 'DELETE' })).status],
  ];

  for (const [action, run] of actions) {
    it.each(WHO)(`API: %s may ${action} as expected`, async (who) => {
      const reportId = await setupReport();
      const status = await run(reportId, users[who]);
      expect(status).toBe(API_EXPECT[action]![who]);
    });
  }

  it.each(WHO)('API: the report list shows the report to %s only with a role', async (who) => {
    const reportId = await setupReport();
    const res = await api<{ reports: { id: string; role: string }[] }>(server.url, '/api/reports', { as: users[who] });
    if (who === 'no session' || who === 'signed out') {
      expect(res.status).toBe(401);
      return;
    }
    expect(res.status).toBe(200);
    const listed = res.body.reports.find((r) => r.id === reportId);
    if (who === 'stranger') expect(listed).toBeUndefined();
    else expect(listed?.role).toBe(who);
  });

  /** Connect, wait for sync or a close; optionally write; report what happened. */
  async function trySync(who: Who, reportId: string, docKind: 'content' | 'discussion', write: boolean): Promise<SyncOutcome> {
    const client = connectClient(server.wsUrl, roomName(reportId, docKind), users[who]);
    try {
      const closed = client.nextClose();
      const first = await Promise.race([client.synced.then(() => 'synced' as const), closed]);
      if (first !== 'synced') return first as SyncOutcome;
      if (!write) return 'allowed';
      const marker = `written by ${who}`;
      if (docKind === 'content') addSection(client.doc, { title: marker });
      else {
        const nowhere = anchorAt(bodyWith('text'), 0, 4);
        createThread(client.doc, { id: users[who]!.id, name: users[who]!.name }, { sectionId: 'matrix', anchor: nowhere, quote: '', body: marker });
      }
      const outcome = await Promise.race([
        closed,
        (async () => {
          // Allowed only if the change is stored and visible to another member.
          const check = connectClient(server.wsUrl, roomName(reportId, docKind), users.owner);
          try {
            await check.synced;
            await waitFor(
              () => (docKind === 'content' ? listSections(check.doc).some((s) => s.title === marker) : listThreads(check.doc).some((t) => t.comments[0]?.body === marker)),
              3000,
              'write to arrive',
            );
            return 'allowed' as const;
          } catch {
            return 'not stored' as const;
          } finally {
            check.destroy();
          }
        })(),
      ]);
      return outcome as SyncOutcome;
    } finally {
      client.destroy();
    }
  }

  for (const docKind of ['content', 'discussion'] as const) {
    it.each(WHO)(`sync: %s reading the ${docKind} document`, async (who) => {
      const reportId = await setupReport();
      expect(await trySync(who, reportId, docKind, false)).toBe(READ_EXPECT[who]);
    });
    it.each(WHO)(`sync: %s writing the ${docKind} document`, async (who) => {
      const reportId = await setupReport();
      const outcome = await trySync(who, reportId, docKind, true);
      expect(outcome).toBe(WRITE_EXPECT[docKind][who]);
      if (docKind === 'content' && outcome !== 'allowed') {
        const content = await getContent(server.url, users.owner!, reportId);
        expect(content.sections.map((s) => s.title)).not.toContain(`written by ${who}`);
      }
    });
  }

  it('a read-only client that reconnects with an unchanged copy is accepted, not closed', async () => {
    const reportId = await setupReport();
    const writer = connectClient(server.wsUrl, reportId, users.editor);
    await writer.synced;
    const id = addSection(writer.doc, { title: 'Deleted later' });
    addSection(writer.doc, { title: 'Kept' });
    await waitFor(async () => (await getContent(server.url, users.owner!, reportId)).sections.length === 2);
    const { deleteSection } = await import('../../shared/report/layout.ts');
    deleteSection(writer.doc, id);
    await waitFor(async () => (await getContent(server.url, users.owner!, reportId)).sections.length === 1);
    writer.destroy();
    // The viewer's copy carries the delete set; sending it back changes nothing and must be accepted.
    const doc = new Y.Doc();
    const viewer = connectClient(server.wsUrl, reportId, users.viewer, doc);
    await viewer.synced;
    viewer.provider.disconnect();
    const again = connectClient(server.wsUrl, reportId, users.viewer, doc);
    const closed = again.nextClose();
    await again.synced;
    const result = await Promise.race([closed, new Promise((r) => setTimeout(() => r('open'), 500))]);
    expect(result).toBe('open');
    again.destroy();
  });
});
