/**
 * Issue 2's browser scenario: two people edit one section, see each other's text and named carets; one
 * goes offline, both keep editing, the offline one reloads with no network and still has their edits
 * (service worker + IndexedDB); the network returns and everything converges, on the server too.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { api, createReport, getContent } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import {
  AMINA,
  BRUNO,
  editorText,
  eventually,
  openSignedIn,
  poll,
  syncLabel,
  typeAtEnd,
  waitForEditorText,
  waitForOfflineReady,
  waitForSyncState,
  useBrowserSuite,
} from './support.ts';

describe('Two co-authors, one of them offline', () => {
  const suite = useBrowserSuite();
  let server: TestServer;
  let browser: Browser;
  beforeAll(() => ({ server, browser } = suite));

  it('shows each other’s text and carets, keeps offline edits across a reload, and converges', async () => {
    const amina = await openSignedIn(browser, server.url, AMINA);
    const bruno = await openSignedIn(browser, server.url, BRUNO);
    suite.keep(amina, bruno);
    // Amina owns the report and gives Bruno the editor role on it.
    const report = await createReport(server.url, amina.account, { title: 'Housing and racial discrimination', mechanism: 'CERD', stateUnderReview: 'Freedonia' });
    const added = await api(server.url, `/api/reports/${report.id}/members`, { as: amina.account, body: { email: bruno.account.email, role: 'editor' } });
    expect(added.status).toBe(201);
    const reportUrl = `${server.url}/reports/${report.id}`;

    // Amina opens the report (made through the API, so it has no section yet) and adds one.
    await amina.page.goto(reportUrl);
    await waitForSyncState(amina.page, 'synced');
    await poll(() => amina.page.getByLabel('Report title').inputValue()).toBe('Housing and racial discrimination');
    await amina.page.getByRole('button', { name: 'Add section' }).click();
    await amina.page.getByLabel('Section title').fill('Right to housing');
    await amina.page.keyboard.press('Enter');
    await poll(() => amina.page.locator('#section-heading').innerText()).toBe('Right to housing');

    // Bruno opens the same report and lands in the same (only) section.
    await bruno.page.goto(reportUrl);
    await waitForSyncState(bruno.page, 'synced');
    await poll(() => bruno.page.locator('#section-heading').innerText()).toBe('Right to housing');
    await waitForOfflineReady(bruno.page);

    await typeAtEnd(amina.page, 'Evictions rose sharply in 2024.');
    await waitForEditorText(bruno.page, 'Evictions rose sharply in 2024.');
    await typeAtEnd(bruno.page, ' Roma families were most affected.');
    await waitForEditorText(amina.page, 'Roma families were most affected.');

    // Each sees the other's caret, labelled with their name, and where they are in the outline.
    await poll(() => amina.page.locator('.collaboration-carets__label').allInnerTexts()).toContain(BRUNO.name);
    await poll(() => bruno.page.locator('.collaboration-carets__label').allInnerTexts()).toContain(AMINA.name);
    const aminaOutlineItem = amina.page.getByTestId('outline-item').filter({ hasText: 'Right to housing' });
    await poll(() => aminaOutlineItem.getByTestId('peer-dots').getAttribute('aria-label')).toContain(BRUNO.name);

    // Bruno loses the network; both keep writing.
    await bruno.context.setOffline(true);
    await waitForSyncState(bruno.page, 'offline');
    await typeAtEnd(bruno.page, ' Written offline by Bruno.');
    await amina.page.keyboard.press('Control+End');
    await amina.page.keyboard.press('Enter');
    await amina.page.keyboard.type('Added online by Amina.');
    await waitForEditorText(amina.page, 'Added online by Amina.');
    await poll(() => syncLabel(bruno.page)).toMatch(/^Offline — \d+ changes? saved on this device, waiting to sync$/);

    // Nothing of Bruno's offline text reached the server, and Amina's text did not reach Bruno.
    const whileOffline = await eventually(
      () => getContent(server.url, amina.account, report.id),
      (c) => c.sections[0]?.text.includes('Added online by Amina.') ?? false,
      'Amina’s online edit on the server',
    );
    expect(whileOffline.sections[0]!.text).not.toContain('Written offline by Bruno.');
    expect(await editorText(bruno.page)).not.toContain('Added online by Amina.');

    // Bruno reloads with no network: the service worker serves the app, IndexedDB the text.
    const reload = await bruno.page.reload();
    expect(reload?.fromServiceWorker()).toBe(true);
    await waitForEditorText(bruno.page, 'Written offline by Bruno.');
    await waitForSyncState(bruno.page, 'offline');
    expect(await syncLabel(bruno.page)).toContain('waiting to sync');

    // The network returns: both converge, and so does the server.
    await bruno.context.setOffline(false);
    await waitForSyncState(bruno.page, 'synced');
    await waitForEditorText(bruno.page, 'Added online by Amina.');
    await waitForEditorText(amina.page, 'Written offline by Bruno.');
    await poll(() => editorText(amina.page)).toBe(await editorText(bruno.page));
    const merged = await eventually(
      () => getContent(server.url, amina.account, report.id),
      (c) => (c.sections[0]?.text.includes('Written offline by Bruno.') ?? false) && c.sections[0]!.text.includes('Added online by Amina.'),
      'the merged text on the server',
    );
    expect(merged.sections).toHaveLength(1);
    expect(merged.sections[0]!.title).toBe('Right to housing');
    for (const phrase of ['Evictions rose sharply in 2024.', 'Roma families were most affected.', 'Written offline by Bruno.', 'Added online by Amina.']) {
      expect(merged.sections[0]!.text).toContain(phrase);
    }
    expect(amina.errors).toEqual([]);
    expect(bruno.errors).toEqual([]);
  }, 180_000);
});
