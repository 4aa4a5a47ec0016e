/**
 * One server node on a fresh storage of the given kind, for a describe block (usually inside
 * `describe.each(STORAGE_KINDS)`): `useOneNode` registers beforeAll/afterAll in the calling describe and returns
 * an object whose fields are filled in beforeAll: an owner (Olga) and an editor (Edwin) signed up, stock
 * y-websocket clients destroyed after the suite, and reports the two share.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Config } from '../../server/src/config.ts';
import { api, connectClient, createReport, signUp, type TestClient, type TestUser } from './clients.ts';
import { createTestStorage, startTestServer, type StorageKind, type TestServer, type TestStorage } from './server.ts';

export interface OneNode {
  storage: TestStorage;
  server: TestServer;
  owner: TestUser;
  editor: TestUser;
  /** A stock y-websocket client in this room, destroyed after the suite. */
  connect(room: string, as: TestUser): TestClient;
  /** Destroy this client (one connected otherwise) after the suite too. */
  track(client: TestClient): TestClient;
  /** A new report of the owner's with the editor added as editor. */
  sharedReport(): Promise<string>;
}

export function useOneNode(kind: StorageKind, overrides: Partial<Config> = {}, options: { now?: () => number } = {}): OneNode {
  const clients: TestClient[] = [];
  const node = {
    connect(room: string, as: TestUser): TestClient {
      return node.track(connectClient(node.server.wsUrl, room, as));
    },
    track(client: TestClient): TestClient {
      clients.push(client);
      return client;
    },
    async sharedReport(): Promise<string> {
      const report = await createReport(node.server.url, node.owner);
      await api(node.server.url, `/api/reports/${report.id}/members`, { as: node.owner, body: { email: node.editor.email, role: 'editor' } });
      return report.id;
    },
  } as OneNode;

  beforeAll(async () => {
    node.storage = await createTestStorage(kind);
    node.server = await startTestServer(node.storage, overrides, options.now ? { now: options.now } : {});
    node.owner = await signUp(node.server.url, { name: 'Olga' });
    node.editor = await signUp(node.server.url, { name: 'Edwin' });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await node.server?.close();
    await node.storage?.destroy();
  });
  return node;
}
