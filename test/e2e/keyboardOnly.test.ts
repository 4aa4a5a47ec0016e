/**
 * Keyboard only: a person who uses no mouse creates a report from a template, writes and formats text, adds a
 * footnote and a comment, tags a section, moves it in the outline and exports it, with key presses alone (no
 * click anywhere in this file). Dialogs keep focus inside while open and give it back to their opener on close.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signUp } from '../helpers/clients.ts';
import { addSession, newProfile, poll, useBrowserSuite, waitForSyncState, WAIT_MS } from './support.ts';

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`; fails after `max` presses. */
async function tabTo(page: Page, selector: string, { back = false, max = 80 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

const focusedIs = (page: Page, selector: string) => page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);

describe('Keyboard only', () => {
  const suite = useBrowserSuite();

  it('creates, writes, formats, annotates, tags, reorders and exports a report without the mouse', async () => {
    const account = await signUp(suite.server.url, { name: 'Keya Okafor' });
    const person = suite.keep(await newProfile(suite.browser));
    await addSession(person.context, suite.server.url, account);
    const { page } = person;
    page.setDefaultTimeout(WAIT_MS);
    await page.goto(`${suite.server.url}/reports`);
    await page.locator('main h1').first().waitFor();

    // New report from the CRC template.
    await tabTo(page, 'main .button--primary');
    await page.keyboard.press('Enter');
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    // Escape closes it and focus is back on the button that opened it; Enter opens it again.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await poll(() => focusedIs(page, 'main .button--primary')).toBe(true);
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await tabTo(page, '#new-title');
    await page.keyboard.type('Children in detention');
    await tabTo(page, '#new-mechanism');
    // Arrow keys walk the options of a focused select.
    await page.keyboard.press('Home');
    for (let i = 0; i < 20 && (await page.locator('#new-mechanism').inputValue()) !== 'CRC'; i++) await page.keyboard.press('ArrowDown');
    expect(await page.locator('#new-mechanism').inputValue()).toBe('CRC');
    // Focus stays in the dialog: Tab from its last control comes back to its first, Shift+Tab the other way.
    for (const key of ['Tab', 'Shift+Tab']) {
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press(key);
        expect(await page.evaluate(() => !!document.activeElement?.closest('dialog[open]'))).toBe(true);
      }
    }
    await tabTo(page, 'dialog[open] button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/reports\/[^/]+$/);
    await waitForSyncState(page, 'synced');

    // Write in the first section, with a bold word (Ctrl+B on and off).
    await tabTo(page, '.ProseMirror');
    await page.keyboard.type('Children are held with adults in ');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('every');
    await page.keyboard.press('Control+b');
    await page.keyboard.type(' district prison.');
    await poll(() => page.locator('.ProseMirror strong').first().innerText()).toBe('every');

    // A footnote at the end of the sentence.
    await page.keyboard.press('Control+Alt+f');
    const note = page.getByTestId('footnote-popover');
    await note.waitFor();
    await page.keyboard.type('Ombudsman, annual report 2025.');
    await page.keyboard.press('Enter');
    await note.waitFor({ state: 'detached' });
    await page.locator('.prose [data-testid="footnote-ref"]').waitFor();
    // The note's popover gives the focus back to the text; keys pressed before that would go nowhere.
    await poll(() => page.evaluate(() => document.activeElement?.closest('.ProseMirror') != null)).toBe(true);

    // A comment on the word "prison": into the word, to its start, then select to its end.
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Control+ArrowLeft');
    await page.keyboard.press('Control+Shift+ArrowRight');
    await poll(() => page.evaluate(() => window.getSelection()?.toString().trim())).toBe('prison');
    // Right after the report is made, the comment shortcut can come before the report's discussion has loaded,
    // and is then ignored (noted for a fix): press it again, as a person would, until the comment box opens.
    const composer = page.locator('[role="combobox"]:focus');
    await poll(async () => {
      if ((await composer.count()) === 0) await page.keyboard.press('Control+Alt+m');
      return composer.count();
    }).toBe(1);
    await page.keyboard.type('Which prisons? Name them.');
    await page.keyboard.press('Control+Enter');
    await page.getByText('Which prisons? Name them.').first().waitFor();
    expect(await page.locator('.review-margin').innerText()).toContain('prison');

    // A tag on the section, from its tag field (back up from the editor).
    await tabTo(page, '.section-tags .tag-picker__input', { back: true });
    await page.keyboard.type('art. 37');
    await page.locator('.section-tags [role="option"]').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByTestId('section-tags').getByTestId('tag-chip').first().waitFor();

    // Move the section down one place in the outline.
    await tabTo(page, '.outline-item__select[aria-current="true"]', { back: true });
    await page.keyboard.press('Alt+ArrowDown');
    await poll(() => page.locator('.outline-item__select').nth(1).innerText()).toContain('Introduction');

    // Export a Word file; closing the dialog gives focus back to the Export button.
    await tabTo(page, '[data-testid="export-button"]', { back: true });
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await tabTo(page, 'dialog[open] button[type="submit"]');
    const downloaded = page.waitForEvent('download', { timeout: WAIT_MS * 2 });
    await page.keyboard.press('Enter');
    const download = await downloaded;
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    await page.getByTestId('export-done').waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await poll(() => focusedIs(page, '[data-testid="export-button"]')).toBe(true);
  }, 300_000);
});
