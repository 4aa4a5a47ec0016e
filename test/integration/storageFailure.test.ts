/**
 * When storage fails the server keeps every change in memory, relays nothing it has not stored, retries, and
 * never unloads a document with unstored changes. A document is never served before it has fully loaded.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { addSection, listSections } from '../../shared/report/layout.ts';
import { roomName } from '../../shared/protocol/rooms.ts';
import { loadConfig } from '../../server/src/config.ts';
import { startServer, type RunningServer } from '../../server/src/app.ts';
import { connectClient, createReport, getContent, signUp, waitFor, type TestClient, type TestUser } from '../helpers/clients.ts';
import { withFaults } from '../helpers/faultyStorage.ts';
import { createTestStorage, memoryLogger, STORAGE_KINDS, type TestStorage } from '../helpers/server.ts';
import { typeParagraph } from '../helpers/typing.ts';

describe.each(STORAGE_KINDS)('Storage failures on %s', (kind) => {
  let ts: TestStorage;
  let server: RunningServer;
  let owner: TestUser;
  const clients: TestClient[] = [];
  const cleanup: (() => Promise<void>)[] = [];

  async function start(idleUnloadMs = 100) {
    ts = await createTestStorage(kind);
    const real = ts.open();
    const { storage, faults } = withFaults(real);
    const { log, lines } = memoryLogger();
    server = await startServer(
      { ...loadConfig({ ...ts.env, PORT: '0', STATIC_DIR: '' }), idleUnloadMs },
      { storage, log },
    );
    const wsUrl = server.url.replace('http', 'ws') + '/sync';
    owner = await signUp(server.url);
    cleanup.push(async () => {
      faults.failAppends = false;
      await server.close();
      await real.close();
      await ts.destroy();
    });
    return { faults, lines, wsUrl };
  }
  const client = (wsUrl: string, id: string) => {
    const c = connectClient(wsUrl, id, owner);
    clients.push(c);
    return c;
  };
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    for (const f of cleanup.splice(0)) await f();
  });

  it('holds changes while the database is down, relays none of them, and delivers all once it is back', async () => {
    const { faults, lines, wsUrl } = await start();
    const report = await createReport(server.url, owner);
    const a = client(wsUrl, report.id);
    const b = client(wsUrl, report.id);
    await Promise.all([a.synced, b.synced]);
    const id = addSection(a.doc, { title: 'Before the outage' });
    await waitFor(() => listSections(b.doc).length === 1);

    faults.failAppends = true;
    const attemptsBefore = faults.appendAttempts;
    typeParagraph(a.doc, id, 'typed during the outage');
    await waitFor(() => faults.appendAttempts >= attemptsBefore + 3, 10_000, 'retries');
    expect(JSON.stringify(b.doc.toJSON())).not.toContain('during the outage');
    expect(lines.some((l) => l.includes('store failed; keeping changes in memory and retrying'))).toBe(true);

    // Everyone leaves; the document must stay loaded because its change is not stored.
    a.destroy();
    b.destroy();
    await new Promise((r) => setTimeout(r, 400));
    expect(server.registry.peek(roomName(report.id))).not.toBeNull();

    faults.failAppends = false;
    await waitFor(() => lines.some((l) => l.includes('store recovered')), 15_000, 'recovery');
    await waitFor(() => server.registry.peek(roomName(report.id)) === null, 5000, 'unload after the store');
    // Read back from storage (the document is unloaded now), not from memory.
    const content = await getContent(server.url, owner, report.id);
    expect(content.sections[0]!.text).toBe('typed during the outage');
  });

  it('does not serve a report to a client before it has finished loading', async () => {
    const { faults, wsUrl } = await start(50);
    const report = await createReport(server.url, owner);
    const a = client(wsUrl, report.id);
    await a.synced;
    const id = addSection(a.doc, { title: 'Stored section' });
    typeParagraph(a.doc, id, 'Stored text');
    await waitFor(async () => (await getContent(server.url, owner, report.id)).sections.length === 1);
    a.destroy();
    await waitFor(() => server.registry.peek(roomName(report.id)) === null, 5000, 'unload');

    faults.loadDelayMs = 500;
    const late = client(wsUrl, report.id);
    await late.synced;
    // The first sync the client receives already holds the whole stored report.
    expect(listSections(late.doc).map((s) => s.title)).toEqual(['Stored section']);
    expect(JSON.stringify(late.doc.toJSON())).toContain('Stored text');
  });

  it('compacts stored updates in the background and keeps the content whole', async () => {
    ts = await createTestStorage(kind);
    const real = ts.open();
    const { log } = memoryLogger();
    server = await startServer(
      { ...loadConfig({ ...ts.env, PORT: '0', STATIC_DIR: '' }), compactAfterRows: 20 },
      { storage: real, log },
    );
    cleanup.push(async () => {
      await server.close();
      await real.close();
      await ts.destroy();
    });
    owner = await signUp(server.url);
    const report = await createReport(server.url, owner);
    const a = client(server.url.replace('http', 'ws') + '/sync', report.id);
    await a.synced;
    const id = addSection(a.doc, { title: 'Many edits' });
    for (let i = 0; i < 100; i++) {
      typeParagraph(a.doc, id, `p${i}`);
      await new Promise((r) => setTimeout(r, 2));
    }
    await waitFor(async () => (await getContent(server.url, owner, report.id)).sections[0]?.text.includes('p99') ?? false);
    const Y = await import('yjs');
    const { reportContent } = await import('../../shared/report/content.ts');
    // Read what storage holds (the live document may be a moment ahead of it).
    const storedParagraphs = async () => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.mergeUpdates((await real.loadDocument(roomName(report.id))).updates));
      return reportContent(doc).sections[0]?.text.split('\n').length ?? 0;
    };
    await waitFor(async () => (await storedParagraphs()) === 100, 5000, 'every paragraph stored');
    await waitFor(async () => (await real.documentStats(roomName(report.id))).rows < 20, 5000, 'compaction');
    expect(await storedParagraphs()).toBe(100);
  });
});
