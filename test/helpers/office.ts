/**
 * LibreOffice and poppler as independent readers of exported files: `soffice --headless` converts with a private
 * profile per helper (so test files can convert side by side), `pdftotext` extracts the text.
 *
 * Nothing read back may depend on the fonts a machine has: a .docx is read through LibreOffice's HTML export
 * (paragraphs, list numbers, table cells and notes, never laid out on a page), and text is compared with all
 * white space collapsed (`squash`). PDFs we make carry their own fonts, so their text is read with pdftotext.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface DocxNote {
  /** What LibreOffice took the note for. */
  kind: 'footnote' | 'endnote';
  text: string;
}

export interface DocxReading {
  /**
   * One line per paragraph, list item and table cell, in document order, white space inside each collapsed;
   * list numbers and note numbers are followed by a space ("1. Roma children", "1 European Roma ..."). The notes'
   * own paragraphs come after the body, whether they are footnotes or endnotes (see `notes`).
   */
  text: string;
  /** Every table: its rows, each row's cell texts. */
  tables: string[][][];
  /** Every note in order, as LibreOffice labels its reference. */
  notes: DocxNote[];
}

export interface Office {
  /** Convert a file with soffice (`pdf`, `docx`, `txt:Text` ...); returns the converted bytes. */
  convert(bytes: Uint8Array, fromExtension: string, to: string): Promise<Uint8Array>;
  /**
   * Text of a PDF, as pdftotext reads it, with the bidi control marks it inserts removed. `layout` keeps each
   * printed line together (a paragraph number beside its text), at the cost of mixing table columns.
   */
  pdfText(bytes: Uint8Array, mode?: 'flow' | 'layout'): Promise<string>;
  /**
   * A .docx as LibreOffice reads it, exported as HTML: no page layout, so nothing here depends on the fonts
   * installed or where lines wrap.
   */
  readDocx(bytes: Uint8Array): Promise<DocxReading>;
  /** `readDocx(bytes).text`. */
  docxText(bytes: Uint8Array): Promise<string>;
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
    async readDocx(bytes) {
      return readWriterHtml(Buffer.from(await office.convert(bytes, 'docx', 'html:HTML (StarWriter):UTF8')).toString('utf8'));
    },
    async docxText(bytes) {
      return (await office.readDocx(bytes)).text;
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

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Elements that start a new line of text. */
const BLOCK = /^(p|div|td|th|tr|table|thead|tbody|h[1-6]|br|blockquote|dt|dd|dl|caption|body)$/i;

const attribute = (attrs: string, name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`, 'i').exec(attrs)?.[1];

/**
 * Text of an HTML fragment, one line per block, white space collapsed in each. A list item starts with its
 * label as LibreOffice numbered it (`<ol start>`, `<li value>`): "3. " or "• ". A note's number, a link back to
 * its anchor, is followed by a space.
 */
function blockText(html: string): string {
  let out = '';
  const lists: { ordered: boolean; next: number }[] = [];
  const spaced: boolean[] = [];
  // Just after a list label: the item's first paragraph continues its line.
  let afterLabel = false;
  const tag = /<(\/?)([a-z0-9]+)([^>]*?)(\/?)>|([^<]+)/gi;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    if (m[5] !== undefined) {
      const text = decode(m[5].replace(/\s+/g, ' '));
      if (text.trim()) afterLabel = false;
      out += text;
      continue;
    }
    const [, closing, rawName, attrs, selfClosing] = m;
    const name = rawName!.toLowerCase();
    if (name === 'ol' || name === 'ul') {
      if (closing) lists.pop();
      else lists.push({ ordered: name === 'ol', next: Number(attribute(attrs!, 'start') ?? 1) });
      out += '\n';
    } else if (name === 'li') {
      if (closing) continue;
      const list = lists[lists.length - 1];
      let label = '•';
      if (list?.ordered) {
        const value = Number(attribute(attrs!, 'value') ?? list.next);
        list.next = value + 1;
        label = `${value}.`;
      }
      out += `\n${label} `;
      afterLabel = true;
    } else if (BLOCK.test(name)) {
      if (!afterLabel) out += '\n';
    } else if (closing) {
      if (spaced.pop()) out += ' ';
    } else if (!selfClosing) {
      spaced.push(name === 'a' && /^#/.test(attribute(attrs!, 'href') ?? ''));
    }
  }
  return out
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** Read LibreOffice's HTML export of a document (the "HTML (StarWriter)" filter). */
export function readWriterHtml(html: string): DocxReading {
  const body = html.slice(Math.max(0, html.search(/<body[\s>]/i)));
  const tables = [...body.matchAll(/<table[\s>][\s\S]*?<\/table>/gi)].map((t) =>
    [...t[0].matchAll(/<tr[\s>][\s\S]*?<\/tr>/gi)].map((row) => [...row[0].matchAll(/<t[dh][\s>][\s\S]*?<\/t[dh]>/gi)].map((cell) => blockText(cell[0]).replace(/\n/g, ' '))),
  );
  const notes = [...body.matchAll(/<div id="sd(foot|end)note\d+">([\s\S]*?)<\/div>/gi)].map((m) => ({
    kind: m[1]!.toLowerCase() === 'foot' ? ('footnote' as const) : ('endnote' as const),
    text: blockText(m[2]!.replace(/<a [^>]*class="sd(foot|end)notesym"[^>]*>[\s\S]*?<\/a>/i, '')).replace(/\n/g, ' '),
  }));
  return { text: blockText(body), tables, notes };
}
