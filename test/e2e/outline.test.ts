/**
 * The outline: add, rename inline, reorder by keyboard, by its menu and by drag and drop, change status,
 * delete and undo. Each change is checked on screen and on the server.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createReport, getContent } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import {
  AMINA,
  eventually,
  openSignedIn,
  type SignedInPage,
  poll,
  typeAtEnd,
  waitForEditorText,
  waitForSyncState,
  useBrowserSuite,
} from './support.ts';

function outlineTitles(page: Page): Promise<string[]> {
  return page.locator('[data-testid="outline-item"] .outline-item__title').allInnerTexts();
}

function outlineButton(page: Page, title: string) {
  return page.locator('[data-testid="outline-item"]').filter({ hasText: title }).locator('.outline-item__select');
}

function focusedTitle(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.querySelector('.outline-item__title')?.textContent ?? null);
}

describe('Report outline', () => {
  const suite = useBrowserSuite();
  let server: TestServer;
  let browser: Browser;
  let user: SignedInPage;
  beforeAll(() => ({ server, browser } = suite));

  const serverTitles = async (id: string) => (await getContent(server.url, user.account, id)).sections.map((s) => s.title);
  const serverHas = (id: string, expected: string[]) =>
    eventually(() => serverTitles(id), (titles) => JSON.stringify(titles) === JSON.stringify(expected), `server outline ${expected.join(' | ')}`);

  it('adds, renames, reorders by keyboard, changes status, deletes and undoes', async () => {
    user = await openSignedIn(browser, server.url, AMINA);
    suite.keep(user);
    const report = await createReport(server.url, user.account, { title: 'Torture in detention', mechanism: 'CAT', stateUnderReview: 'Freedonia' });
    const { page } = user;
    await page.goto(`${server.url}/reports/${report.id}`);
    await waitForSyncState(page, 'synced');

    // Add three sections; each new one is added after the selected one and asks for its title.
    for (const title of ['Introduction', 'Article 2', 'Recommendations']) {
      await page.getByRole('button', { name: 'Add section' }).click();
      const input = page.getByLabel('Section title');
      await input.fill(title);
      await input.press('Enter');
      await poll(() => page.locator('#section-heading').innerText()).toBe(title);
    }
    await poll(() => outlineTitles(page)).toEqual(['Introduction', 'Article 2', 'Recommendations']);
    await serverHas(report.id, ['Introduction', 'Article 2', 'Recommendations']);

    // Rename inline with F2.
    await outlineButton(page, 'Article 2').focus();
    await page.keyboard.press('F2');
    await page.getByLabel('Section title').fill('Article 2 — Prevention of torture');
    await page.keyboard.press('Enter');
    await poll(() => outlineTitles(page)).toEqual(['Introduction', 'Article 2 — Prevention of torture', 'Recommendations']);
    await poll(() => focusedTitle(page)).toBe('Article 2 — Prevention of torture');

    // Reorder with Alt+Arrow: focus stays on the moved section, and a screen reader hears where it went.
    await outlineButton(page, 'Recommendations').focus();
    await page.keyboard.press('Alt+ArrowUp');
    await poll(() => outlineTitles(page)).toEqual(['Introduction', 'Recommendations', 'Article 2 — Prevention of torture']);
    await poll(() => focusedTitle(page)).toBe('Recommendations');
    await page.keyboard.press('Alt+ArrowUp');
    await poll(() => outlineTitles(page)).toEqual(['Recommendations', 'Introduction', 'Article 2 — Prevention of torture']);
    expect(await page.locator('.outline [role="status"]').innerText()).toBe('Recommendations moved to position 1 of 3');
    await page.keyboard.press('Alt+ArrowDown');
    await page.keyboard.press('Alt+ArrowDown');
    await poll(() => outlineTitles(page)).toEqual(['Introduction', 'Article 2 — Prevention of torture', 'Recommendations']);
    await serverHas(report.id, ['Introduction', 'Article 2 — Prevention of torture', 'Recommendations']);

    // Move and set status through the section's actions menu.
    await page.getByRole('button', { name: 'Actions for Introduction' }).click();
    await page.getByRole('button', { name: 'Move down' }).click();
    await poll(() => outlineTitles(page)).toEqual(['Article 2 — Prevention of torture', 'Introduction', 'Recommendations']);
    await page.getByRole('button', { name: 'Actions for Introduction' }).click();
    await page.getByLabel('Status').selectOption('in-review');
    await page.keyboard.press('Escape');
    const intro = page.locator('[data-testid="outline-item"]').filter({ hasText: 'Introduction' });
    await poll(() => intro.locator('.status-badge').innerText()).toBe('In review');
    await eventually(
      () => getContent(server.url, user.account, report.id),
      (c) => c.sections.find((s) => s.title === 'Introduction')?.status === 'in-review',
      'the new status on the server',
    );

    // Write in a section, delete it, and undo from the toast: the section and its text come back.
    await outlineButton(page, 'Recommendations').click();
    await typeAtEnd(page, 'Ratify the Optional Protocol.');
    await eventually(
      () => getContent(server.url, user.account, report.id),
      (c) => c.sections.find((s) => s.title === 'Recommendations')?.text === 'Ratify the Optional Protocol.',
      'the recommendation text on the server',
    );
    await page.getByRole('button', { name: 'Actions for Recommendations' }).click();
    await page.getByRole('button', { name: 'Delete section' }).click();
    await poll(() => outlineTitles(page)).toEqual(['Article 2 — Prevention of torture', 'Introduction']);
    await serverHas(report.id, ['Article 2 — Prevention of torture', 'Introduction']);
    const toast = page.getByTestId('toast');
    expect(await toast.innerText()).toContain('Deleted “Recommendations”');
    await toast.getByRole('button', { name: 'Undo' }).click();
    await poll(() => outlineTitles(page)).toEqual(['Article 2 — Prevention of torture', 'Introduction', 'Recommendations']);
    await poll(() => page.locator('#section-heading').innerText()).toBe('Recommendations');
    await waitForEditorText(page, 'Ratify the Optional Protocol.');
    await eventually(
      () => getContent(server.url, user.account, report.id),
      (c) => c.sections.find((s) => s.title === 'Recommendations')?.text === 'Ratify the Optional Protocol.',
      'the restored section and its text on the server',
    );

    // Keyboard delete (Delete key) and Ctrl+Z in the outline undo it too.
    await outlineButton(page, 'Introduction').focus();
    await page.keyboard.press('Delete');
    await poll(() => outlineTitles(page)).toEqual(['Article 2 — Prevention of torture', 'Recommendations']);
    await outlineButton(page, 'Recommendations').focus();
    await page.keyboard.press('Control+z');
    await poll(() => outlineTitles(page)).toEqual(['Article 2 — Prevention of torture', 'Introduction', 'Recommendations']);
    await serverHas(report.id, ['Article 2 — Prevention of torture', 'Introduction', 'Recommendations']);
    expect(user.errors).toEqual([]);
  }, 120_000);

  it('reorders by drag and drop', async () => {
    const report = await createReport(server.url, user.account, { title: 'Disability rights', mechanism: 'CRPD' });
    const { page } = user;
    await page.goto(`${server.url}/reports/${report.id}`);
    await waitForSyncState(page, 'synced');
    for (const title of ['One', 'Two', 'Three']) {
      await page.getByRole('button', { name: 'Add section' }).click();
      await page.getByLabel('Section title').fill(title);
      await page.keyboard.press('Enter');
    }
    await poll(() => outlineTitles(page)).toEqual(['One', 'Two', 'Three']);
    const item = (title: string) => page.locator('[data-testid="outline-item"]').filter({ hasText: title });
    // Drop "Three" on the upper half of "One": it lands before it.
    await item('Three').dragTo(item('One'), { targetPosition: { x: 120, y: 4 } });
    await poll(() => outlineTitles(page)).toEqual(['Three', 'One', 'Two']);
    await serverHas(report.id, ['Three', 'One', 'Two']);
  }, 120_000);
});
