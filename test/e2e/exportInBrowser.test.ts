/**
 * The shared exporter runs in Chromium with no network: bundled from shared/export with Vite, pdfmake's browser
 * build, fonts passed in as bytes. The files it makes are read back with LibreOffice and pdftotext.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDF_FONT_FILES } from '../../shared/export/index.ts';
import { createOffice, squash, type Office } from '../helpers/office.ts';
import { pdfLinks, relationshipTargets } from '../helpers/exportedLinks.ts';
import { ARABIC_SENTENCE, CHINESE_SENTENCE } from '../helpers/sampleReport.ts';
import { UNSAFE_LINKS } from '../helpers/unsafeLinks.ts';
import { launchBrowser } from './support.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const FONT_DIR = path.resolve(here, '../../shared/export/fonts');
const PDFMAKE_BROWSER = path.resolve(here, '../../node_modules/pdfmake/build/pdfmake.js');

async function bundle(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: false, lib: { entry: path.join(here, 'exportInBrowser.entry.ts'), formats: ['iife'], name: 'exportInBrowser' } },
  });
  const outputs = Array.isArray(result) ? result : [result];
  const chunk = outputs.flatMap((o) => ('output' in o ? o.output : [])).find((c) => c.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('vite produced no bundle');
  return chunk.code;
}

const font = (name: string) => fs.readFileSync(path.join(FONT_DIR, name)).toString('base64');

describe('Export in the browser', () => {
  let browser: Browser;
  let office: Office;
  beforeAll(async () => {
    browser = await launchBrowser();
    office = createOffice();
  });
  afterAll(async () => {
    await browser?.close();
    office?.dispose();
  });

  it('makes the same Word and PDF files offline in Chromium', async () => {
    const code = await bundle();
    const context = await browser.newContext();
    const requests: string[] = [];
    await context.route('**/*', (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.setContent('<!doctype html><title>export</title>');
    await page.addScriptTag({ path: PDFMAKE_BROWSER });
    await page.addScriptTag({ content: code });
    const f = PDF_FONT_FILES;
    const fonts = {
      latinNormal: font(f.latin.normal),
      latinBold: font(f.latin.bold),
      latinItalics: font(f.latin.italics),
      latinBoldItalics: font(f.latin.bolditalics),
      arabicNormal: font(f.arabic.normal),
      arabicBold: font(f.arabic.bold),
      cjk: font(f.cjk),
    };
    const result = await page.evaluate(
      (fontsB64) => (window as unknown as { runExport(f: Record<string, string>): Promise<{ docx: string; pdf: string; progress: number[]; fileName: string }> }).runExport(fontsB64),
      fonts,
    );
    await context.close();
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(result.fileName).toBe('upr-freedonia-exported-in-the-browser.docx');
    expect(result.progress[result.progress.length - 1]).toBe(1);

    const docx = new Uint8Array(Buffer.from(result.docx, 'base64'));
    const pdf = new Uint8Array(Buffer.from(result.pdf, 'base64'));
    // Unsafe links written into the document come out as text; only the sample's web links stay links.
    const safe = new Set(['https://example.org/survey', 'https://example.org/stats']);
    expect(new Set(relationshipTargets(docx))).toEqual(safe);
    expect(new Set((await pdfLinks(pdf)).uris)).toEqual(safe);
    const docxText = squash(await office.docxText(docx));
    for (const text of Object.keys(UNSAFE_LINKS)) expect(docxText).toContain(`See the ${text}.`);
    expect(docxText).toContain('Exported in the browser');
    expect(docxText).toContain('Universal Periodic Review');
    expect(docxText).toContain('European Roma Rights Centre, school survey 2023.');
    expect(docxText).toContain('Roma pupils enrolled');

    const pdfText = squash(await office.pdfText(pdf));
    for (const text of Object.keys(UNSAFE_LINKS)) expect(pdfText).toContain(`See the ${text}.`);
    for (const phrase of ['Exported in the browser', 'Access to education', 'Права человека для всех.', ARABIC_SENTENCE, CHINESE_SENTENCE, 'Notes 1. European Roma Rights Centre']) {
      expect(pdfText).toContain(phrase);
    }
  });
});
