/**
 * LibreOffice and poppler as independent readers of exported files: `soffice --headless` converts with a private
 * profile per helper (so test files can convert side by side), `pdftotext` extracts the text.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Office {
  /** Convert a file with soffice (`pdf`, `docx`, `txt:Text` ...); returns the converted bytes. */
  convert(bytes: Uint8Array, fromExtension: string, to: string): Promise<Uint8Array>;
  /**
   * Text of a PDF, as pdftotext reads it, with the bidi control marks it inserts removed. `layout` keeps each
   * printed line together (a paragraph number beside its text), at the cost of mixing table columns.
   */
  pdfText(bytes: Uint8Array, mode?: 'flow' | 'layout'): Promise<string>;
  /** Text of a .docx: LibreOffice lays it out as PDF (footnotes at the page foot), pdftotext reads it. */
  docxText(bytes: Uint8Array, mode?: 'flow' | 'layout'): Promise<string>;
  dispose(): void;
}

export function createOffice(): Office {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rightsdraft-office-'));
  const profile = `file://${path.join(root, 'profile')}`;
  let counter = 0;
  const office: Office = {
    async convert(bytes, fromExtension, to) {
      const dir = path.join(root, `job-${++counter}`);
      fs.mkdirSync(dir);
      const input = path.join(dir, `input.${fromExtension}`);
      fs.writeFileSync(input, bytes);
      const outDir = path.join(dir, 'out');
      await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', to, '--outdir', outDir, input], {
        timeout: 120_000,
      });
      const produced = fs.readdirSync(outDir);
      if (produced.length !== 1) throw new Error(`soffice produced ${produced.length} files converting to ${to}`);
      return new Uint8Array(fs.readFileSync(path.join(outDir, produced[0]!)));
    },
    async pdfText(bytes, mode = 'flow') {
      const file = path.join(root, `text-${++counter}.pdf`);
      fs.writeFileSync(file, bytes);
      const args = mode === 'layout' ? ['-layout', '-enc', 'UTF-8', file, '-'] : ['-enc', 'UTF-8', file, '-'];
      const { stdout } = await run('pdftotext', args, { maxBuffer: 64 * 1024 * 1024 });
      return stdout.replace(/[\u202a-\u202e\u2066-\u2069]/g, '');
    },
    async docxText(bytes, mode = 'flow') {
      return office.pdfText(await office.convert(bytes, 'docx', 'pdf'), mode);
    },
    dispose() {
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
  return office;
}

/** Text with every run of white space made one space, for phrase checks across line breaks. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ');
}
