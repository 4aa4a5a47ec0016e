/** Signing in again (a second session of the same person), and what an account-management test needs often. */
import { expect } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { anchorAt } from '../../shared/discussion/anchors.ts';
import { createSuggestion, createThread, reply } from '../../shared/discussion/layout.ts';
import { roomName } from '../../shared/protocol/rooms.ts';
import { bodyWith } from './yjsContent.ts';
import { api, connectClient, waitFor, type TestClient, type TestUser } from './clients.ts';

/** A new session of `user` (another browser), optionally with a User-Agent header. */
export async function signInAgain(baseUrl: string, user: TestUser, userAgent?: string): Promise<TestUser> {
  const res = await api(baseUrl, '/api/auth/login', {
    body: { email: user.email, password: user.password },
    headers: userAgent ? { 'user-agent': userAgent } : {},
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...user, cookie: res.headers.get('set-cookie')!.split(';')[0]! };
}

/** A synced sync connection to a report's content document. */
export async function openReport(wsUrl: string, reportId: string, as: TestUser, opened: TestClient[]): Promise<TestClient> {
  const client = connectClient(wsUrl, reportId, as);
  opened.push(client);
  await client.synced;
  return client;
}

/** Write a comment thread (and optionally a reply and a suggestion) into a report's discussion as `as`. */
export async function writeDiscussion(
  wsUrl: string,
  baseUrl: string,
  reportId: string,
  as: TestUser,
  text: { comment: string; reply?: string; suggestion?: string },
  opened: TestClient[],
): Promise<string> {
  const client = connectClient(wsUrl, roomName(reportId, 'discussion'), as);
  opened.push(client);
  await client.synced;
  const author = { id: as.id, name: as.name };
  const anchor = anchorAt(bodyWith('text'), 0, 4);
  // In this order on one connection: once the last is visible, the server has applied them all.
  if (text.suggestion) createSuggestion(client.doc, author, { sectionId: 'matrix', anchor, originalText: 'text', insertText: text.suggestion });
  const threadId = createThread(client.doc, author, { sectionId: 'matrix', anchor, quote: 'text', body: text.comment });
  if (text.reply) reply(client.doc, threadId, author, text.reply);
  const comments = text.reply ? 2 : 1;
  await waitFor(async () => {
    const res = await api<{ threads: { id: string; comments: unknown[] }[] }>(baseUrl, `/api/reports/${reportId}/threads`, { as });
    return res.status === 200 && res.body.threads.some((t) => t.id === threadId && t.comments.length === comments);
  });
  client.destroy();
  return threadId;
}

export function expectError(res: { status: number; body: unknown }, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect((res.body as { error: { code: string } }).error.code).toBe(code);
}

/** Reply in an existing thread (someone else's, say) as `as`, and wait until the server has it. */
export async function replyInThread(wsUrl: string, baseUrl: string, reportId: string, as: TestUser, threadId: string, body: string, opened: TestClient[]): Promise<void> {
  const client = connectClient(wsUrl, roomName(reportId, 'discussion'), as);
  opened.push(client);
  await client.synced;
  await waitFor(() => client.doc.getMap('threads').has(threadId));
  expect(reply(client.doc, threadId, { id: as.id, name: as.name }, body)).not.toBeNull();
  await waitFor(async () => {
    const res = await api<{ threads: { id: string; comments: { body: string }[] }[] }>(baseUrl, `/api/reports/${reportId}/threads`, { as });
    return res.status === 200 && res.body.threads.some((t) => t.id === threadId && t.comments.some((c) => c.body === body));
  });
  client.destroy();
}

/** The stock y-websocket client authenticating with an access token (as a tool would), synced. */
export async function openReportWithToken(wsUrl: string, reportId: string, token: string, opened: TestClient[]): Promise<TestClient> {
  const Socket = class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { authorization: `Bearer ${token}` } });
    }
  };
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, reportId, doc, { WebSocketPolyfill: Socket as unknown as typeof globalThis.WebSocket, disableBc: true });
  const client: TestClient = {
    doc,
    provider,
    synced: new Promise<void>((resolve) => provider.once('sync', (ok: boolean) => ok && resolve())),
    nextClose: () => new Promise<number>((resolve) => provider.once('connection-close', (e: CloseEvent | null) => resolve(e?.code ?? 0))),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
  opened.push(client);
  await client.synced;
  return client;
}
