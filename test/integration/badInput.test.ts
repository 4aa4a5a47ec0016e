/**
 * Bad sync input closes that one connection and nothing else: the server keeps running, the document keeps
 * its content, and other clients keep editing. On both storages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { addSection, listSections } from '../../shared/report/layout.ts';
import { connectClient, createReport, getContent, signUp, waitFor, type TestClient, type TestUser } from '../helpers/clients.ts';
import { createTestStorage, startTestServer, STORAGE_KINDS, type TestServer, type TestStorage } from '../helpers/server.ts';
import { typeParagraph } from '../helpers/typing.ts';

/** Open a raw socket, send `frames` once open, and resolve with the close code ('open' if still open after waitMs). */
function sendRaw(url: string, frames: (Uint8Array | string)[], waitMs = 5000, cookie = rawCookie): Promise<number | 'open'> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers: { cookie } });
    const timer = setTimeout(() => {
      ws.terminate();
      resolve('open');
    }, waitMs);
    ws.on('open', () => {
      for (const f of frames) ws.send(f, { binary: typeof f !== 'string' });
    });
    ws.on('close', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    ws.on('error', () => {});
  });
}

/** The session of the suite's account, for raw sockets. */
let rawCookie = '';

function syncFrame(syncType: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, syncType);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

describe.each(STORAGE_KINDS)('Bad sync input on %s', (kind) => {
  let storage: TestStorage;
  let server: TestServer;
  let reportId: string;
  let owner: TestUser;
  let a: TestClient;
  let b: TestClient;
  let sectionId: string;

  beforeAll(async () => {
    storage = await createTestStorage(kind);
    server = await startTestServer(storage, { maxMessageBytes: 64 * 1024 });
    owner = await signUp(server.url);
    rawCookie = owner.cookie;
    reportId = (await createReport(server.url, owner)).id;
    a = connectClient(server.wsUrl, reportId, owner);
    b = connectClient(server.wsUrl, reportId, owner);
    await Promise.all([a.synced, b.synced]);
    sectionId = addSection(a.doc, { title: 'Article 2' });
    typeParagraph(a.doc, sectionId, 'Existing text that must survive.');
    await waitFor(() => listSections(b.doc).length === 1);
  });
  afterAll(async () => {
    a.destroy();
    b.destroy();
    await server.close();
    await storage.destroy();
  });

  /** After each attack: the server answers, the text is intact, and A's next edit still reaches B. */
  async function expectUnharmed(marker: string) {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    typeParagraph(a.doc, sectionId, marker);
    await waitFor(() => JSON.stringify(b.doc.toJSON()).includes(marker), 5000, `${marker} to reach b`);
    const content = await getContent(server.url, owner, reportId);
    expect(content.sections[0]!.text).toContain('Existing text that must survive.');
    expect(content.sections[0]!.text).toContain(marker);
  }

  const url = () => `${server.wsUrl}/${reportId}`;

  it('closes a connection that sends bytes that are not a y-websocket message', async () => {
    expect(await sendRaw(url(), [new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f])])).toBe(4400);
    expect(await sendRaw(url(), [new Uint8Array([99, 1, 2, 3])])).toBe(4400);
    expect(await sendRaw(url(), ['a text frame'])).toBe(4400);
    await expectUnharmed('after-garbage');
  });

  it('closes a connection that sends a truncated or corrupt Yjs update', async () => {
    const doc = new Y.Doc();
    doc.getMap('report').set('title', 'hijacked?');
    const update = Y.encodeStateAsUpdate(doc);
    expect(await sendRaw(url(), [syncFrame(2, update.slice(0, update.length - 3))])).toBe(4400);
    const lyingLength = update.slice();
    lyingLength[0] = 0x7f; // claims 127 clients' worth of structs that are not there
    expect(await sendRaw(url(), [syncFrame(2, lyingLength)])).toBe(4400);
    expect(await sendRaw(url(), [syncFrame(7, update)])).toBe(4400);
    await expectUnharmed('after-corrupt');
  });

  it('closes a connection whose message is over the size limit, and stores none of it', async () => {
    const big = new Uint8Array(100 * 1024);
    expect(await sendRaw(url(), [big])).toBe(1009);
    // The stock client pasting a huge text: its connection is closed, the paste is not stored or relayed.
    const c = connectClient(server.wsUrl, reportId, owner);
    await c.synced;
    const closed = c.nextClose();
    typeParagraph(c.doc, sectionId, 'x'.repeat(200 * 1024));
    expect(await closed).toBe(1009);
    c.destroy();
    await expectUnharmed('after-oversized');
    const content = await getContent(server.url, owner, reportId);
    expect(content.sections[0]!.text).not.toContain('x'.repeat(1000));
    expect(server.lines.some((l) => l.includes('sync connection error'))).toBe(true);
  });

  it('survives a burst of random frames on many connections', async () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const attacks: Promise<number | 'open'>[] = [];
    for (let i = 0; i < 60; i++) {
      const len = 1 + Math.floor(rand() * 300);
      const frame = new Uint8Array(len);
      for (let j = 0; j < len; j++) frame[j] = Math.floor(rand() * 256);
      // Keep the first byte a valid message type half the time, so the decoder gets deeper.
      if (i % 2 === 0) frame[0] = Math.floor(rand() * 2);
      attacks.push(sendRaw(url(), [frame], 2000));
    }
    const codes = await Promise.all(attacks);
    // Random bytes that happen to parse as a harmless message leave their connection open; none may do more.
    expect(codes.every((c) => c === 4400 || c === 'open')).toBe(true);
    expect(codes.filter((c) => c === 4400).length).toBeGreaterThan(40);
    await expectUnharmed('after-burst');
  });
});
