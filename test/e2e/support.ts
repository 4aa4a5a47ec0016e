/**
 * Browser tests drive the built client (dist/client, from `vite build`) in Debian's Chromium through
 * playwright-core, against a real server on port 0. Each user is a browser context: its own IndexedDB,
 * service worker and network switch.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.ts';
import { signUp, type TestUser as ApiUser } from '../helpers/clients.ts';
import { createTestStorage, startTestServer, type TestServer, type TestStorage } from '../helpers/server.ts';
import type { Config } from '../../server/src/config.ts';

export const CLIENT_DIR = path.resolve('dist/client');

/** Generous waits: two cores run the server, Chromium and sometimes a second test file at once. */
export const WAIT_MS = 30_000;

export function assertClientBuilt(): void {
  if (!fs.existsSync(path.join(CLIENT_DIR, 'index.html')) || !fs.existsSync(path.join(CLIENT_DIR, 'sw.js'))) {
    throw new Error('dist/client is missing: run `npx vite build` (npm test builds it) before the browser tests');
  }
}

export function launchBrowser(): Promise<Browser> {
  return launchChromium();
}

/** What the tests of one browser test file share (see `useBrowserSuite`). */
export interface BrowserSuite {
  readonly server: TestServer;
  readonly browser: Browser;
  /** Close these people's browser contexts when the file's tests are done; returns the first. */
  keep<T extends { context: BrowserContext }>(first: T, ...more: T[]): T;
}

/**
 * Registers the file's beforeAll and afterAll: a fresh SQLite server serving the built client (with `overrides`),
 * and Chromium; at the end every kept context, the browser, the server and its data are closed and removed.
 */
export function useBrowserSuite(overrides: Partial<Config> = {}): BrowserSuite {
  let storage: TestStorage | undefined;
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    assertClientBuilt();
    storage = await createTestStorage('sqlite');
    server = await startTestServer(storage, { staticDir: CLIENT_DIR, ...overrides });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
    await storage?.destroy();
  });
  return {
    get server() {
      if (!server) throw new Error('the browser suite has not started');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('the browser suite has not started');
      return browser;
    },
    keep(first, ...more) {
      for (const page of [first, ...more]) contexts.push(page.context);
      return first;
    },
  };
}

/** A person in a browser test: the account they sign up with, and the colour their device shows. */
export interface Person {
  name: string;
  email: string;
  password: string;
  color: string;
}

export const AMINA: Person = { name: 'Amina Diallo', email: 'amina@roma-rights.example', password: 'kettle orchard lantern', color: '#1f5fa8' };
export const BRUNO: Person = { name: 'Bruno Costa', email: 'bruno@legal-aid.example', password: 'harbour pebble violin', color: '#a23a8c' };

export interface UserPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors, asserted empty at the end of a test. */
  errors: string[];
}

export interface SignedInPage extends UserPage {
  /** The account, with its session cookie, for API calls made on the person's behalf. */
  account: ApiUser;
}

/** A fresh browser profile (its own cookies, IndexedDB and service worker) with the person's device colour. */
export async function newProfile(browser: Browser, person?: Pick<Person, 'color'>, viewport = { width: 1280, height: 800 }): Promise<UserPage> {
  const context = await browser.newContext({ viewport });
  if (person) await context.addInitScript((color) => localStorage.setItem('rightsdraft.color', color), person.color);
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  // The app makes no request to any other host (no CDN, fonts or analytics): one would show up here as an error.
  context.on('request', (request) => {
    const url = new URL(request.url());
    const local = ['data:', 'blob:'].includes(url.protocol) || url.hostname === '127.0.0.1' || url.hostname === 'localhost';
    if (!local) errors.push(`request to another host: ${request.url()}`);
  });
  return { context, page, errors };
}

/** Give a browser profile an account's session, as if it had signed in. */
export async function addSession(context: BrowserContext, baseUrl: string, account: ApiUser): Promise<void> {
  const [name, value] = account.cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
}

/**
 * A person with an account (made through the API, with a unique e-mail address) whose browser profile is
 * signed in. Tests of the account pages themselves sign up through the UI instead.
 */
export async function openSignedIn(browser: Browser, baseUrl: string, person: Person, viewport?: { width: number; height: number }): Promise<SignedInPage> {
  const account = await signUp(baseUrl, { name: person.name, password: person.password, email: uniqueEmail(person.email) });
  const profile = await newProfile(browser, person, viewport);
  await addSession(profile.context, baseUrl, account);
  return { ...profile, account };
}

let emailCounter = 0;

/** amina@x.example -> amina+3-k2j9@x.example: every test server run gets its own accounts. */
export function uniqueEmail(email: string): string {
  const [local, domain] = email.split('@');
  return `${local}+${++emailCounter}-${Math.random().toString(36).slice(2, 6)}@${domain}`;
}

/** Fill and send the sign-up form on the page that shows it (the sign-up page, or an invitation). */
export async function fillSignUp(page: Page, person: Person, email = person.email): Promise<void> {
  await page.getByLabel('Your name').fill(person.name);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
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
