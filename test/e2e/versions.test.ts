/**
 * Versions in the browser: save a named version, edit, compare it with now (the change highlighted), open
 * it read-only, and restore it; a collaborator who has the report open sees the restored text at once.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { getContent } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import {
  editorText,
  eventually,
  poll,
  typeAtEnd,
  waitForEditorText,
  waitForSyncState,
  useBrowserSuite,
} from './support.ts';
import { person, seedReport } from './reviewSupport.ts';

describe('Versions in the browser', () => {
  const suite = useBrowserSuite();
  let server: TestServer;
  let browser: Browser;
  beforeAll(() => ({ server, browser } = suite));

  it('saves, compares with the change highlighted, and restores for a collaborator online', async () => {
    const owner = await person(browser, server, 'Edwin Okafor');
    const colleague = await person(browser, server, 'Amina Diallo');
    suite.keep(owner, colleague);
    const sent = 'Text as sent to OHCHR.';
    const { id } = await seedReport(server, owner.account, [{ title: 'Introduction', paragraphs: [sent] }], [{ who: colleague.account, role: 'editor' }]);
    const url = `${server.url}/reports/${id}`;
    for (const p of [owner, colleague]) {
      await p.page.goto(url);
      await waitForSyncState(p.page, 'synced');
      await waitForEditorText(p.page, sent);
    }
    const { page } = owner;

    // Save a named version.
    await page.getByTestId('review-toggle').click();
    await page.getByRole('tab', { name: 'Versions' }).click();
    await page.getByRole('button', { name: 'Save version…' }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill('Sent to OHCHR, 15 March');
    await page.getByRole('button', { name: 'Save version', exact: true }).click();
    const named = page.getByTestId('version').filter({ hasText: 'Sent to OHCHR, 15 March' });
    await named.waitFor();
    await page.getByRole('button', { name: 'Close review panel' }).click();

    // Edit after it.
    const later = ' A sentence written later.';
    await typeAtEnd(page, later);
    await waitForEditorText(colleague.page, 'A sentence written later.');
    await eventually(
      () => getContent(server.url, owner.account, id),
      (c) => c.sections[0]!.text === sent + later,
      'the later edit on the server',
    );

    // Compare the version with now: the new words are highlighted as inserted.
    await page.getByTestId('review-toggle').click();
    await page.getByRole('tab', { name: 'Versions' }).click();
    await named.getByRole('button', { name: /^Compare .* with now$/ }).click();
    const compare = page.getByTestId('compare-view');
    await compare.getByTestId('diff-section').first().waitFor();
    const changes = compare.getByTestId('diff-section');
    await poll(async () => (await changes.locator('ins.diff-ins').allInnerTexts()).map((t) => t.trim())).toEqual(['A sentence written later.']);
    expect(await changes.locator('del.diff-del').count()).toBe(0);
    expect(await compare.innerText()).toContain('1 section changed');
    await page.keyboard.press('Escape');
    await compare.waitFor({ state: 'detached' });

    // Open it read-only: what it said then.
    await named.getByRole('button', { name: /^Open / }).click();
    const viewer = page.getByTestId('version-viewer');
    await poll(() => viewer.locator('.version-doc').innerText()).toContain(sent);
    expect(await viewer.locator('.version-doc').innerText()).not.toContain('later');
    expect(await viewer.locator('[contenteditable="true"]').count()).toBe(0);

    // Restore it from the viewer, after the confirmation.
    await viewer.getByRole('button', { name: 'Restore…' }).click();
    const dialog = page.getByTestId('restore-dialog');
    expect(await dialog.innerText()).toContain('everyone who has the report open sees it');
    await dialog.getByRole('button', { name: 'Restore version' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The collaborator, online all along, receives the restored text like any edit; so does the owner.
    await poll(() => editorText(colleague.page)).toBe(sent);
    await poll(() => editorText(page)).toBe(sent);
    await waitForSyncState(colleague.page, 'synced');
    // The text before the restore was kept as a version.
    await page.getByTestId('version').filter({ hasText: 'Before restoring “Sent to OHCHR, 15 March”' }).waitFor();
    expect((await getContent(server.url, owner.account, id)).sections[0]!.text).toBe(sent);
    expect(owner.errors).toEqual([]);
    expect(colleague.errors).toEqual([]);
  }, 180_000);
});
