/**
 * Issue 11 in Chromium: the comments of an end-to-end encrypted report. Its owner and a reviewer each comment and
 * see each other's comments, synced sealed over `/esync/<id>/discussion`; neither comment is anywhere in the
 * SQLite file or its WAL. A reply the reviewer's own keys sign but that names the owner as its author (what a
 * modified client could send: the server cannot read it to refuse it) is refused by the owner's browser, which
 * runs the discussion guard, and shown in the encryption panel with the rule it broke. A comment written offline
 * goes out when the network returns. After the reviewer is
 * removed the discussion is re-sealed under the new key, and a member given only that key reads every comment.
 */
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { listThreads, reply } from '../../shared/discussion/layout.ts';
import { fromBase64, toBase64 } from '../../shared/e2ee/bytes.ts';
import { openEnvelope, sealEnvelope } from '../../shared/e2ee/envelope.ts';
import { unwrapReportKey } from '../../shared/e2ee/keyWrap.ts';
import { x25519 } from '@noble/curves/ed25519.js';
import { api, type TestUser } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import { holds, witnessMarker } from '../helpers/sqliteFiles.ts';
import { createEncryptedReport, deviceSecrets, unlock } from './encryptionSupport.ts';
import { selectPhrase } from './reviewSupport.ts';
import { AMINA, BRUNO, openSignedIn, type Person, poll, typeAtEnd, useBrowserSuite, waitForEditorText, waitForOfflineReady, waitForSyncState } from './support.ts';

const margin = (page: Page) => page.locator('.review-margin');
const CHIDI: Person = { name: 'Chidi Okeke', email: 'chidi@minority-rights.example', password: 'meadow copper lighthouse', color: '#2e7d32' };

/** Comment on `phrase` through the editor's shortcut and the draft's button. */
async function comment(page: Page, phrase: string, text: string): Promise<void> {
  await selectPhrase(page, phrase);
  await page.keyboard.press('Control+Alt+m');
  await page.getByRole('combobox', { name: 'Comment' }).fill(text);
  await page.getByTestId('comment-draft').getByRole('button', { name: 'Comment' }).click();
  await margin(page).getByTestId('thread').filter({ hasText: text }).waitFor();
}

interface KeysInfo {
  generation: number;
  members: { userId: string; signPublic: string | null }[];
  myKeys: { generation: number; wrappedKey: string; wrappedBy: string }[];
  wrappers: Record<string, string>;
}

/**
 * What a modified client of `as` does: read the discussion from the server, decrypt it with the report key its
 * keys open, add a reply under `author`'s name, and send it sealed and signed with its own key.
 */
async function forgeReply(server: TestServer, reportId: string, as: TestUser, secrets: { boxSecret: Uint8Array; signSecret: Uint8Array }, author: { id: string; name: string }, text: string) {
  const info = (await api<KeysInfo>(server.url, `/api/reports/${reportId}/e2ee`, { as })).body;
  const mine = info.myKeys.find((k) => k.generation === info.generation)!;
  const reportKey = unwrapReportKey(
    fromBase64(mine.wrappedKey)!,
    { secretKey: secrets.boxSecret, publicKey: x25519.getPublicKey(secrets.boxSecret) },
    { reportId, generation: info.generation, recipient: as.id },
    fromBase64(info.wrappers[mine.wrappedBy]!)!,
  );
  expect(reportKey).not.toBeNull();
  const signKeys = new Map(info.members.filter((m) => m.signPublic).map((m) => [m.userId, fromBase64(m.signPublic!)!]));
  const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/esync/${reportId}/discussion`, { headers: { cookie: as.cookie, origin: server.url } });
  const doc = new Y.Doc();
  const acked = new Promise<void>((resolve, reject) => {
    ws.on('error', reject);
    ws.on('close', (code) => reject(new Error(`closed ${code}`)));
    ws.on('open', () => ws.send(JSON.stringify({ v: 1, t: 'hello', after: 0 })));
    ws.on('message', (raw) => {
      const m = JSON.parse(String(raw)) as { t: string; data?: string };
      if (m.data) {
        const opened = openEnvelope(fromBase64(m.data)!, { reportId, kind: 'discussion', writerKey: (id) => signKeys.get(id) ?? null, reportKey: () => reportKey });
        if (opened.ok) Y.applyUpdate(doc, opened.plaintext);
      } else if (m.t === 'ready') {
        const thread = listThreads(doc)[0]!;
        const before = Y.encodeStateVector(doc);
        reply(doc, thread.id, author, text);
        const update = Y.encodeStateAsUpdate(doc, before);
        const sealed = sealEnvelope({ type: 'update', generation: info.generation, kind: 'discussion', reportId, signer: as.id }, update, reportKey!, secrets.signSecret);
        ws.send(JSON.stringify({ v: 1, t: 'update', ref: 'forged', data: toBase64(sealed) }));
      } else if (m.t === 'ack') resolve();
    });
  });
  // The server cannot tell: it stores and relays the message like any other of this member's.
  await acked;
  ws.removeAllListeners('close');
  ws.close();
}

describe('The comments of an end-to-end encrypted report', () => {
  const suite = useBrowserSuite();
  let server: TestServer;
  let browser: Browser;
  beforeAll(() => ({ server, browser } = suite));

  it('sync sealed between an owner and a reviewer, never reach the server readable, and a forged author is refused', async () => {
    const amina = suite.keep(await openSignedIn(browser, server.url, AMINA));
    const bruno = suite.keep(await openSignedIn(browser, server.url, BRUNO));
    for (const page of [amina.page, bruno.page]) page.on('pageerror', (e) => console.error('page error:', e.message, e.stack));
    const fromBruno = `Which law? ${witnessMarker()}`;
    const fromAmina = `The draft of 2024. ${witnessMarker()}`;
    const forged = `I withdraw everything. ${witnessMarker()}`;

    const reportId = await createEncryptedReport(amina.page, server.url, `Testimony ${witnessMarker()}`);
    await unlock(amina.page, AMINA.password);
    await waitForSyncState(amina.page, 'synced');
    await typeAtEnd(amina.page, 'The State should adopt a law on segregated schools.');

    const added = await api(server.url, `/api/reports/${reportId}/members`, { as: amina.account, body: { email: bruno.account.email, role: 'reviewer' } });
    expect(added.status).toBe(201);
    await bruno.page.goto(`${server.url}/reports/${reportId}`);
    await unlock(bruno.page, BRUNO.password);
    await waitForEditorText(bruno.page, 'segregated schools');

    // Each comments; each sees the other's.
    await comment(bruno.page, 'adopt a law', fromBruno);
    await margin(amina.page).getByTestId('thread').filter({ hasText: fromBruno }).waitFor();
    await comment(amina.page, 'segregated schools', fromAmina);
    await margin(bruno.page).getByTestId('thread').filter({ hasText: fromAmina }).waitFor();

    // The server holds the discussion sealed, under its own room; neither comment is readable in its files.
    const file = server.storage.description.replace(/^sqlite:/, '');
    const db = new Database(file, { readonly: true, fileMustExist: true });
    const sealedRows = () => (db.prepare('SELECT COUNT(*) AS n FROM encrypted_messages WHERE doc_name = ?').get(`${reportId}/discussion`) as { n: number }).n;
    await poll(sealedRows).toBeGreaterThanOrEqual(2);
    db.close();
    for (const marker of [fromBruno, fromAmina]) {
      expect(holds(file, marker)).toBe(false);
      expect(holds(`${file}-wal`, marker)).toBe(false);
      expect(server.lines.some((l) => l.includes(marker))).toBe(false);
    }

    // Bruno's keys sign a reply that says Amina wrote it: Amina's browser refuses it and says why.
    await forgeReply(server, reportId, bruno.account, await deviceSecrets(bruno.page, bruno.account.id), { id: amina.account.id, name: AMINA.name }, forged);
    const rejected = amina.page.getByTestId('e2ee-rejected');
    await poll(() => rejected.innerText().catch(() => '')).toMatch(/Bruno Costa.*rule of comments and suggestions.*your own account/s);
    // Bruno's own browser, which got it relayed, refuses it too.
    await poll(() => bruno.page.getByTestId('e2ee-rejected').innerText().catch(() => '')).toContain('your own account');
    for (const page of [amina.page, bruno.page]) {
      const threads = await margin(page).getByTestId('thread').allInnerTexts();
      expect(threads.join('\n')).not.toContain(forged);
    }
    // Comments made after it still go through.
    const later = `Noted. ${witnessMarker()}`;
    await comment(bruno.page, 'The State', later);
    await margin(amina.page).getByTestId('thread').filter({ hasText: later }).waitFor();

    // A comment written offline waits on Bruno's device and goes out, sealed, when the network returns.
    await waitForOfflineReady(bruno.page);
    await bruno.context.setOffline(true);
    const offline = `Written on the train. ${witnessMarker()}`;
    await comment(bruno.page, 'should adopt', offline);
    await bruno.context.setOffline(false);
    await margin(amina.page).getByTestId('thread').filter({ hasText: offline }).waitFor();
    expect(holds(`${file}-wal`, offline) || holds(file, offline)).toBe(false);

    // Bruno leaves: Amina's browser rotates the key and re-seals the discussion under the new one, as it does the
    // text, so a member given only the new key reads every comment.
    const removed = await api(server.url, `/api/reports/${reportId}/members/${bruno.account.id}`, { as: amina.account, method: 'DELETE' });
    expect(removed.status).toBe(204);
    const again = new Database(file, { readonly: true, fileMustExist: true });
    const generations = (doc: string) => again.prepare('SELECT DISTINCT generation AS g FROM encrypted_messages WHERE doc_name = ?').all(doc).map((r) => (r as { g: number }).g);
    await poll(() => generations(`${reportId}/discussion`)).toEqual([2]);
    await poll(() => generations(reportId)).toEqual([2]);
    again.close();
    const chidi = suite.keep(await openSignedIn(browser, server.url, CHIDI));
    expect((await api(server.url, `/api/reports/${reportId}/members`, { as: amina.account, body: { email: chidi.account.email, role: 'editor' } })).status).toBe(201);
    await chidi.page.goto(`${server.url}/reports/${reportId}`);
    await unlock(chidi.page, CHIDI.password);
    for (const text of [fromBruno, fromAmina, later, offline]) await margin(chidi.page).getByTestId('thread').filter({ hasText: text }).waitFor();
    // Sealed with the one key of generation 2 that every member holds (two documents rotating at once once made two).
    expect(await chidi.page.getByTestId('e2ee-rejected').count()).toBe(0);
    expect((await margin(chidi.page).getByTestId('thread').allInnerTexts()).join('\n')).not.toContain(forged);
  }, 300_000);
});
