/**
 * Issue 11 in Chromium: an end-to-end encrypted report made in the New report dialog. Two people co-edit it and
 * see each other's text; a phrase typed in it is nowhere in the SQLite file, its WAL or the server log; a second
 * device signs in with the password and reads it, a third opens the keys with the recovery code; a removed member
 * is cut off and the key rotated; an offline edit merges on reconnect.
 */
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import WebSocket from 'ws';
import { api } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import { holds, witnessMarker } from '../helpers/sqliteFiles.ts';
import { heldKeys } from './deviceKeyProbe.ts';
import { unlock } from './encryptionSupport.ts';
import { addSession, AMINA, BRUNO, newProfile, openSignedIn, poll, typeAtEnd, useBrowserSuite, waitForEditorText, waitForOfflineReady, waitForSyncState, WAIT_MS } from './support.ts';

describe('An end-to-end encrypted report', () => {
  const suite = useBrowserSuite();
  let server: TestServer;
  let browser: Browser;
  beforeAll(() => ({ server, browser } = suite));

  it('is co-edited, unreadable on the server, opened on new devices, closed to a removed member, and merges offline edits', async () => {
    const amina = suite.keep(await openSignedIn(browser, server.url, AMINA));
    const bruno = suite.keep(await openSignedIn(browser, server.url, BRUNO));
    for (const page of [amina.page, bruno.page]) page.on('pageerror', (e) => console.error('page error:', e.message, e.stack));
    const phrase = witnessMarker();
    const title = `Testimony ${witnessMarker()}`;

    // Amina makes the report in the dialog, ticking "End-to-end encrypted".
    await amina.page.goto(server.url);
    await amina.page.getByRole('button', { name: 'New report' }).first().click();
    await amina.page.getByLabel('Title').fill(title);
    await amina.page.getByLabel('Mechanism').selectOption('CERD');
    await amina.page.getByLabel(/A blank report/).check();
    await amina.page.getByLabel('End-to-end encrypted').check();
    await amina.page.getByRole('button', { name: 'Create report' }).click();
    await amina.page.waitForURL(/\/reports\//);
    const reportId = amina.page.url().split('/reports/')[1]!.split(/[?#]/)[0]!;
    await amina.page.getByTestId('encryption-panel').getByText('End-to-end encrypted.').waitFor();
    // Her first encrypted report: the password makes her keys and the recovery code is shown once.
    const recoveryCode = await unlock(amina.page, AMINA.password);
    expect(recoveryCode).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{1,4})+$/);
    await waitForSyncState(amina.page, 'synced');

    // The server says it is encrypted and does not know its title; routes that need the text answer 409.
    const meta = await api(server.url, `/api/reports/${reportId}`, { as: amina.account });
    expect(meta.body).toMatchObject({ encrypted: true, title: 'Encrypted report' });
    const content = await api(server.url, `/api/reports/${reportId}/content`, { as: amina.account });
    expect(content.status).toBe(409);
    expect(content.body).toMatchObject({ error: { code: 'encrypted_report' } });

    // Bruno joins as an editor; his first visit makes his keys, and Amina's browser shares the report key with him.
    const added = await api(server.url, `/api/reports/${reportId}/members`, { as: amina.account, body: { email: bruno.account.email, role: 'editor' } });
    expect(added.status).toBe(201);
    await bruno.page.goto(`${server.url}/reports/${reportId}`);
    expect(await unlock(bruno.page, BRUNO.password)).not.toBe('');
    await waitForSyncState(bruno.page, 'synced');
    await poll(() => bruno.page.getByLabel('Report title').inputValue()).toBe(title);

    await typeAtEnd(amina.page, `Statement ${phrase} recorded.`);
    await waitForEditorText(bruno.page, phrase);
    await typeAtEnd(bruno.page, ' Corroborated by a second witness.');
    await waitForEditorText(amina.page, 'Corroborated by a second witness.');
    await waitForSyncState(amina.page, 'synced');
    await waitForSyncState(bruno.page, 'synced');
    // Both saw the same safety code for Amina.
    const codes = async (page: Page) => page.getByTestId('safety-code').allInnerTexts();
    await amina.page.getByText('Safety codes').click();
    await bruno.page.getByText('Safety codes').click();
    expect((await codes(amina.page)).sort()).toEqual((await codes(bruno.page)).sort());

    // Nothing readable reached the server: not the phrase, not the title, in the database, its WAL or the log.
    const file = server.storage.description.replace(/^sqlite:/, '');
    for (const marker of [phrase, title]) {
      expect(holds(file, marker)).toBe(false);
      expect(holds(`${file}-wal`, marker)).toBe(false);
      expect(server.lines.some((l) => l.includes(marker))).toBe(false);
    }

    // A second device of Amina's: she signs in with her password and reads the report.
    const laptop = suite.keep(await newProfile(browser, AMINA));
    await laptop.page.goto(`${server.url}/signin`);
    await laptop.page.getByLabel('E-mail address').fill(amina.account.email);
    await laptop.page.getByLabel('Password', { exact: true }).fill(AMINA.password);
    await laptop.page.getByRole('button', { name: 'Sign in' }).click();
    await laptop.page.waitForURL((url) => !url.pathname.startsWith('/signin'));
    // Signing in opened her keys with the password (Argon2id, in the page): no question on the report.
    await poll(async () => (await heldKeys(laptop.page)).sealedAccounts).toBe(1);
    await laptop.page.goto(`${server.url}/reports/${reportId}`);
    await waitForEditorText(laptop.page, phrase);

    // A third device opens her keys with the recovery code instead.
    // (Signed in with a session made through the API, so no password was typed on it.)
    const phone = suite.keep(await newProfile(browser, AMINA, { width: 390, height: 844 }));
    await addSession(phone.context, server.url, amina.account);
    await phone.page.goto(`${server.url}/reports/${reportId}`);
    const panel = phone.page.getByTestId('encryption-panel');
    await panel.getByRole('button', { name: 'Use a recovery code' }).click();
    await panel.getByRole('textbox', { name: /Your recovery code/ }).fill(recoveryCode!.toLowerCase());
    await panel.getByRole('button', { name: 'Unlock' }).click();
    await waitForEditorText(phone.page, phrase);
    await phone.page.getByText('Safety codes').click();

    // Bruno is removed: his connection closes, Amina's browser rotates the key, and what she writes next is sealed
    // with a key he was never given.
    const removed = await api(server.url, `/api/reports/${reportId}/members/${bruno.account.id}`, { as: amina.account, method: 'DELETE' });
    expect(removed.status).toBe(204);
    const db = new Database(file, { readonly: true, fileMustExist: true });
    const generations = () => db.prepare('SELECT key_generation AS g FROM reports WHERE id = ?').get(reportId) as { g: number };
    await poll(() => generations().g).toBe(2);
    const later = witnessMarker();
    await typeAtEnd(amina.page, ` After ${later}.`);
    await waitForEditorText(laptop.page, later);
    const holdersOf2 = (db.prepare('SELECT user_id FROM report_keys WHERE report_id = ? AND generation = 2').all(reportId) as { user_id: string }[]).map((r) => r.user_id);
    expect(holdersOf2).toContain(amina.account.id);
    expect(holdersOf2).not.toContain(bruno.account.id);
    const newest = db.prepare("SELECT generation FROM encrypted_messages WHERE doc_name = ? ORDER BY seq DESC LIMIT 1").get(reportId) as { generation: number };
    expect(newest.generation).toBe(2);
    db.close();
    expect(await bruno.page.evaluate(() => document.querySelector('.prose')?.textContent ?? '')).not.toContain(later);
    const keysForBruno = await api(server.url, `/api/reports/${reportId}/e2ee`, { as: bruno.account });
    expect(keysForBruno.status).toBe(404);
    const closeCode = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${server.wsUrl.replace('/sync', '')}/esync/${reportId}`, { headers: { cookie: bruno.account.cookie, origin: server.url } });
      ws.on('close', (code) => resolve(code));
    });
    expect(closeCode).toBe(4404);

    // Offline: Amina writes with no network; back online the edit reaches her laptop (sealed, like any other).
    await waitForOfflineReady(amina.page);
    await amina.context.setOffline(true);
    const offline = witnessMarker();
    await typeAtEnd(amina.page, ` Offline ${offline}.`);
    await laptop.page.getByText('Safety codes').waitFor();
    expect(await laptop.page.evaluate(() => document.querySelector('.prose')?.textContent ?? '')).not.toContain(offline);
    await amina.context.setOffline(false);
    await waitForEditorText(laptop.page, offline);
    await waitForSyncState(amina.page, 'synced');
  }, 300_000);
});
