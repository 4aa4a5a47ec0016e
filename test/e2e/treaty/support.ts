/**
 * Browser helpers of the treaty tests and screenshots: a signed-in profile (an account made through the API,
 * its session cookie in the browser context), pasting text into the editor, and reading the views.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { signUp, type TestUser as Account } from '../../helpers/clients.ts';
import { WAIT_MS } from '../support.ts';

export interface SignedIn {
  context: BrowserContext;
  page: Page;
  account: Account;
  /** Uncaught page errors, asserted empty at the end of a test. */
  errors: string[];
}

export async function signedIn(
  browser: Browser,
  baseUrl: string,
  name: string,
  viewport = { width: 1280, height: 800 },
  options: { serviceWorkers?: 'allow' | 'block' } = {},
): Promise<SignedIn> {
  const account = await signUp(baseUrl, { name });
  const context = await browser.newContext({ viewport, serviceWorkers: options.serviceWorkers ?? 'allow' });
  const [cookieName, value] = account.cookie.split('=') as [string, string];
  await context.addCookies([{ name: cookieName, value, url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
  // The device's display name and colour, as the client keeps them (before and after the accounts UI).
  await context.addInitScript((n) => {
    localStorage.setItem('rightsdraft.user', JSON.stringify({ name: n, color: '#1f5fa8' }));
    localStorage.setItem('rightsdraft.color', '#1f5fa8');
  }, name);
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  return { context, page, account, errors };
}

/** Paste plain text at the caret of the focused editor, as a clipboard paste does. */
export async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const target = document.activeElement ?? document.querySelector('.prose');
    const data = new DataTransfer();
    data.setData('text/plain', t);
    target?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** `count` words of plausible report prose, in paragraphs of about 120 words. */
export function longText(count: number): string {
  const words = 'The authorities evicted Roma families from informal settlements without notice consultation or adequate alternative housing in breach of article five'.split(' ');
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(words[i % words.length]!);
  const paragraphs: string[] = [];
  for (let i = 0; i < out.length; i += 120) paragraphs.push(out.slice(i, i + 120).join(' ') + '.');
  return paragraphs.join('\n\n');
}

export function outlineTitles(page: Page): Promise<string[]> {
  return page.locator('[data-testid="outline-item"] .outline-item__title').allInnerTexts();
}

/** Open a section from the outline (the drawer on small screens) by its title. */
export async function openSection(page: Page, title: string): Promise<void> {
  const toggle = page.locator('.outline-toggle');
  if (await toggle.isVisible()) await toggle.click();
  const exact = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  await page.locator('[data-testid="outline-item"] .outline-item__select').filter({ has: page.locator('.outline-item__title', { hasText: exact }) }).click();
  await page.locator('#section-heading', { hasText: exact }).waitFor();
}

export async function openView(page: Page, view: string): Promise<void> {
  await page.locator(`.views-bar__item[data-view="${view}"]`).click();
}

/** Type into the section's tag picker and take the first match with Enter. */
export async function addTag(page: Page, query: string): Promise<void> {
  const picker = page.getByRole('combobox', { name: /^Add a tag to/ });
  await picker.click();
  await picker.pressSequentially(query, { delay: 15 });
  await page.locator('.tag-picker__list [role="option"]').first().waitFor();
  await picker.press('Enter');
}
