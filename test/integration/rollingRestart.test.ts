/**
 * A rolling restart: two server processes on one PostgreSQL database and Redis, each restarted in turn with
 * SIGTERM while stock y-websocket clients type through a load balancer (a TCP proxy that forwards to the first
 * node that accepts). A stopping node stops accepting, stores what it holds and closes its sync connections
 * with 1012, and the clients reconnect to the other node. Nothing typed is lost or duplicated: every client ends
 * with every line typed by anyone, each once, and so does the database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSection, getSectionBody } from '../../shared/report/layout.ts';
import { CloseCodes } from '../../shared/protocol/closeCodes.ts';
import { api, connectClient, createReport, getContent, signUp, waitFor, type TestClient, type TestUser } from '../helpers/clients.ts';
import { startFailoverProxy, type FailoverProxy } from '../helpers/failoverProxy.ts';
import { freePort } from '../helpers/freePort.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.ts';
import { TEST_CLUSTER_SECRET } from '../helpers/server.ts';
import { spawnServer, type ServerProcess } from '../helpers/serverProcess.ts';
import { typeParagraph } from '../helpers/typing.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const CLIENTS = 4;

describe('Rolling restart of two nodes while people type', () => {
  let db: TestDatabase;
  const ports: number[] = [];
  const nodes: (ServerProcess | null)[] = [null, null];
  const proxies: FailoverProxy[] = [];
  const clients: TestClient[] = [];

  const env = (i: number) => ({ DATABASE_URL: db.url, REDIS_URL, CLUSTER_SECRET: TEST_CLUSTER_SECRET, PORT: String(ports[i]) });

  beforeAll(async () => {
    db = await createTestDatabase('rd_rolling');
    ports.push(await freePort(), await freePort());
    nodes[0] = await spawnServer(env(0), 60_000);
    nodes[1] = await spawnServer(env(1), 60_000);
  }, 150_000);

  afterAll(async () => {
    for (const c of clients) c.destroy();
    for (const p of proxies) await p.close();
    for (const n of nodes) {
      if (n && n.proc.exitCode === null) {
        n.proc.kill('SIGTERM');
        await n.exited;
      }
    }
    await db.drop();
  });

  async function restart(i: number): Promise<void> {
    const node = nodes[i]!;
    node.proc.kill('SIGTERM');
    const code = await node.exited;
    expect(code, node.output()).toBe(0);
    expect(node.output()).toContain('stopped cleanly');
    nodes[i] = await spawnServer(env(i), 60_000);
    await waitFor(async () => (await api(nodes[i]!.url, '/readyz')).status === 200, 10_000, `node ${i} to be ready`);
  }

  // Four clients, two restarts of a process each: minutes on a busy two-core machine.
  it('loses and duplicates nothing', { timeout: 300_000 }, async () => {
    const alice: TestUser = await signUp(nodes[0]!.url, { email: 'alice-rolling@example.org' });
    const report = await createReport(nodes[0]!.url, alice, { title: 'Rolling restart' });

    // Half the clients' load balancer prefers node 0, half node 1, so changes also cross between nodes on Redis.
    const closes: number[] = [];
    for (let c = 0; c < CLIENTS; c++) {
      const proxy = await startFailoverProxy(c % 2 === 0 ? [ports[0]!, ports[1]!] : [ports[1]!, ports[0]!]);
      proxies.push(proxy);
      const client = connectClient(`ws://127.0.0.1:${proxy.port}/sync`, report.id, alice);
      client.provider.on('connection-close', (event: CloseEvent | null) => closes.push(event?.code ?? 0));
      clients.push(client);
      await client.synced;
    }
    const sectionId = addSection(clients[0]!.doc, { title: 'Typed through restarts' });
    await waitFor(() => clients.every((c) => getSectionBody(c.doc, sectionId) !== null), 10_000, 'every client to see the section');

    // Each client types a line every 15 ms until told to stop, whether connected or not (as the app lets people do).
    const typed: string[] = [];
    let typing = true;
    const loops = clients.map(async (client, c) => {
      for (let n = 1; typing; n++) {
        const line = `[c${c} #${n}]`;
        typeParagraph(client.doc, sectionId, line);
        typed.push(line);
        await new Promise((r) => setTimeout(r, 15));
      }
    });
    const typedAtLeast = (count: number) => waitFor(() => typed.length >= count, 20_000, `${count} lines typed`);

    await typedAtLeast(100);
    await restart(0);
    await typedAtLeast(typed.length + 100);
    await restart(1);
    await typedAtLeast(typed.length + 100);
    typing = false;
    await Promise.all(loops);

    // Each line typed, as it appears in a text: counted once per appearance (a duplicate shows up twice).
    const linesIn = (text: string) => text.match(/\[c\d+ #\d+\]/g) ?? [];
    const body = (c: TestClient) => getSectionBody(c.doc, sectionId)!.toString();
    const holdsAll = (text: string) => {
      const have = new Set(linesIn(text));
      return typed.every((line) => have.has(line));
    };
    await waitFor(() => clients.every((c) => holdsAll(body(c))), 30_000, 'every client to hold every line').catch((err: unknown) => {
      const state = clients.map((c, i) => {
        const have = new Set(linesIn(body(c)));
        const missing = typed.filter((line) => !have.has(line));
        return { client: i, connected: c.provider.wsconnected, synced: c.provider.synced, missing: missing.slice(0, 8), missingCount: missing.length };
      });
      throw new Error(`${String(err)}\n${JSON.stringify({ state, closes, typed: typed.length }, null, 1)}`);
    });
    const expected = [...typed].sort();
    const first = body(clients[0]!);
    for (const client of clients) {
      const text = body(client);
      // Every line once: nothing lost, nothing duplicated; and every client sees the same text.
      expect([...linesIn(text)].sort()).toEqual(expected);
      expect(text).toBe(first);
    }
    // The database holds the same, read through either node.
    for (const node of nodes) {
      const stored = (await getContent(node!.url, alice, report.id)).sections.find((s) => s.id === sectionId)!.text;
      expect([...linesIn(stored)].sort()).toEqual(expected);
    }
    // Clients on a stopping node were told "server restarting", not dropped.
    expect(closes).toContain(CloseCodes.ServerShutdown.code);
  });
});
