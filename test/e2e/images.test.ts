/**
 * Issue 12 in the browser: a photograph inserted while offline is stripped of its GPS position on the device,
 * cannot go in without alternative text, is uploaded when the network returns and then appears for a co-author;
 * the co-author's report then opens offline with the image. A file attached as evidence is listed for both.
 */
import exifr from 'exifr';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Request } from 'playwright-core';
import type { AttachmentInfo } from '../../shared/attachments/kinds.ts';
import { api, createReport } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import { jpegWithGps, pngWithText } from '../helpers/testImages.ts';
import { AMINA, BRUNO, eventually, openSignedIn, poll, typeAtEnd, waitForEditorText, waitForOfflineReady, waitForSyncState, useBrowserSuite } from './support.ts';

const ALT = 'Flooded ground floor of block 4, water at knee height';
const SCREENS = process.env.ATTACH_SCREENS_DIR;

/** In the page: the bytes of the one file waiting in the upload queue (Dexie database `rightsdraft`). */
function readQueuedFile(): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('rightsdraft');
    open.onerror = () => reject(new Error('cannot open the database'));
    open.onsuccess = () => {
      const get = open.result.transaction('pendingUploads').objectStore('pendingUploads').getAll();
      get.onsuccess = () => {
        const [first] = get.result as { blob: Blob }[];
        if (!first) return reject(new Error('nothing queued'));
        void first.blob.arrayBuffer().then((b) => resolve([...new Uint8Array(b)]));
      };
    };
  });
}

describe('Images and evidence in the browser', () => {
  const suite = useBrowserSuite();
  let server: TestServer;
  let browser: Browser;
  beforeAll(() => ({ server, browser } = suite));

  it('strips the photo on the device, asks for alt text, uploads it after reconnecting and shows it to a co-author, also offline', async () => {
    const amina = await openSignedIn(browser, server.url, AMINA);
    const bruno = await openSignedIn(browser, server.url, BRUNO);
    suite.keep(amina, bruno);
    const report = await createReport(server.url, amina.account, { title: 'Housing and racial discrimination', mechanism: 'CERD', stateUnderReview: 'Freedonia' });
    expect((await api(server.url, `/api/reports/${report.id}/members`, { as: amina.account, body: { email: bruno.account.email, role: 'editor' } })).status).toBe(201);
    const reportUrl = `${server.url}/reports/${report.id}`;

    await amina.page.goto(reportUrl);
    await waitForSyncState(amina.page, 'synced');
    await amina.page.getByRole('button', { name: 'Add section' }).click();
    await amina.page.getByLabel('Section title').fill('Right to housing');
    await amina.page.keyboard.press('Enter');
    await typeAtEnd(amina.page, 'Evictions rose sharply in 2024.');
    await bruno.page.goto(reportUrl);
    await waitForSyncState(bruno.page, 'synced');
    await waitForEditorText(bruno.page, 'Evictions rose sharply');
    await waitForOfflineReady(amina.page);
    await waitForOfflineReady(bruno.page);

    // What leaves Amina's browser for the attachments API.
    const uploads: Request[] = [];
    amina.page.on('request', (r) => {
      if (r.method() === 'POST' && /\/attachments$/.test(new URL(r.url()).pathname)) uploads.push(r);
    });

    await amina.context.setOffline(true);
    await waitForSyncState(amina.page, 'offline');
    await amina.page.getByRole('button', { name: 'Insert image' }).click();
    const dialog = amina.page.getByRole('dialog', { name: 'Insert image' });
    const photo = await jpegWithGps();
    await dialog.getByLabel('Image', { exact: true }).setInputFiles({ name: 'IMG_2041.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(photo) });
    await poll(() => dialog.getByTestId('metadata-removed').innerText()).toContain('were removed from this image on your device');
    // Not without a description or an explicit "decorative".
    await dialog.getByRole('button', { name: 'Insert image' }).click();
    await poll(() => dialog.getByRole('alert').innerText()).toContain('Describe the image');
    await dialog.getByLabel('Alternative text').fill(ALT);
    await dialog.getByLabel('Caption (optional)').fill('Block 4, November 2026');
    if (SCREENS) await amina.page.screenshot({ path: `${SCREENS}/image-dialog-1280.png` });
    await dialog.getByRole('button', { name: 'Insert image' }).click();
    await poll(() => dialog.isVisible()).toBe(false);

    // Amina sees her picture at once, from her device, while offline.
    const aminaImg = amina.page.locator(`.prose img[alt="${ALT}"]`);
    await poll(() => aminaImg.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(64);
    expect(uploads).toHaveLength(0);
    // What the device keeps to upload (the queue in IndexedDB) is already without camera details or position.
    const waiting = Buffer.from(await amina.page.evaluate(readQueuedFile));
    expect(waiting.byteLength).toBeGreaterThan(100);
    expect(await exifr.gps(waiting)).toBeUndefined();
    expect(waiting.includes(Buffer.from('SN-4471'))).toBe(false);
    expect(waiting.includes(Buffer.from('PhoneMaker'))).toBe(false);

    await amina.context.setOffline(false);
    // Bruno gets the image once Amina's device has uploaded it.
    const brunoImg = bruno.page.locator(`.prose img[alt="${ALT}"]`);
    await poll(() => brunoImg.evaluate((img: HTMLImageElement) => !img.hidden && img.complete && img.naturalWidth).catch(() => 0)).toBe(64);
    await poll(() => bruno.page.locator('.rd-image__caption').innerText()).toBe('Block 4, November 2026');
    if (SCREENS) await bruno.page.screenshot({ path: `${SCREENS}/image-in-text-1280.png` });

    // Bruno changes the caption and width through the image's Edit button; Amina sees the new caption.
    await bruno.page.locator('.rd-image__bar button').click();
    const edit = bruno.page.getByRole('dialog', { name: 'Edit image' });
    await poll(() => edit.getByLabel('Alternative text').inputValue()).toBe(ALT);
    await edit.getByLabel('Caption (optional)').fill('Block 4, 12 November 2026');
    await edit.getByLabel('Width').selectOption('50');
    await edit.getByRole('button', { name: 'Save' }).click();
    await poll(() => amina.page.locator('.rd-image__caption').innerText()).toBe('Block 4, 12 November 2026');
    await poll(() => amina.page.locator('.rd-image__frame').evaluate((el: HTMLElement) => el.style.width)).toBe('50%');

    // Nor does what the server serves.
    expect(uploads.length).toBeGreaterThan(0);
    const listed = await eventually(
      () => api<{ attachments: AttachmentInfo[] }>(server.url, `/api/reports/${report.id}/attachments`, { as: bruno.account }),
      (r) => r.body.attachments.length === 1,
      'the uploaded image',
    );
    const served = await fetch(`${server.url}/api/reports/${report.id}/attachments/${listed.body.attachments[0]!.id}`, { headers: { cookie: bruno.account.cookie } });
    expect(await exifr.gps(Buffer.from(await served.arrayBuffer()))).toBeUndefined();

    // Bruno's report opens offline with the picture (kept on his device).
    await bruno.context.setOffline(true);
    await bruno.page.reload();
    await waitForEditorText(bruno.page, 'Evictions rose sharply');
    await poll(() => brunoImg.evaluate((img: HTMLImageElement) => !img.hidden && img.complete && img.naturalWidth).catch(() => 0)).toBe(64);
    await bruno.context.setOffline(false);

    // Evidence: Amina attaches a PDF to the section; Bruno sees it listed.
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    await amina.page.locator('.evidence input[type=file]').setInputFiles({ name: 'Eviction notice.pdf', mimeType: 'application/pdf', buffer: pdf });
    await poll(() => bruno.page.locator('.evidence__item a').getAttribute('href').catch(() => null)).toMatch(/\/api\/reports\/.+\/attachments\//);
    expect(await bruno.page.locator('.evidence__item').innerText()).toContain('Eviction notice.pdf');
    if (SCREENS) {
      await bruno.page.screenshot({ path: `${SCREENS}/evidence-1280.png`, fullPage: true });
      await bruno.page.setViewportSize({ width: 390, height: 844 });
      await bruno.page.locator('.rd-image').scrollIntoViewIfNeeded();
      await bruno.page.screenshot({ path: `${SCREENS}/image-390.png` });
      await bruno.page.locator('.evidence').scrollIntoViewIfNeeded();
      await bruno.page.screenshot({ path: `${SCREENS}/evidence-390.png` });
    }
    // A picture pasted into the text opens the same dialog; marked decorative, it goes in without alt text.
    // The caret in a paragraph's text: Ctrl+End may select the image block at the end, and a paste replaces a selection.
    await amina.page.locator('.ProseMirror p', { hasText: 'Evictions rose sharply' }).click();
    await amina.page.keyboard.press('End');
    const pasted = Buffer.from(await pngWithText({ Comment: 'scanned at the office' }));
    await amina.page.evaluate((bytes) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], 'divider.png', { type: 'image/png' }));
      document.querySelector('.ProseMirror')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, [...pasted]);
    const pasteDialog = amina.page.getByRole('dialog', { name: 'Insert image' });
    await poll(() => pasteDialog.getByTestId('metadata-removed').isVisible()).toBe(true);
    await pasteDialog.getByLabel(/This image is decorative/).check();
    await pasteDialog.getByRole('button', { name: 'Insert image' }).click();
    await poll(() => amina.page.locator('.rd-image').count()).toBe(2);
    await poll(() => bruno.page.locator('.rd-image__img[alt=""]').evaluate((img: HTMLImageElement) => img.naturalWidth).catch(() => 0)).toBe(32);
    await poll(() => amina.page.locator('.rd-image__warning:visible').count()).toBe(0);

    // Dropping a picture on the text opens it too (cancelled here: nothing is inserted).
    await amina.page.evaluate((bytes) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], 'dropped.png', { type: 'image/png' }));
      const prose = document.querySelector('.ProseMirror')!;
      const box = prose.getBoundingClientRect();
      prose.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true, clientX: box.left + 20, clientY: box.top + 20 }));
    }, [...pasted]);
    await poll(() => pasteDialog.getByTestId('metadata-removed').isVisible()).toBe(true);
    await pasteDialog.getByRole('button', { name: 'Cancel' }).click();
    await poll(() => pasteDialog.isVisible()).toBe(false);
    expect(await amina.page.locator('.rd-image').count()).toBe(2);

    // Pasted HTML with a picture on another host does not become an image (and nothing is requested from there).
    // The caret in a paragraph's text: Ctrl+End may select the image block at the end, and a paste replaces a selection.
    await amina.page.locator('.ProseMirror p', { hasText: 'Evictions rose sharply' }).click();
    await amina.page.keyboard.press('End');
    await amina.page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/html', '<p>Seen on a news site.</p><img src="https://tracker.example/pixel.png" alt="Tracking pixel">');
      data.setData('text/plain', 'Seen on a news site.');
      document.querySelector('.ProseMirror')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await waitForEditorText(amina.page, 'Seen on a news site.');
    expect(await amina.page.locator('.rd-image').count()).toBe(2);
    expect(await amina.page.locator('img[src*="tracker.example"]').count()).toBe(0);

    expect(amina.errors).toEqual([]);
    expect(bruno.errors).toEqual([]);
  }, 180_000);
});
