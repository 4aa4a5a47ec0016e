/** The link targets an exported file carries, read from the file itself: .docx relationships, PDF annotations. */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { tempDir } from './server.ts';

const run = promisify(execFile);
const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The external targets of every relationship part of a .docx (document, footnotes, endnotes, headers ...). */
export function relationshipTargets(docx: Uint8Array): string[] {
  const files = unzipSync(docx);
  const targets: string[] = [];
  for (const [name, bytes] of Object.entries(files)) {
    if (!name.endsWith('.rels')) continue;
    for (const m of strFromU8(bytes).matchAll(/<Relationship\b[^>]*>/g)) {
      if (!/TargetMode="External"/.test(m[0])) continue;
      const target = /Target="([^"]*)"/.exec(m[0]);
      if (target) targets.push(target[1]!.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => XML_ENTITIES[e]!));
    }
  }
  return targets;
}

/**
 * The link targets of a PDF as poppler reads its annotations (`pdftohtml -xml` writes each as an `<a href>`),
 * and, independently, every `/URI` entry in its bytes.
 */
export async function pdfLinks(pdf: Uint8Array): Promise<{ annotations: string[]; uris: string[]; uriEntries: number }> {
  const dir = tempDir('rightsdraft-links-');
  try {
    const file = path.join(dir, 'in.pdf');
    fs.writeFileSync(file, pdf);
    const { stdout } = await run('pdftohtml', ['-xml', '-i', '-stdout', '-q', file], { maxBuffer: 64 * 1024 * 1024 });
    const annotations = [...stdout.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]!.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => XML_ENTITIES[e]!));
    const raw = Buffer.from(pdf).toString('latin1');
    const uris = [...raw.matchAll(/\/URI\s*\(((?:\\.|[^\\)])*)\)/g)].map((m) => m[1]!.replace(/\\(.)/g, '$1'));
    const uriEntries = raw.match(/\/URI\s*[(<]/g)?.length ?? 0;
    return { annotations, uris, uriEntries };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
