/**
 * Issue 11 in Chromium: versions of an end-to-end encrypted report, made and read in the browser. An editor saves
 * a named version, types more, compares the version with now (the new words highlighted), opens it read-only and
 * restores it; another member who has the report open sees the restored text, and lists the versions by their
 * names, which only members' browsers can read. A version stored in a member's name with another key is listed as
 * unreadable and offers nothing to restore. Neither the name nor the text is in the SQLite file or its WAL.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { generateAccountKeys } from '../../shared/e2ee/accountKeys.ts';
import { toBase64 } from '../../shared/e2ee/bytes.ts';
import { newReportKey } from '../../shared/e2ee/keyWrap.ts';
import { sealVersion } from '../../shared/e2ee/versionBlob.ts';
import { api } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import { holds, witnessMarker } from '../helpers/sqliteFiles.ts';
import { createEncryptedReport, unlock } from './encryptionSupport.ts';
import { AMINA, BRUNO, editorText, openSignedIn, poll, typeAtEnd, useBrowserSuite, waitForEditorText, waitForSyncState } from './support.ts';

describe('Versions of an end-to-end encrypted report', () => {
  const suite = useBrowserSuite();
  let server: TestServer;
  let browser: Browser;
  beforeAll(() => ({ server, browser } = suite));

  it('are saved sealed, compared and restored in the browser, and another member sees the restored text', async () => {
    const amina = suite.keep(await openSignedIn(browser, server.url, AMINA));
    const bruno = suite.keep(await openSignedIn(browser, server.url, BRUNO));
    for (const p of [amina.page, bruno.page]) p.on('pageerror', (e) => console.error('page error:', e.message, e.stack));
    const phrase = witnessMarker();
    const sent = `Text as sent ${phrase}.`;
    const versionName = `Sent to OHCHR ${witnessMarker()}`;

    const reportId = await createEncryptedReport(amina.page, server.url, 'Encrypted versions');
    await unlock(amina.page, AMINA.password);
    await waitForSyncState(amina.page, 'synced');
    expect((await api(server.url, `/api/reports/${reportId}/members`, { as: amina.account, body: { email: bruno.account.email, role: 'editor' } })).status).toBe(201);
    await bruno.page.goto(`${server.url}/reports/${reportId}`);
    await unlock(bruno.page, BRUNO.password);
    await waitForSyncState(bruno.page, 'synced');

    // Bruno, an editor, writes and saves a named version.
    await typeAtEnd(bruno.page, sent);
    await waitForEditorText(amina.page, sent);
    const page = bruno.page;
    await page.getByTestId('review-toggle').click();
    await page.getByRole('tab', { name: 'Versions' }).click();
    await page.getByRole('button', { name: 'Save version…' }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill(versionName);
    await page.getByRole('button', { name: 'Save version', exact: true }).click();
    const named = page.getByTestId('version').filter({ hasText: versionName });
    await named.waitFor();
    await page.getByRole('button', { name: 'Close review panel' }).click();

    // He types more after it.
    const later = ' A sentence written later.';
    await typeAtEnd(page, later);
    await waitForEditorText(amina.page, 'A sentence written later.');

    // Compare with now: the later words are inserted.
    await page.getByTestId('review-toggle').click();
    await page.getByRole('tab', { name: 'Versions' }).click();
    await named.getByRole('button', { name: /^Compare .* with now$/ }).click();
    const compare = page.getByTestId('compare-view');
    const changes = compare.getByTestId('diff-section');
    await changes.first().waitFor();
    await poll(async () => (await changes.locator('ins.diff-ins').allInnerTexts()).map((t) => t.trim())).toEqual(['A sentence written later.']);
    expect(await changes.locator('del.diff-del').count()).toBe(0);
    await page.keyboard.press('Escape');
    await compare.waitFor({ state: 'detached' });

    // Open it read-only, then restore it from the viewer.
    await named.getByRole('button', { name: /^Open / }).click();
    const viewer = page.getByTestId('version-viewer');
    await poll(() => viewer.locator('.version-doc').innerText()).toContain(sent);
    expect(await viewer.locator('.version-doc').innerText()).not.toContain('later');
    expect(await viewer.locator('[contenteditable="true"]').count()).toBe(0);
    await viewer.getByRole('button', { name: 'Restore…' }).click();
    const dialog = page.getByTestId('restore-dialog');
    await dialog.getByRole('button', { name: 'Restore version' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Amina, online all along, receives the restored text; the text before it was kept as a version first.
    await poll(() => editorText(amina.page)).not.toContain('later');
    await poll(() => editorText(page)).not.toContain('later');
    expect(await editorText(amina.page)).toContain(sent);
    await page.getByTestId('version').filter({ hasText: `Before restoring “${versionName}”` }).waitFor();
    // Her browser opens both versions by name.
    await amina.page.getByTestId('review-toggle').click();
    await amina.page.getByRole('tab', { name: 'Versions' }).click();
    await amina.page.getByTestId('version').filter({ hasText: versionName }).first().waitFor();
    await amina.page.getByTestId('version').filter({ hasText: `Before restoring “${versionName}”` }).waitFor();
    expect(await amina.page.locator('[data-testid="version"][data-readable="no"]').count()).toBe(0);
    await waitForSyncState(amina.page, 'synced');
    await waitForSyncState(page, 'synced');

    // A version stored in Amina's name but not signed by her keys nor sealed with the report's key (what a modified
    // client or the server could slip in: the server checks only the header) is listed as unreadable, and offers
    // nothing to open or restore.
    const { generation } = (await api<{ generation: number }>(server.url, `/api/reports/${reportId}/e2ee`, { as: amina.account })).body;
    const forgedName = `Forged ${witnessMarker()}`;
    const forged = sealVersion({ reportId, generation, signer: amina.account.id }, { name: forgedName, content: new Uint8Array([0, 0]), discussion: new Uint8Array([0, 0]) }, newReportKey(), generateAccountKeys().signSecret);
    expect((await api(server.url, `/api/reports/${reportId}/encrypted-versions`, { as: amina.account, body: { data: toBase64(forged) } })).status).toBe(201);
    await page.getByRole('button', { name: 'Close review panel' }).click();
    await page.getByTestId('review-toggle').click();
    await page.getByRole('tab', { name: 'Versions' }).click();
    const unreadable = page.locator('[data-testid="version"][data-readable="no"]');
    await unreadable.waitFor();
    expect(await unreadable.innerText()).toContain('Unreadable version');
    expect(await unreadable.innerText()).toContain('signature does not match');
    expect(await unreadable.getByRole('button', { name: /Restore|Open|Compare/ }).count()).toBe(0);
    expect(await page.getByTestId('versions-panel').innerText()).not.toContain(forgedName);
    await poll(() => editorText(page)).toContain(sent);
    const api3 = await api<{ versions: { id: string }[] }>(server.url, `/api/reports/${reportId}/encrypted-versions`, { as: amina.account });
    const forgedId = api3.body.versions[0]!.id;
    expect((await api(server.url, `/api/reports/${reportId}/encrypted-versions/${forgedId}`, { as: amina.account, method: 'DELETE' })).status).toBe(204);

    // The server kept two sealed versions and can read neither the name nor the text.
    const list = await api<{ versions: unknown[] }>(server.url, `/api/reports/${reportId}/encrypted-versions`, { as: amina.account });
    expect(list.body.versions).toHaveLength(2);
    expect(JSON.stringify(list.body)).not.toContain('OHCHR');
    const file = server.storage.description.replace(/^sqlite:/, '');
    for (const marker of [versionName, phrase]) {
      expect(holds(file, marker), marker).toBe(false);
      expect(holds(`${file}-wal`, marker), marker).toBe(false);
      expect(server.lines.some((l) => l.includes(marker))).toBe(false);
    }
    expect(amina.errors).toEqual([]);
    expect(bruno.errors).toEqual([]);
  }, 300_000);
});
