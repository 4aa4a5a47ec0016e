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

export function connectClient(wsUrl: string, room: string, doc: Y.Doc = new Y.Doc()): TestClient {
  const provider = new WebsocketProvider(wsUrl, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
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

export async function api<T = unknown>(
  baseUrl: string,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: T }> {
  const res = await fetch(baseUrl + path, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

export async function createReport(baseUrl: string, body: Partial<CreateReportRequest> = {}): Promise<ReportSummary> {
  const res = await api<ReportSummary>(baseUrl, '/api/reports', {
    body: { title: 'Shadow report', mechanism: 'CERD', stateUnderReview: 'Freedonia', ...body },
  });
  if (res.status !== 201 && res.status !== 200) throw new Error(`create report failed: ${res.status}`);
  return res.body;
}

export async function getContent(baseUrl: string, reportId: string): Promise<ReportContentResponse> {
  const res = await api<ReportContentResponse>(baseUrl, `/api/reports/${reportId}/content`);
  if (res.status !== 200) throw new Error(`content failed: ${res.status}`);
  return res.body;
}
