/**
 * Speed in the browser on the large report (issue 15), in Chromium through playwright-core:
 * - opening it: a new browser profile (nothing cached) until the editor is editable, and the report already on the
 *   device (IndexedDB and the service worker's cache filled by an earlier visit) until the first screen of text is
 *   visible and until it is editable; in the one-section view and in the whole-report view;
 * - typing in it while `peers` stock y-websocket clients in Node type into the same report (three in the browser
 *   user's own section, the others in other sections, each moving its caret): the time from each key event to the
 *   next frame (a requestAnimationFrame callback, then a message posted from it, which runs once that frame is
 *   produced), and a CPU profile of the page while typing (Chrome DevTools Protocol), summarised by self time.
 * Figures are printed beside the targets and never asserted.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import * as Y from 'yjs';
import { getSectionBody, listSections } from '../../shared/report/layout.ts';
import { buildBigReport } from './bigReport.ts';
import { pushReport } from './bigReportClients.ts';
import { browserUnavailable, launchBenchBrowser, signedInContext } from './browser.ts';
import type { ClientBuild } from './clientBuild.ts';
import { onCleanup } from './children.ts';
import { connectStockClient, type StockClient } from './load/stockClient.ts';
import { REPO_ROOT } from './paths.ts';
import { BenchServer } from './servers.ts';
import { median, nowMs, percentile, sleep } from './stats.ts';
import type { Row } from './report.ts';

export type SpeedView = 'section' | 'whole';
const VIEWS: SpeedView[] = ['section', 'whole'];
const EDITABLE = '.ProseMirror[contenteditable="true"]';

export interface OpenFigures {
  /** New browser profile: navigation until an editor is editable. */
  newProfileEditableMs: number[];
  /** Report already on the device: navigation until text of the report is visible, and until editable. */
  deviceTextMs: number[];
  deviceEditableMs: number[];
  /** The last round's open from the device, profiled: time by function including callees. */
  profile?: ProfileLine[];
}

export interface ProfileLine {
  functionName: string;
  where: string;
  selfMs: number;
  selfPct: number;
}

export interface TypingFigures {
  /** Time by function including what it calls (the main thread's work while typing, by who caused it). */
  inclusive: ProfileLine[];
  keystrokes: number;
  peers: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** Self time by function over a second, profiled, typing run (its own timings are not used). */
  profile: ProfileLine[];
  profileFile: string | null;
}

export interface BrowserSpeedResult {
  status: 'ok' | 'skipped' | 'failed';
  reason?: string;
  open: Partial<Record<SpeedView, OpenFigures>>;
  typing: Partial<Record<SpeedView, TypingFigures>>;
}

const reportUrl = (base: string, id: string, view: SpeedView) => `${base}/reports/${id}${view === 'whole' ? '?layout=whole' : ''}`;

/** Navigation to the report; when the first screen shows text of it, and when it can be typed in. */
async function timeOpen(page: Page, url: string): Promise<{ textMs: number; editableMs: number }> {
  const started = nowMs();
  await page.goto(url, { waitUntil: 'commit', timeout: 60_000 });
  await page.waitForFunction(
    () => {
      // The editor's text, or the first screen drawn from the device before it (client/src/firstScreen/).
      const prose = document.querySelector('.first-screen__prose') ?? document.querySelector('.prose');
      if (!prose || (prose.textContent ?? '').trim().length < 20) return false;
      const box = prose.getBoundingClientRect();
      return box.height > 0 && box.top < window.innerHeight;
    },
    null,
    { polling: 'raf', timeout: 60_000 },
  );
  const textMs = nowMs() - started;
  await page.locator(EDITABLE).first().waitFor({ state: 'visible', timeout: 60_000 });
  return { textMs, editableMs: nowMs() - started };
}

/** Until the page says everything is stored on the server and on the device. */
async function settle(page: Page): Promise<void> {
  await page.locator('[data-testid="sync-status"][data-state="synced"]').waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 60_000 }).catch(() => undefined);
  await sleep(1500);
}

/**
 * One more open from the device, not counted, under the CPU profiler. It starts from another page of the app (same
 * origin, so the same renderer process, whose profiler stays on across the navigation).
 */
async function profileOpen(ctx: BrowserContext, page: Page, base: string, url: string, view: SpeedView, log: (l: string) => void): Promise<ProfileLine[]> {
  await page.goto(`${base}/`, { waitUntil: 'load' });
  await sleep(500);
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
  await timeOpen(page, url);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  const file = path.join(REPO_ROOT, 'bench-results', `open-${view}.cpuprofile`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(profile));
  const lines = inclusiveProfile(profile);
  log(`  open from the device (${view} view), profiled, including callees:`);
  for (const line of lines.slice(0, 20)) log(`  ${line.selfPct.toFixed(1).padStart(5)} %  ${line.selfMs.toFixed(0).padStart(6)} ms  ${line.functionName} ${line.where}`);
  return lines;
}

async function measureOpen(context: () => Promise<BrowserContext>, base: string, id: string, view: SpeedView, rounds: number, log: (l: string) => void): Promise<OpenFigures> {
  const figures: OpenFigures = { newProfileEditableMs: [], deviceTextMs: [], deviceEditableMs: [] };
  for (let r = 0; r < rounds; r++) {
    const ctx = await context();
    try {
      const page = await ctx.newPage();
      const fresh = await timeOpen(page, reportUrl(base, id, view));
      figures.newProfileEditableMs.push(fresh.editableMs);
      await settle(page);
      await page.goto('about:blank');
      const again = await timeOpen(page, reportUrl(base, id, view));
      figures.deviceTextMs.push(again.textMs);
      figures.deviceEditableMs.push(again.editableMs);
      if (r === rounds - 1) figures.profile = await profileOpen(ctx, page, base, reportUrl(base, id, view), view, log);
      log(`open (${view} view) round ${r + 1}: new profile editable ${fresh.editableMs.toFixed(0)} ms; on the device: text ${again.textMs.toFixed(0)} ms, editable ${again.editableMs.toFixed(0)} ms`);
    } finally {
      await ctx.close().catch(() => undefined);
    }
  }
  return figures;
}

/** Peers typing: each appends to a paragraph of its section `perSecond` times a second and moves its caret there. */
function startPeers(server: BenchServer, id: string, count: number, perSecond: number): { clients: StockClient[]; begin: () => void; stop: () => void } {
  const clients = Array.from({ length: count }, (_, i) => connectStockClient(server.wsUrl, id, `Peer ${i + 1}`, undefined, undefined, server.headers));
  let timers: NodeJS.Timeout[] = [];
  const begin = () => {
    timers = clients.map((c, i) =>
      setInterval(() => {
        const sections = listSections(c.doc);
        // Three peers in the first section (where the browser user types), the others one section each.
        const section = sections[i < 3 ? 0 : Math.min(sections.length - 1, i - 2)];
        if (!section) return;
        const body = getSectionBody(c.doc, section.id);
        const paragraph = body?.get(Math.min(body.length - 1, 1 + (i % 3))) as Y.XmlElement | undefined;
        const text = paragraph?.get(0);
        if (!(text instanceof Y.XmlText)) return;
        text.insert(text.length, String.fromCharCode(97 + ((Date.now() / 97) % 26)));
        const at = Y.createRelativePositionFromTypeIndex(text, text.length);
        const json = Y.relativePositionToJSON(at);
        c.provider.awareness.setLocalStateField('cursor', { anchor: json, head: json });
        c.provider.awareness.setLocalStateField('section', section.id);
      }, 1000 / perSecond),
    );
  };
  return {
    clients,
    begin,
    stop: () => {
      for (const t of timers) clearInterval(t);
      for (const c of clients) c.destroy();
    },
  };
}

interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: CpuProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Time per function including its callees (each function counted once per sample), largest first; page code only. */
export function inclusiveProfile(profile: CpuProfile, top = 25): ProfileLine[] {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n: CpuProfileNode) => {
    const { functionName, url, lineNumber } = n.callFrame;
    return { functionName: functionName || '(anonymous)', where: url ? `${path.basename(url.split('?')[0]!)}:${lineNumber + 1}` : '' };
  };
  const total = new Map<string, { functionName: string; where: string; us: number }>();
  let all = 0;
  profile.samples.forEach((nodeId, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    all += dt;
    const seen = new Set<string>();
    for (let id: number | undefined = nodeId; id !== undefined; id = parent.get(id)) {
      const node = byNode.get(id);
      if (!node || !node.callFrame.url) continue;
      const l = label(node);
      const key = `${l.functionName}@${l.where}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = total.get(key) ?? { ...l, us: 0 };
      entry.us += dt;
      total.set(key, entry);
    }
  });
  return [...total.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, top)
    .map((e) => ({ functionName: e.functionName, where: e.where, selfMs: e.us / 1000, selfPct: all ? (100 * e.us) / all : 0 }));
}

/** Self time per function (name and place), largest first. */
export function summariseProfile(profile: CpuProfile, top = 15): ProfileLine[] {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, { functionName: string; where: string; us: number }>();
  let total = 0;
  profile.samples.forEach((nodeId, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    const node = byNode.get(nodeId);
    if (!node) return;
    total += dt;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? `${path.basename(url.split('?')[0]!)}:${lineNumber + 1}` : '';
    const key = `${functionName}@${where}`;
    const entry = self.get(key) ?? { functionName: functionName || '(anonymous)', where, us: 0 };
    entry.us += dt;
    self.set(key, entry);
  });
  return [...self.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, top)
    .map((e) => ({ functionName: e.functionName, where: e.where, selfMs: e.us / 1000, selfPct: total ? (100 * e.us) / total : 0 }));
}

async function typeAndTime(page: Page, keys: number, delayMs: number): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __keyToPaint: number[] };
    w.__keyToPaint = [];
    document.addEventListener(
      'keydown',
      (e) => {
        const t0 = e.timeStamp;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => w.__keyToPaint.push(performance.now() - t0);
          channel.port2.postMessage(0);
        });
      },
      true,
    );
  });
  const letters = 'the committee recommends ';
  for (let i = 0; i < keys; i++) {
    await page.keyboard.press(letters[i % letters.length] === ' ' ? 'Space' : letters[i % letters.length]!);
    await sleep(delayMs);
  }
  await sleep(300);
  return page.evaluate(() => (window as unknown as { __keyToPaint: number[] }).__keyToPaint);
}

async function measureTyping(
  context: () => Promise<BrowserContext>,
  server: BenchServer,
  id: string,
  view: SpeedView,
  o: { peers: number; perSecond: number; keys: number },
  log: (l: string) => void,
): Promise<TypingFigures> {
  const ctx = await context();
  const peers = startPeers(server, id, o.peers, o.perSecond);
  try {
    const page = await ctx.newPage();
    await timeOpen(page, reportUrl(server.url, id, view));
    await settle(page);
    const first = page.locator(`${EDITABLE}`).first();
    await first.locator('p').nth(4).click();
    await page.keyboard.press('End');
    peers.begin();
    await sleep(1500);
    const samples = await typeAndTime(page, o.keys, 100);
    // A second run under the profiler: where the time goes.
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
    await cdp.send('Profiler.start');
    await typeAndTime(page, Math.min(o.keys, 80), 100);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    const dir = path.join(REPO_ROOT, 'bench-results');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `typing-${view}.cpuprofile`);
    fs.writeFileSync(file, JSON.stringify(profile));
    const figures: TypingFigures = {
      keystrokes: samples.length,
      peers: o.peers,
      p50Ms: percentile(samples, 50),
      p95Ms: percentile(samples, 95),
      maxMs: Math.max(...samples),
      profile: summariseProfile(profile),
      inclusive: inclusiveProfile(profile),
      profileFile: path.relative(REPO_ROOT, file),
    };
    log(`typing (${view} view, ${o.peers} peers): ${samples.length} keys, key → paint p50 ${figures.p50Ms.toFixed(1)} ms, p95 ${figures.p95Ms.toFixed(1)} ms, max ${figures.maxMs.toFixed(0)} ms`);
    log('  self time:');
    for (const line of figures.profile.slice(0, 10)) log(`  ${line.selfPct.toFixed(1).padStart(5)} %  ${line.selfMs.toFixed(0).padStart(6)} ms  ${line.functionName} ${line.where}`);
    log('  including callees:');
    for (const line of figures.inclusive.slice(0, 25)) log(`  ${line.selfPct.toFixed(1).padStart(5)} %  ${line.selfMs.toFixed(0).padStart(6)} ms  ${line.functionName} ${line.where}`);
    return figures;
  } finally {
    peers.stop();
    await ctx.close().catch(() => undefined);
  }
}

export async function runBrowserSpeed(
  o: { words: number; sections: number; rounds: number; peers: number; keystrokesPerSecond: number; keys: number; phases: { open: boolean; typing: boolean } },
  client: ClientBuild,
  log: (line: string) => void,
): Promise<BrowserSpeedResult> {
  const unavailable = browserUnavailable(client);
  if (unavailable || !client.ok) return { status: 'skipped', reason: unavailable ?? 'skipped', open: {}, typing: {} };
  const { doc, stats } = buildBigReport(o.words, o.sections);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  log(`large report: ${stats.words} words, ${stats.sections} sections`);
  const server = await BenchServer.start('ours', { staticDir: client.dir });
  const browser = await launchBenchBrowser();
  const forget = onCleanup(() => browser.close());
  const result: BrowserSpeedResult = { status: 'ok', open: {}, typing: {} };
  try {
    const id = await server.createReport('Large report');
    const holder = await pushReport(server, id, update, o.sections);
    holder.destroy();
    const context = () => signedInContext(browser, server.url, server.headers);
    for (const view of VIEWS) {
      if (o.phases.open) result.open[view] = await measureOpen(context, server.url, id, view, o.rounds, log);
      if (o.phases.typing) result.typing[view] = await measureTyping(context, server, id, view, { peers: o.peers, perSecond: o.keystrokesPerSecond, keys: o.keys }, log);
    }
  } catch (err) {
    result.status = 'failed';
    result.reason = (err as Error).message.split('\n')[0];
    log(`browser speed failed: ${result.reason}`);
  } finally {
    forget();
    await browser.close().catch(() => undefined);
    await server.stop();
  }
  return result;
}


const msText = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? '—' : n >= 100 ? `${n.toFixed(0)} ms` : `${n.toFixed(1)} ms`);

/** The table rows: each figure beside its target (issue 15). */
export function browserSpeedRows(r: BrowserSpeedResult): Row[] {
  if (r.status !== 'ok') return [{ metric: 'Browser speed on the large report', ours: r.reason ?? r.status, reference: 'n/a', target: '—', status: r.status === 'failed' ? 'MISS' : 'skipped' }];
  const rows: Row[] = [];
  const row = (metric: string, value: number | undefined, targetMs: number) =>
    rows.push({ metric, ours: msText(value), reference: 'n/a', target: `< ${targetMs >= 1000 ? `${targetMs / 1000} s` : `${targetMs} ms`}`, status: value === undefined ? 'n/a' : value < targetMs ? 'pass' : 'MISS' });
  for (const view of VIEWS) {
    const open = r.open[view];
    const name = view === 'whole' ? 'whole-report view' : 'section view';
    if (open) {
      row(`Browser, report on the device (${name}): navigation → first text visible (median)`, median(open.deviceTextMs), 300);
      row(`Browser, report on the device (${name}): navigation → editable (median)`, median(open.deviceEditableMs), 500);
      row(`Browser, new profile (${name}): navigation → editable (median)`, median(open.newProfileEditableMs), 1500);
    }
    const typing = r.typing[view];
    if (typing) row(`Browser typing (${name}), ${typing.peers} peers typing: key → next frame p95 (${typing.keystrokes} keys)`, typing.p95Ms, 50);
  }
  return rows;
}
