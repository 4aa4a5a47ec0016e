/**
 * Browser tests drive the built client (dist/client, from `vite build`) in Debian's Chromium through
 * playwright-core, against a real server on port 0. Each user is a browser context: its own IndexedDB,
 * service worker and network switch.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CLIENT_DIR = path.resolve('dist/client');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Generous waits: two cores run the server, Chromium and sometimes a second test file at once. */
export const WAIT_MS = 30_000;

export function assertClientBuilt(): void {
  if (!fs.existsSync(path.join(CLIENT_DIR, 'index.html')) || !fs.existsSync(path.join(CLIENT_DIR, 'sw.js'))) {
    throw new Error('dist/client is missing: run `npx vite build` (npm test builds it) before the browser tests');
  }
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface TestUser {
  name: string;
  color: string;
}

export const AMINA: TestUser = { name: 'Amina Diallo', color: '#1f5fa8' };
export const BRUNO: TestUser = { name: 'Bruno Costa', color: '#a23a8c' };

export interface UserPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors, asserted empty at the end of a test. */
  errors: string[];
}

/** A fresh browser profile whose user already chose a display name (the name dialog is skipped). */
export async function openAs(browser: Browser, user: TestUser, viewport = { width: 1280, height: 800 }): Promise<UserPage> {
  const context = await browser.newContext({ viewport });
  await context.addInitScript((u) => localStorage.setItem('rightsdraft.user', JSON.stringify(u)), user);
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  return { context, page, errors };
}

export async function waitForSyncState(page: Page, state: string): Promise<void> {
  await page.locator(`[data-testid="sync-status"][data-state="${state}"]`).waitFor({ timeout: WAIT_MS });
}

export function syncLabel(page: Page): Promise<string> {
  return page.locator('[data-testid="sync-status"] .sync-status__long').innerText();
}

/** The app shell is cached and a service worker controls the page, so it reopens with no network. */
export async function waitForOfflineReady(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: WAIT_MS });
}

/** The editor's text as a reader sees it: co-authors' caret labels are not part of it. */
export function editorText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const prose = document.querySelector('.prose');
    if (!prose) return '';
    const copy = prose.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret').forEach((el) => el.remove());
    return copy.textContent ?? '';
  });
}

export async function waitForEditorText(page: Page, expected: string): Promise<void> {
  await page.waitForFunction(
    (text) => {
      const prose = document.querySelector('.prose');
      if (!prose) return false;
      const copy = prose.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.collaboration-carets__caret').forEach((el) => el.remove());
      return (copy.textContent ?? '').includes(text);
    },
    expected,
    { timeout: WAIT_MS },
  );
}

/** Put the caret at the end of the section's text and type. */
export async function typeAtEnd(page: Page, text: string): Promise<void> {
  const prose = page.locator('.prose');
  await prose.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

/** Retry an async check until it passes (for the server's content API). */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, what: string, timeoutMs = WAIT_MS): Promise<T> {
  const start = Date.now();
  let last: T | undefined;
  for (;;) {
    try {
      last = await read();
      if (check(last)) return last;
    } catch {
      // not yet available
    }
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise<void>((resolve) => setTimeout(resolve, 100).unref());
  }
}

/** expect.poll with the browser tests' patience (its default gives up after one second). */
export function poll<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: WAIT_MS, interval: 100 });
}
