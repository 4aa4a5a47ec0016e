/**
 * Two server nodes on one fresh PostgreSQL database, joined by the machine's Redis, for a describe block:
 * `useTwoNodes` registers beforeAll/afterAll in the calling describe and returns an object whose fields are
 * filled in beforeAll. By default it signs up an owner (Olga, on node A) and an editor (Edwin, on node B).
 */
import { afterAll, beforeAll } from 'vitest';
import type { Config } from '../../server/src/config.ts';
import { api, connectClient, createReport, signUp, type TestClient, type TestUser } from './clients.ts';
import { createTestStorage, startTestServer, type TestServer, type TestStorage } from './server.ts';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TwoNodes {
  storage: TestStorage;
  a: TestServer;
  b: TestServer;
  /** Signed up on node A (unless `people: false`). */
  owner: TestUser;
  /** Signed up on node B (unless `people: false`). */
  editor: TestUser;
  /** A stock y-websocket client on this node, destroyed after the suite. */
  connect(server: TestServer, room: string, as: TestUser): TestClient;
  /** A new report of the owner's (made on node A) with the editor added as editor, through `memberNode` (node B unless given). */
  sharedReport(memberNode?: TestServer): Promise<string>;
}

export function useTwoNodes(
  overrides: Partial<Config> = {},
  options: { now?: () => number; people?: boolean } = {},
): TwoNodes {
  const clients: TestClient[] = [];
  const nodes = {
    connect(server: TestServer, room: string, as: TestUser): TestClient {
      const c = connectClient(server.wsUrl, room, as);
      clients.push(c);
      return c;
    },
    async sharedReport(memberNode?: TestServer): Promise<string> {
      const report = await createReport(nodes.a.url, nodes.owner);
      await api((memberNode ?? nodes.b).url, `/api/reports/${report.id}/members`, { as: nodes.owner, body: { email: nodes.editor.email, role: 'editor' } });
      return report.id;
    },
  } as TwoNodes;

  beforeAll(async () => {
    nodes.storage = await createTestStorage('postgres');
    const config = { redisUrl: REDIS_URL, ...overrides };
    const deps = options.now ? { now: options.now } : {};
    nodes.a = await startTestServer(nodes.storage, config, deps);
    nodes.b = await startTestServer(nodes.storage, config, deps);
    if (options.people !== false) {
      nodes.owner = await signUp(nodes.a.url, { name: 'Olga' });
      nodes.editor = await signUp(nodes.b.url, { name: 'Edwin' });
    }
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await nodes.a?.close();
    await nodes.b?.close();
    await nodes.storage?.destroy();
  });
  return nodes;
}
