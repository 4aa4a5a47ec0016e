/**
 * The accessible PDF: our .docx laid out by LibreOffice into a tagged PDF (PDF/UA-style structure: headings,
 * lists, tables with header rows, the footnotes, the document language from the .docx), when the server has
 * LibreOffice (`soffice` on the PATH). One conversion at a time, each with a private profile in its own temporary
 * directory (removed afterwards) and a time limit; a few more may wait, the rest are told the server is busy.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ServiceUnavailable } from '../errors.ts';

/** LibreOffice's PDF export filter with tagging (and the document's own language) turned on. */
const FILTER = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"},"ExportBookmarks":{"type":"boolean","value":"true"}}';
const TIME_LIMIT_MS = 60_000;
const MAX_WAITING = 4;

/** The `soffice` executable on the PATH, or null. */
export function findSoffice(pathList = process.env.PATH ?? ''): string | null {
  for (const dir of pathList.split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, 'soffice');
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // Not in this directory.
    }
  }
  return null;
}

export class TaggedPdf {
  private queue: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  constructor(private readonly soffice: string | null = findSoffice()) {}

  get available(): boolean {
    return this.soffice !== null;
  }

  /** Convert a .docx into a tagged PDF; 503 when LibreOffice is missing or too many wait. */
  async fromDocx(docx: Uint8Array): Promise<Uint8Array> {
    const soffice = this.soffice;
    if (!soffice) {
      throw new ServiceUnavailable('accessible_pdf_unavailable', 'This server has no LibreOffice, so it cannot make the accessible (tagged) PDF. Export to Word, which is accessible too.', 3600);
    }
    if (this.waiting >= MAX_WAITING) throw new ServiceUnavailable('busy', 'Several accessible PDFs are being made; try again in a minute.', 30);
    this.waiting++;
    const turn = this.queue.then(() => convert(soffice, docx));
    this.queue = turn.catch(() => undefined);
    try {
      return await turn;
    } finally {
      this.waiting--;
    }
  }
}

async function convert(soffice: string, docx: Uint8Array): Promise<Uint8Array> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'rightsdraft-pdf-'));
  try {
    const input = path.join(dir, 'report.docx');
    await fs.promises.writeFile(input, docx);
    const args = [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', FILTER, '--outdir', dir, input];
    await new Promise<void>((resolve, reject) => {
      execFile(soffice, args, { timeout: TIME_LIMIT_MS, killSignal: 'SIGKILL' }, (err) => (err ? reject(err) : resolve()));
    }).catch((err: unknown) => {
      const killed = (err as { killed?: boolean }).killed;
      throw new ServiceUnavailable(killed ? 'too_long' : 'export_failed', killed ? 'The accessible PDF took too long and was stopped; try again later.' : 'LibreOffice could not make the accessible PDF.', 60);
    });
    const output = path.join(dir, 'report.pdf');
    if (!fs.existsSync(output)) throw new ServiceUnavailable('export_failed', 'LibreOffice could not make the accessible PDF.', 60);
    return new Uint8Array(await fs.promises.readFile(output));
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}
