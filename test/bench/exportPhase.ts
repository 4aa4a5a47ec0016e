/**
 * The `export` phase of `npm run bench`: the long submission (100,000 words, 60 sections, 500 footnotes) made
 * into Word and PDF three ways, each the median of `rounds`:
 *  - in Node, in process (the shared exporter as the server's export threads run it);
 *  - through our server's API (GET /api/reports/:id/export), worker thread and transfer included;
 *  - in Chromium, in the app: the export dialog's button pressed until the browser has the download.
 * Reference in the same run: LibreOffice (soffice --headless) turning our .docx into a PDF, the way a coalition
 * without Rightsdraft makes its PDF. Targets (issue 6): DOCX under 3 s and PDF under 10 s, in Node and in Chromium.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { writeLongSubmission } from '../helpers/longSubmission.ts';
import { pushReport } from './bigReportClients.ts';
import { browserUnavailable, launchBenchBrowser, signedInContext } from './browser.ts';
import { onCleanup, track } from './children.ts';
import type { ClientBuild } from './clientBuild.ts';
import { runExportBench } from './exportNode.ts';
import { benchRunDir } from './paths.ts';
import { BenchServer } from './servers.ts';
import { median, nowMs } from './stats.ts';

type Format = 'docx' | 'pdf';

export interface ExportTimes {
  status: 'ok' | 'skipped' | 'failed';
  reason?: string;
  docxMs: number[];
  pdfMs: number[];
  docxMedianMs?: number;
  pdfMedianMs?: number;
}

export interface ExportPhaseResult {
  report: { words: number; sections: number; notes: number; encodedBytes: number; docxBytes: number; pdfBytes: number };
  node: ExportTimes;
  server: ExportTimes;
  browser: ExportTimes;
  /** LibreOffice converting our .docx to PDF (process start included), the reference. */
  reference: { status: 'ok' | 'skipped' | 'failed'; reason?: string; pdfMs: number[]; pdfMedianMs?: number };
}

const withMedians = (t: ExportTimes): ExportTimes =>
  t.docxMs.length || t.pdfMs.length ? { ...t, docxMedianMs: median(t.docxMs), pdfMedianMs: median(t.pdfMs) } : t;

const firstLine = (err: unknown) => ((err as Error)?.message ?? String(err)).split('\n')[0]!;

export async function runExportPhase(o: { rounds: number; client: ClientBuild }, log: (line: string) => void): Promise<ExportPhaseResult> {
  const node = await runExportBench(o.rounds);
  log(`export in Node: DOCX ${node.docxMs} ms, PDF ${node.pdfMs} ms (${node.words} words; ${node.docxBytes} B .docx, ${node.pdfBytes} B PDF)`);

  const doc = new Y.Doc();
  writeLongSubmission(doc);
  const update = Y.encodeStateAsUpdate(doc);
  const sections = 60;
  doc.destroy();

  const reference = await libreOfficeReference(node.docx, o.rounds, log);
  const server = await BenchServer.start('ours', o.client.ok ? { staticDir: o.client.dir } : {});
  let viaApi: ExportTimes;
  let browser: ExportTimes;
  try {
    const reportId = await server.createReport('Long submission');
    (await pushReport(server, reportId, update, sections, 120_000)).destroy();
    viaApi = await measureApi(server, reportId, o.rounds, log);
    browser = await measureInBrowser(server, reportId, o.client, o.rounds, log);
  } finally {
    await server.stop();
  }
  return {
    report: { words: node.words, sections, notes: 500, encodedBytes: update.length, docxBytes: node.docxBytes, pdfBytes: node.pdfBytes },
    node: withMedians({ status: 'ok', docxMs: [node.docxMs], pdfMs: [node.pdfMs] }),
    server: viaApi,
    browser,
    reference,
  };
}

async function measureApi(server: BenchServer, reportId: string, rounds: number, log: (line: string) => void): Promise<ExportTimes> {
  const times: ExportTimes = { status: 'ok', docxMs: [], pdfMs: [] };
  try {
    for (let r = 0; r < rounds; r++) {
      for (const format of ['docx', 'pdf'] as const) {
        const started = nowMs();
        const res = await fetch(`${server.url}/api/reports/${reportId}/export?format=${format}`, { headers: server.headers, signal: AbortSignal.timeout(120_000) });
        const bytes = await res.arrayBuffer();
        if (!res.ok) throw new Error(`GET export ${format}: HTTP ${res.status} ${new TextDecoder().decode(bytes).slice(0, 200)}`);
        const ms = nowMs() - started;
        (format === 'docx' ? times.docxMs : times.pdfMs).push(ms);
        log(`export through the API, round ${r + 1}: ${format.toUpperCase()} ${ms.toFixed(0)} ms (${bytes.byteLength} B)`);
      }
    }
  } catch (err) {
    return { ...times, status: 'failed', reason: firstLine(err) };
  }
  return withMedians(times);
}

/** The export dialog in the app, as a person uses it: open it, pick the format, press export, get the file. */
async function measureInBrowser(server: BenchServer, reportId: string, client: ClientBuild, rounds: number, log: (line: string) => void): Promise<ExportTimes> {
  const unavailable = browserUnavailable(client);
  if (unavailable) return { status: 'skipped', reason: unavailable, docxMs: [], pdfMs: [] };
  const browser = await launchBenchBrowser();
  const forget = onCleanup(() => browser.close());
  const times: ExportTimes = { status: 'ok', docxMs: [], pdfMs: [] };
  try {
    const context = await signedInContext(browser, server.url, server.headers);
    const page = await context.newPage();
    await page.goto(`${server.url}/reports/${reportId}`, { timeout: 60_000 });
    await page.locator('.ProseMirror[contenteditable="true"]').first().waitFor({ state: 'visible', timeout: 60_000 });
    for (let r = 0; r < rounds; r++) {
      for (const format of ['docx', 'pdf'] as Format[]) {
        await page.getByTestId('export-button').click();
        const dialog = page.getByRole('dialog', { name: 'Export report' });
        await dialog.getByLabel(format === 'pdf' ? /^PDF/ : /^Word/).check();
        const downloaded = page.waitForEvent('download', { timeout: 120_000 });
        const started = nowMs();
        await dialog.getByRole('button', { name: format === 'pdf' ? 'Export PDF' : 'Export Word file' }).click();
        const download = await downloaded;
        const ms = nowMs() - started;
        const file = await download.path();
        const bytes = file ? fs.statSync(file).size : 0;
        (format === 'docx' ? times.docxMs : times.pdfMs).push(ms);
        log(`export in Chromium, round ${r + 1}: ${format.toUpperCase()} ${ms.toFixed(0)} ms (${bytes} B, ${download.suggestedFilename()})`);
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
      }
    }
    await context.close();
  } catch (err) {
    log(`export in Chromium failed: ${firstLine(err)}`);
    return { ...times, status: 'failed', reason: firstLine(err) };
  } finally {
    forget();
    await browser.close().catch(() => undefined);
  }
  return withMedians(times);
}

async function libreOfficeReference(docx: Uint8Array, rounds: number, log: (line: string) => void): Promise<ExportPhaseResult['reference']> {
  const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));
  if (!soffice) return { status: 'skipped', reason: 'skipped: LibreOffice not installed', pdfMs: [] };
  const dir = fs.mkdtempSync(path.join(benchRunDir(), 'office-'));
  const input = path.join(dir, 'long-submission.docx');
  fs.writeFileSync(input, docx);
  const pdfMs: number[] = [];
  try {
    for (let r = 0; r < rounds; r++) {
      const started = nowMs();
      await new Promise<void>((resolve, reject) => {
        const child = track(
          spawn(soffice, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input], { stdio: 'ignore' }),
        );
        const timer = setTimeout(() => child.kill('SIGKILL'), 300_000);
        child.once('exit', (code) => {
          clearTimeout(timer);
          if (code === 0 && fs.existsSync(path.join(dir, 'long-submission.pdf'))) resolve();
          else reject(new Error(`soffice exited with ${code}`));
        });
      });
      pdfMs.push(nowMs() - started);
      fs.rmSync(path.join(dir, 'long-submission.pdf'));
      log(`reference: LibreOffice .docx → PDF, round ${r + 1}: ${pdfMs[pdfMs.length - 1]!.toFixed(0)} ms`);
    }
  } catch (err) {
    return { status: 'failed', reason: firstLine(err), pdfMs };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { status: 'ok', pdfMs, pdfMedianMs: median(pdfMs) };
}
