/**
 * Issue 11 in Chromium: presence in an end-to-end encrypted report. Two people co-edit it and each sees the other's
 * caret, labelled with their name, and the other in the outline's people-in-this-section dots: presence travels
 * sealed (envelope type `presence`) over `/esync`, relayed and never stored. When one leaves, the other's page stops
 * showing them at once (a sealed removal), not only after the 30 s timeout. The typed phrase and the title are
 * nowhere in the SQLite file, its WAL or the server log, and neither are the names shown on the carets in the log.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { api } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import { holds, witnessMarker } from '../helpers/sqliteFiles.ts';
import { createEncryptedReport, unlock } from './encryptionSupport.ts';
import { AMINA, BRUNO, openSignedIn, poll, typeAtEnd, useBrowserSuite, waitForEditorText, waitForSyncState } from './support.ts';

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
