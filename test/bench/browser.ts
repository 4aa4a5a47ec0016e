/**
 * Browser navigation to an editable editor: Chromium (playwright-core, the system /usr/bin/chromium) opens
 * /reports/<id> on a freshly started server holding the large report, in a new context (empty cache) with the
 * display name preset, until `.ProseMirror[contenteditable="true"]` is visible. Every host but 127.0.0.1 is
 * unresolvable for the browser, so nothing leaves the machine.
 */
import fs from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { CHROMIUM_PATH, launchChromium } from '../helpers/chromium.ts';
import type { ClientBuild } from './clientBuild.ts';
import { onCleanup } from './children.ts';
import { BenchServer } from './servers.ts';
import { median, nowMs } from './stats.ts';

const EDITOR = '.ProseMirror[contenteditable="true"]';

/** Headless Chromium for the benchmarks; every host but 127.0.0.1 is unresolvable, so nothing leaves the machine. */
export function launchBenchBrowser(): Promise<Browser> {
  return launchChromium();
}

/** A new browser context (empty cache) holding the bench session's cookie and a display name, as after sign-in. */
export async function signedInContext(browser: Browser, url: string, headers: Record<string, string>): Promise<BrowserContext> {
  const context = await browser.newContext({ acceptDownloads: true });
  const cookies = (headers.cookie ?? '').split('; ').filter(Boolean).map((c) => {
    const at = c.indexOf('=');
    return { name: c.slice(0, at), value: c.slice(at + 1), url };
  });
  if (cookies.length) await context.addCookies(cookies);
  await context.addInitScript(() => localStorage.setItem('rightsdraft.user', JSON.stringify({ name: 'Bench', color: '#1f6feb' })));
  return context;
}

/** Whether the browser measurements can run, and why not. */
export function browserUnavailable(client: ClientBuild): string | null {
  if (!client.ok) return client.reason;
  if (!fs.existsSync(CHROMIUM_PATH)) return `skipped: ${CHROMIUM_PATH} missing (apt-get install -y chromium)`;
  return null;
}

export interface BrowserRound {
  /** page.goto() until the editor is visible and editable. */
  navigationToEditableMs: number;
  /** page.goto() until the editor shows text of the report (null when it did not within 10 s). */
  navigationToTextMs: number | null;
}

export interface BrowserResult {
  status: 'ok' | 'skipped' | 'failed';
  reason?: string;
  rounds: BrowserRound[];
  medianMs?: number;
}

export async function measureBrowser(o: {
  dataDir: string;
  /** The session made when the report was stored (its cookie is given to the browser, as after a sign-in). */
  headers: Record<string, string>;
  reportId: string;
  client: ClientBuild;
  rounds: number;
  log: (line: string) => void;
}): Promise<BrowserResult> {
  const unavailable = browserUnavailable(o.client);
  if (unavailable || !o.client.ok) return { status: 'skipped', reason: unavailable ?? 'skipped', rounds: [] };
  const browser = await launchBenchBrowser();
  const forget = onCleanup(() => browser.close());
  const rounds: BrowserRound[] = [];
  try {
    for (let r = 0; r < o.rounds; r++) {
      const server = await BenchServer.start('ours', { dataDir: o.dataDir, staticDir: o.client.dir, headers: o.headers });
      const context = await signedInContext(browser, server.url, o.headers);
      try {
        const page = await context.newPage();
        const started = nowMs();
        await page.goto(`${server.url}/reports/${o.reportId}`, { waitUntil: 'commit', timeout: 30_000 });
        await page.locator(EDITOR).first().waitFor({ state: 'visible', timeout: 30_000 });
        const editable = nowMs() - started;
        let text: number | null = null;
        try {
          await page.waitForFunction(
            (sel) => (document.querySelector(sel)?.textContent ?? '').trim().length > 20,
            EDITOR,
            { timeout: 10_000, polling: 20 },
          );
          text = nowMs() - started;
        } catch {
          text = null;
        }
        rounds.push({ navigationToEditableMs: editable, navigationToTextMs: text });
        o.log(`browser round ${r + 1}: editable after ${editable.toFixed(0)} ms, text after ${text === null ? 'n/a' : text.toFixed(0) + ' ms'}`);
      } catch (err) {
        o.log(`browser round ${r + 1} failed: ${(err as Error).message.split('\n')[0]}`);
        return { status: 'failed', reason: `editor not editable: ${(err as Error).message.split('\n')[0]}`, rounds };
      } finally {
        await context.close().catch(() => undefined);
        await server.stop();
      }
    }
  } finally {
    forget();
    await browser.close().catch(() => undefined);
  }
  return { status: 'ok', rounds, medianMs: median(rounds.map((r) => r.navigationToEditableMs)) };
}
