/** The stock y-websocket client in Node, and small helpers for the JSON API. */
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { CreateReportRequest, ReportContentResponse, ReportSummary } from '../../shared/api/types.ts';

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves on the first full sync with the server. */
  synced: Promise<void>;
  /** Resolves with the close event code the next time the socket closes. */
  nextClose(): Promise<number>;
  destroy(): void;
}

/** A signed-up account and the session cookie a non-browser client sends with each request. */
export interface TestUser {
  id: string;
  email: string;
  name: string;
  password: string;
  cookie: string;
}

/** The `ws` client sending a Cookie header, as a non-browser client authenticates its sync connection. */
function socketWithCookie(cookie: string | undefined) {
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, cookie ? { headers: { cookie } } : {});
    }
  };
}

export function connectClient(wsUrl: string, room: string, as?: TestUser | null, doc: Y.Doc = new Y.Doc()): TestClient {
  const provider = new WebsocketProvider(wsUrl, room, doc, {
    WebSocketPolyfill: socketWithCookie(as?.cookie) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    else provider.once('sync', (isSynced: boolean) => isSynced && resolve());
  });
  return {
    doc,
    provider,
    synced,
    nextClose: () =>
      new Promise<number>((resolve) => {
        provider.once('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0));
      }),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export interface ApiInit {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  as?: TestUser | null;
}

export async function api<T = unknown>(baseUrl: string, path: string, init: ApiInit = {}): Promise<{ status: number; body: T; headers: Headers }> {
  const res = await fetch(baseUrl + path, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.as ? { cookie: init.as.cookie } : {}),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
}

let userCounter = 0;

/** Sign up a new account (the first one on a server becomes its administrator). */
export async function signUp(baseUrl: string, fields: { name?: string; email?: string; password?: string } = {}): Promise<TestUser> {
  const n = ++userCounter;
  const name = fields.name ?? `Member ${n}`;
  const email = fields.email ?? `member${n}-${Math.random().toString(36).slice(2, 8)}@coalition.example`;
  const password = fields.password ?? `correct horse battery ${n}`;
  const res = await api<{ user: { id: string } }>(baseUrl, '/api/auth/signup', { body: { name, email, password } });
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${JSON.stringify(res.body)}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  return { id: res.body.user.id, email, name, password, cookie };
}

export async function createReport(baseUrl: string, as: TestUser, body: Partial<CreateReportRequest> & { coalitionId?: string } = {}): Promise<ReportSummary> {
  const res = await api<ReportSummary>(baseUrl, '/api/reports', {
    as,
    body: { title: 'Shadow report', mechanism: 'CERD', stateUnderReview: 'Freedonia', ...body },
  });
  if (res.status !== 201 && res.status !== 200) throw new Error(`create report failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function getContent(baseUrl: string, as: TestUser, reportId: string): Promise<ReportContentResponse> {
  const res = await api<ReportContentResponse>(baseUrl, `/api/reports/${reportId}/content`, { as });
  if (res.status !== 200) throw new Error(`content failed: ${res.status}`);
  return res.body;
}
