/**
 * Several server nodes on one PostgreSQL database, joined by Redis (REDIS_URL): people connected to different
 * nodes write together, see each other, and lose their access at once whichever node changed it; compaction by
 * one node never drops what another stored. Real PostgreSQL and Redis on this machine.
 */
import { describe, expect, it } from 'vitest';
import { addSection, listSections } from '../../shared/report/layout.ts';
import { getContent, api, signUp, waitFor, type TestClient } from '../helpers/clients.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { REDIS_URL, useTwoNodes } from '../helpers/twoNodes.ts';
import { typeParagraph } from '../helpers/typing.ts';


describe('Two server nodes on PostgreSQL and Redis', () => {
  // Compaction after a few rows, so the nodes compact while both are writing.
  const nodes = useTwoNodes({ compactAfterRows: 5, loginSlowAfter: 100, loginRefuseAfter: 5 });
  const { connect, sharedReport } = nodes;

  it('relays what one writes on one node to another on the other node, both ways, and stores it once', async () => {
    const id = await sharedReport();
    const onA = connect(nodes.a, id, nodes.owner);
    const onB = connect(nodes.b, id, nodes.editor);
    await Promise.all([onA.synced, onB.synced]);
    const section = addSection(onA.doc, { title: 'Housing' });
    typeParagraph(onA.doc, section, 'Written on node A.');
    await waitFor(() => listSections(onB.doc).some((s) => s.id === section), 10_000, 'node B to relay the section');
    typeParagraph(onB.doc, section, 'Written on node B.');
    await waitFor(() => JSON.stringify(onA.doc.toJSON()).includes('Written on node B.'), 10_000, 'node A to relay the reply');
    // The API of either node shows both, from the database.
    for (const server of [nodes.a, nodes.b]) {
      const content = await getContent(server.url, nodes.owner, id);
      expect(content.sections[0]!.text).toContain('Written on node A.');
      expect(content.sections[0]!.text).toContain('Written on node B.');
    }
  });

  it('shows who else is here across nodes', async () => {
    const id = await sharedReport();
    const onA = connect(nodes.a, id, nodes.owner);
    await onA.synced;
    onA.provider.awareness.setLocalStateField('user', { name: 'Olga', color: '#1f5fa8' });
    const onB = connect(nodes.b, id, nodes.editor);
    await onB.synced;
    onB.provider.awareness.setLocalStateField('user', { name: 'Edwin', color: '#a23a8c' });
    const names = (c: TestClient) => [...c.provider.awareness.getStates().values()].map((s) => (s as { user?: { name: string } }).user?.name).filter(Boolean).sort();
    // A newcomer on B learns of Olga on A; Olga learns of Edwin.
    await waitFor(() => names(onB).join() === 'Edwin,Olga', 10_000, 'B to show Olga');
    await waitFor(() => names(onA).join() === 'Edwin,Olga', 10_000, 'A to show Edwin');
  });

  it('takes a removed role away from a connection on the other node at once, and ends a signed-out session there', async () => {
    const id = await sharedReport();
    const onB = connect(nodes.b, id, nodes.editor);
    await onB.synced;
    const closed = onB.nextClose();
    const removed = await api(nodes.a.url, `/api/reports/${id}/members/${nodes.editor.id}`, { as: nodes.owner, method: 'DELETE' });
    expect(removed.status).toBe(204);
    expect(await closed).toBe(4404);

    const second = await sharedReport();
    const again = connect(nodes.b, second, nodes.editor);
    await again.synced;
    const signedOut = again.nextClose();
    await api(nodes.a.url, '/api/auth/logout', { as: nodes.editor, method: 'POST' });
    expect(await signedOut).toBe(4401);
    nodes.editor = await (async () => {
      const res = await api<{ user: { id: string } }>(nodes.a.url, '/api/auth/login', { body: { email: nodes.editor.email, password: nodes.editor.password } });
      const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
      return { ...nodes.editor, cookie };
    })();
  });

  it('closes the connections of a report deleted on the other node', async () => {
    const id = await sharedReport();
    const onB = connect(nodes.b, id, nodes.editor);
    await onB.synced;
    const closed = onB.nextClose();
    expect((await api(nodes.a.url, `/api/reports/${id}`, { as: nodes.owner, method: 'DELETE' })).status).toBe(200);
    expect(await closed).toBe(4410);
    expect((await api(nodes.b.url, `/api/reports/${id}`, { as: nodes.owner })).status).toBe(404);
  });

  it('counts failed sign-ins on every node, so a second node does not give more attempts', async () => {
    const victim = await signUp(nodes.a.url, { name: 'Target' });
    const attempt = (server: TestServer) => api(server.url, '/api/auth/login', { body: { email: victim.email, password: 'not the password at all' } });
    // Node A and B each see some of the failures; together they pass the limit (LOGIN_REFUSE_AFTER).
    for (let i = 0; i < 5; i++) await attempt(i % 2 === 0 ? nodes.a : nodes.b);
    const refused = await attempt(nodes.b);
    expect(refused.status).toBe(429);
    expect((await attempt(nodes.a)).status).toBe(429);
  });

  it('keeps every change when both nodes write and compact the same report, for a node that opens it later', async () => {
    const id = await sharedReport();
    const onA = connect(nodes.a, id, nodes.owner);
    const onB = connect(nodes.b, id, nodes.editor);
    await Promise.all([onA.synced, onB.synced]);
    const section = addSection(onA.doc, { title: 'Education' });
    await waitFor(() => listSections(onB.doc).length === 1, 10_000, 'the section on B');
    for (let i = 0; i < 30; i++) {
      typeParagraph(onA.doc, section, `A${i}.`);
      typeParagraph(onB.doc, section, `B${i}.`);
      await new Promise((r) => setTimeout(r, 15));
    }
    const text = async (server: TestServer) => (await getContent(server.url, nodes.owner, id)).sections[0]?.text ?? '';
    const all = (t: string) => Array.from({ length: 30 }, (_, i) => [`A${i}.`, `B${i}.`]).flat().every((w) => t.includes(w));
    await waitFor(async () => all(await text(nodes.a)) && all(await text(nodes.b)), 20_000, 'both nodes to hold every paragraph');
    // Both nodes compacted: far fewer rows than the 62 changes made.
    const direct = nodes.storage.open();
    try {
      expect((await direct.loadDocument(id)).updates.length).toBeLessThan(30);
    } finally {
      await direct.close();
    }
    // A third node, started now, loads the report from the database alone.
    const c = await startTestServer(nodes.storage, { redisUrl: REDIS_URL });
    try {
      expect(all(await text(c))).toBe(true);
    } finally {
      await c.close();
    }
  });
});
