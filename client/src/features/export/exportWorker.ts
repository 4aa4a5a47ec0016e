/**
 * Export off the main thread: the shared exporter (docx, and pdfmake's browser build for PDF) runs here, so the
 * page stays responsive and its progress bar moves while a long report is written. Loaded only when someone
 * exports; pdfmake and the fonts only for PDF.
 */
import { exportReport } from '../../../../shared/export/exportReport.ts';
import { loadPdfFonts, type PdfFonts, type PdfMakeEngine } from '../../../../shared/export/pdf/pdfFonts.ts';
import type { ExportJob, ExportWorkerMessage } from './exportJob.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ExportJob>) => void) | null;
  postMessage(message: ExportWorkerMessage, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

class FontsUnavailable extends Error {}

let engine: Promise<PdfMakeEngine> | null = null;
let fonts: Promise<PdfFonts> | null = null;

function pdfEngine(): Promise<PdfMakeEngine> {
  engine ??= import('pdfmake').then((module) => {
    const pdfMake = ((module as { default?: unknown }).default ?? module) as PdfMakeEngine & { setUrlAccessPolicy?(allow: (url: string) => boolean): void };
    // A report's links must never make pdfmake fetch anything.
    pdfMake.setUrlAccessPolicy?.(() => false);
    return pdfMake;
  });
  return engine;
}

function pdfFonts(urls: Record<string, string>): Promise<PdfFonts> {
  fonts ??= loadPdfFonts(async (name) => {
    const url = urls[name];
    if (!url) throw new FontsUnavailable(`No URL for the font ${name}`);
    let response: Response;
    try {
      response = await fetch(url);
    } catch {
      // i18n-exempt: an error for code and logs; the dialog shows a message chosen by its code (fonts_unavailable)
      throw new FontsUnavailable(`The font ${name} could not be loaded`);
    }
    // i18n-exempt: an error for code and logs; the dialog shows a message chosen by its code (fonts_unavailable)
    if (!response.ok) throw new FontsUnavailable(`The font ${name} could not be loaded (${response.status})`);
    return new Uint8Array(await response.arrayBuffer());
  });
  // A failure (offline before the fonts were cached) is retried by the next export.
  fonts.catch(() => (fonts = null));
  return fonts;
}

scope.onmessage = async ({ data: job }) => {
  try {
    const pdf = job.format === 'pdf' ? { engine: await pdfEngine(), fonts: await pdfFonts(job.fontUrls) } : undefined;
    let last = -1;
    const file = await exportReport(job.input, {
      format: job.format,
      options: job.options,
      pdf,
      onProgress: (fraction) => {
        // Whole percents are enough for a progress bar; pdfmake reports far more often.
        const percent = Math.floor(fraction * 100);
        if (percent === last) return;
        last = percent;
        scope.postMessage({ type: 'progress', fraction });
      },
    });
    scope.postMessage({ type: 'done', bytes: file.bytes, fileName: file.fileName, mimeType: file.mimeType }, [file.bytes.buffer]);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    scope.postMessage({ type: 'error', code: err instanceof FontsUnavailable ? 'fonts_unavailable' : 'failed', message });
  }
};
