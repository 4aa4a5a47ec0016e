/**
 * In the browser: a version kept before a large deletion is labelled as such and holds the deleted sections; the
 * owner deletes a version after a confirmation; a report at its size limit shows a banner that says what to do,
 * and the page stops resending the refused change.
 */
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { deleteSection, listSections } from '../../shared/report/layout.ts';
import { api, connectClient, getContent, signUp } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import { eventually, poll, waitForSyncState, useBrowserSuite, WAIT_MS } from './support.ts';
import { person, seedReport } from './reviewSupport.ts';

const SHOTS = process.env.SCREENSHOT_DIR ?? '';
const words = (n: number, w: string) => Array.from({ length: n }, (_, i) => `${w}${i}`).join(' ');

describe('Version safety in the browser', () => {
  const suite = useBrowserSuite({ reportMaxBytes: 64 * 1024 });
  let server: TestServer;
  let browser: Browser;
  beforeAll(() => ({ server, browser } = suite));

  it('labels the version kept before a large deletion, opens it with the deleted sections, and lets the owner delete a version', async () => {
    const owner = suite.keep(await person(browser, server, 'Olga Petrenko'));
    const editor = await signUp(server.url, { name: 'Edwin Okafor' });
    const sections = ['Right to housing', 'Detention conditions', 'Freedom of assembly'].map((title, i) => ({ title, paragraphs: [words(120, `s${i}w`)] }));
    const { id } = await seedReport(server, owner.account, sections, [{ who: editor, role: 'editor' }]);
    expect((await api(server.url, `/api/reports/${id}/versions`, { as: owner.account, body: { name: 'Shared with partners, 2 May' } })).status).toBe(201);
    const { page } = owner;
    await page.goto(`${server.url}/reports/${id}`);
    await waitForSyncState(page, 'synced');

    // An editor elsewhere deletes every section at once, while the owner has the report open.
    const other = connectClient(server.wsUrl, id, editor);
    await other.synced;
    other.doc.transact(() => {
      for (const s of listSections(other.doc)) deleteSection(other.doc, s.id);
    });
    await eventually(() => getContent(server.url, owner.account, id), (c) => c.sections.length === 0, 'the deletion on the server');
    other.destroy();

    await page.getByTestId('review-toggle').click();
    await page.getByRole('tab', { name: 'Versions' }).click();
    const safeguard = page.getByTestId('version').filter({ has: page.getByTestId('version-badge').filter({ hasText: 'Before a large deletion' }) });
    await safeguard.waitFor({ timeout: WAIT_MS });
    expect(await safeguard.innerText()).toContain('Edwin Okafor');
    if (SHOTS) await page.getByTestId('versions-panel').screenshot({ path: `${SHOTS}/versions-panel.png` });

    // It holds the sections that were deleted.
    await safeguard.getByRole('button', { name: /^Open / }).click();
    const viewer = page.getByTestId('version-viewer');
    await poll(() => viewer.innerText()).toContain('Detention conditions');
    expect(await viewer.innerText()).toContain('Kept before a large deletion');
    await page.keyboard.press('Escape');
    await viewer.waitFor({ state: 'detached' });

    // The owner deletes the named version, after confirming.
    const named = page.getByTestId('version').filter({ hasText: 'Shared with partners, 2 May' });
    await named.getByRole('button', { name: 'Delete “Shared with partners, 2 May”…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this version?' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('cannot be undone');
    if (SHOTS) await dialog.screenshot({ path: `${SHOTS}/delete-version-dialog.png` });
    await dialog.getByRole('button', { name: 'Delete version' }).click();
    await named.waitFor({ state: 'detached', timeout: WAIT_MS });
    await safeguard.waitFor();
    const left = (await api<{ versions: { name: string }[] }>(server.url, `/api/reports/${id}/versions`, { as: owner.account })).body.versions;
    expect(left.map((v) => v.name)).toEqual(['Before Edwin Okafor deleted 3 sections (360 words)']);
  });

  it('explains a full report in a banner and stops resending the refused change', async () => {
    if (SHOTS) fs.mkdirSync(SHOTS, { recursive: true });
    const owner = suite.keep(await person(browser, server, 'Amina Diallo'));
    const { id } = await seedReport(server, owner.account, [{ title: 'Introduction', paragraphs: ['Our coalition of twelve organisations submits this report.'] }]);
    const { page } = owner;
    const sockets: string[] = [];
    page.on('websocket', (ws) => {
      if (ws.url().endsWith(`/sync/${id}`)) sockets.push(ws.url());
    });
    await page.goto(`${server.url}/reports/${id}`);
    await waitForSyncState(page, 'synced');

    // A long document pasted into the section: more than the report may hold.
    await page.locator('.prose').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText(' ' + words(12_000, 'pasted'));
    const banner = page.getByTestId('banner-report-full');
    await banner.waitFor({ timeout: WAIT_MS });
    const text = await banner.innerText();
    expect(text).toContain('This report has reached its size limit');
    expect(text).toContain('Remove large pasted content');
    expect(text).toContain('contact your administrator');
    await waitForSyncState(page, 'error');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/report-full.png` });

    // No reconnect loop: the stock provider would retry within a second (backoff from 100 ms); nothing more is sent.
    const opened = sockets.length;
    const refusals = () => server.lines.filter((l) => l.includes('the report is at its size limit')).length;
    const refusedOnce = refusals();
    await new Promise((r) => setTimeout(r, 2500));
    expect(sockets.length).toBe(opened);
    expect(refusals()).toBe(refusedOnce);
    expect((await getContent(server.url, owner.account, id)).sections[0]!.text).not.toContain('pasted');

    // The way out: discard what the server refused (after confirming); the page reloads the server's text.
    await banner.getByRole('button', { name: 'Discard unsaved changes…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Discard the changes the server did not save?' });
    await confirm.waitFor();
    await confirm.getByRole('button', { name: 'Discard and reload' }).click();
    await page.waitForEvent('load', { timeout: WAIT_MS });
    await waitForSyncState(page, 'synced');
    await poll(() => page.locator('.prose').innerText()).toContain('Our coalition of twelve organisations');
    expect(await page.locator('.prose').innerText()).not.toContain('pasted');
    expect(await page.getByTestId('banner-report-full').count()).toBe(0);
    // And writing works again.
    await page.locator('.prose').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Signed by all.');
    await eventually(() => getContent(server.url, owner.account, id), (c) => c.sections[0]!.text.includes('Signed by all.'), 'the new sentence on the server');
  });
});
