/**
 * Issue 11 in Chromium: presence in an end-to-end encrypted report. Two people co-edit it and each sees the other's
 * caret, labelled with their name, and the other in the outline's people-in-this-section dots: presence travels
 * sealed (envelope type `presence`) over `/esync`, relayed and never stored. When one leaves, the other's page stops
 * showing them at once (a sealed removal, or the server's `gone`), not only after the 30 s timeout. Presence that a
 * modified client of one member seals under another's name is refused by the receiving browser and reported. The typed phrase and the title are
 * nowhere in the SQLite file, its WAL or the server log, and neither are the names shown on the carets in the log.
 */
import { x25519 } from '@noble/curves/ed25519.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { fromBase64, toBase64 } from '../../shared/e2ee/bytes.ts';
import { sealEnvelope } from '../../shared/e2ee/envelope.ts';
import { unwrapReportKey } from '../../shared/e2ee/keyWrap.ts';
import { api, type TestUser } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import { holds, witnessMarker } from '../helpers/sqliteFiles.ts';
import { createEncryptedReport, deviceSecrets, unlock } from './encryptionSupport.ts';
import { AMINA, BRUNO, openSignedIn, poll, typeAtEnd, useBrowserSuite, waitForEditorText, waitForSyncState } from './support.ts';

interface KeysInfo {
  generation: number;
  myKeys: { generation: number; wrappedKey: string; wrappedBy: string }[];
  wrappers: Record<string, string>;
}

/**
 * What a modified client of `as` could send: presence sealed with the report key and signed with its own keys, but
 * naming someone else (`claimed`). The server cannot read it, so it relays it.
 */
async function forgePresence(server: TestServer, reportId: string, as: TestUser, secrets: { boxSecret: Uint8Array; signSecret: Uint8Array }, claimed: { id: string; name: string }) {
  const info = (await api<KeysInfo>(server.url, `/api/reports/${reportId}/e2ee`, { as })).body;
  const mine = info.myKeys.find((k) => k.generation === info.generation)!;
  const reportKey = unwrapReportKey(
    fromBase64(mine.wrappedKey)!,
    { secretKey: secrets.boxSecret, publicKey: x25519.getPublicKey(secrets.boxSecret) },
    { reportId, generation: info.generation, recipient: as.id },
    fromBase64(info.wrappers[mine.wrappedBy]!)!,
  )!;
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  awareness.setLocalState({ user: { name: claimed.name, userId: claimed.id, color: '#b4441b', role: 'owner' }, section: null });
  const sealed = sealEnvelope({ type: 'presence', generation: info.generation, kind: 'content', reportId, signer: as.id }, encodeAwarenessUpdate(awareness, [doc.clientID]), reportKey, secrets.signSecret);
  awareness.destroy();
  const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/esync/${reportId}`, { headers: { cookie: as.cookie, origin: server.url } });
  await new Promise<void>((resolve, reject) => {
    ws.on('error', reject);
    ws.on('open', () => ws.send(JSON.stringify({ v: 1, t: 'hello', after: 0 })));
    ws.on('message', (raw) => {
      if ((JSON.parse(String(raw)) as { t: string }).t !== 'ready') return;
      ws.send(JSON.stringify({ v: 1, t: 'presence', client: doc.clientID, data: toBase64(sealed) }));
      resolve();
    });
  });
  return ws;
}

describe('Presence in an end-to-end encrypted report', () => {
  const suite = useBrowserSuite();
  let server: TestServer;
  let browser: Browser;
  beforeAll(() => ({ server, browser } = suite));

  it('shows each co-editor’s caret and section to the other, sealed, and takes it away when they leave', async () => {
    const amina = suite.keep(await openSignedIn(browser, server.url, AMINA));
    const bruno = suite.keep(await openSignedIn(browser, server.url, BRUNO));
    const title = `Presence ${witnessMarker()}`;
    const reportId = await createEncryptedReport(amina.page, server.url, title);
    await unlock(amina.page, AMINA.password);
    await waitForSyncState(amina.page, 'synced');
    const added = await api(server.url, `/api/reports/${reportId}/members`, { as: amina.account, body: { email: bruno.account.email, role: 'editor' } });
    expect(added.status).toBe(201);
    await bruno.page.goto(`${server.url}/reports/${reportId}`);
    await unlock(bruno.page, BRUNO.password);
    await waitForSyncState(bruno.page, 'synced');

    // Both are in the report's first section.
    const heading = await amina.page.locator('#section-heading').innerText();
    await poll(() => bruno.page.locator('#section-heading').innerText()).toBe(heading);
    const phrase = witnessMarker();
    await typeAtEnd(amina.page, `Statement ${phrase} recorded.`);
    await waitForEditorText(bruno.page, phrase);
    await typeAtEnd(bruno.page, ' Corroborated.');
    await waitForEditorText(amina.page, 'Corroborated.');

    // Each sees the other's caret with their name, and the other in this section of the outline.
    await poll(() => amina.page.locator('.collaboration-carets__label').allInnerTexts()).toContain(BRUNO.name);
    await poll(() => bruno.page.locator('.collaboration-carets__label').allInnerTexts()).toContain(AMINA.name);
    const dotsOf = (page: typeof amina.page) => page.getByTestId('outline-item').filter({ hasText: heading }).getByTestId('peer-dots');
    await poll(() => dotsOf(amina.page).getAttribute('aria-label')).toContain(BRUNO.name);
    await poll(() => dotsOf(bruno.page).getAttribute('aria-label')).toContain(AMINA.name);
    expect(await amina.page.getByTestId('e2ee-rejected').count()).toBe(0);

    // A modified client of Bruno's announces itself under Amina's name and account: her browser refuses it, says so,
    // and lists nobody under her name.
    const forger = await forgePresence(server, reportId, bruno.account, await deviceSecrets(bruno.page, bruno.account.id), { id: amina.account.id, name: AMINA.name });
    await poll(() => amina.page.getByTestId('e2ee-rejected').count()).toBe(1);
    expect(await amina.page.getByTestId('e2ee-rejected').innerText()).toContain(BRUNO.name);
    const headerDots = amina.page.locator('.report-header [data-testid="peer-dots"]');
    expect(await headerDots.getAttribute('aria-label')).not.toContain(AMINA.name);
    forger.close();

    // Bruno leaves the report: his caret goes from Amina's page well before the 30 s timeout would remove it.
    await bruno.page.goto(server.url);
    await expect.poll(() => amina.page.locator('.collaboration-carets__label').allInnerTexts(), { timeout: 10_000, interval: 100 }).not.toContain(BRUNO.name);
    await expect.poll(() => amina.page.getByTestId('outline-item').filter({ hasText: heading }).getByTestId('peer-dots').count(), { timeout: 10_000, interval: 100 }).toBe(0);

    // Nothing readable reached the server: not the text or title in the database or the log, no name in the log.
    const file = server.storage.description.replace(/^sqlite:/, '');
    for (const marker of [phrase, title]) {
      expect(holds(file, marker)).toBe(false);
      expect(holds(`${file}-wal`, marker)).toBe(false);
    }
    for (const marker of [phrase, title, AMINA.name, BRUNO.name]) expect(server.lines.some((l) => l.includes(marker))).toBe(false);
    expect(amina.errors).toEqual([]);
    expect(bruno.errors).toEqual([]);
  }, 240_000);
});
