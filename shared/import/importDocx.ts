/**
 * Import a .docx (from Word or LibreOffice) as report sections: paragraphs, headings, lists, tables, links, quotes
 * and footnotes or endnotes (both become footnote nodes), pictures as image blocks waiting for their bytes (`media`;
 * see importedImages.ts), and what cannot come counted in `skipped`. Runs in the
 * browser and on the server alike.
 */
import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { fragmentToJson, type PmNode } from '../report/content.ts';
import { addSection, getSectionBody } from '../report/layout.ts';
import { editorExtensions } from '../schema/extensions.ts';
import { bodyItems, type BodyContext } from './docxBody.ts';
import { noteInlines, type SkippedContent } from './docxInlines.ts';
import { readImageRels, readNumbering, readRels, readStyles } from './docxStyles.ts';
import { importedImageRefs } from './importedImages.ts';
import { ImportError } from './ImportError.ts';
import { splitSections, type ImportedSection, type SplitResult } from './sections.ts';
import { DEFAULT_IMPORT_LIMITS, unzipDocx, type ImportLimits } from './unzipDocx.ts';
import { child, childrenNamed, parseXml, type XNode } from './xml.ts';

export interface ImportOptions {
  /** Headings of this level (1 = Heading 1) or above start a new section. */
  headingLevel?: number;
  limits?: ImportLimits;
}

function parsePart(text: string | undefined, name: string): XNode | null {
  return text === undefined ? null : parseXml(text, name);
}

/** Footnote or endnote paragraphs by id, separators left out. */
function notesById(root: XNode | null, kind: 'footnote' | 'endnote'): Map<string, XNode[]> {
  const out = new Map<string, XNode[]>();
  for (const note of childrenNamed(child(root ?? undefined, `${kind}s`), kind)) {
    if (note.attrs.type && note.attrs.type !== 'normal') continue;
    if (note.attrs.id) out.set(note.attrs.id, childrenNamed(note, 'p'));
  }
  return out;
}

export function parseDocx(bytes: Uint8Array, options: ImportOptions = {}): SplitResult {
  const parts = unzipDocx(bytes, options.limits ?? DEFAULT_IMPORT_LIMITS);
  const document = parseXml(parts.document, 'word/document.xml');
  const body = child(child(document, 'document'), 'body');
  if (!body) throw new ImportError('not_a_document', 'word/document.xml has no body: this is not a Word document.');
  const footnotes = notesById(parsePart(parts.footnotes, 'word/footnotes.xml'), 'footnote');
  const endnotes = notesById(parsePart(parts.endnotes, 'word/endnotes.xml'), 'endnote');
  const footnoteRels = readRels(parsePart(parts.footnotesRels, 'word/_rels/footnotes.xml.rels'));
  const endnoteRels = readRels(parsePart(parts.endnotesRels, 'word/_rels/endnotes.xml.rels'));
  const skipped: SkippedContent = { images: 0 };
  const documentRels = parsePart(parts.documentRels, 'word/_rels/document.xml.rels');
  const ctx: BodyContext = {
    rels: readRels(documentRels),
    images: readImageRels(documentRels),
    styles: readStyles(parsePart(parts.styles, 'word/styles.xml')),
    numbering: readNumbering(parsePart(parts.numbering, 'word/numbering.xml')),
    note: (kind, id) => {
      const paragraphs = (kind === 'footnote' ? footnotes : endnotes).get(id) ?? [];
      return noteInlines(paragraphs, { rels: kind === 'footnote' ? footnoteRels : endnoteRels, note: null, skipped });
    },
    skipped,
  };
  const level = Math.max(1, Math.min(9, Math.floor(options.headingLevel ?? 1)));
  const split = splitSections(bodyItems(body, ctx), level);
  const media: Record<string, Uint8Array> = {};
  for (const ref of importedImageRefs(split.sections)) if (parts.media[ref]) media[ref] = parts.media[ref];
  return { ...split, skipped, media };
}

let schema: Schema | null = null;

function editorSchema(): Schema {
  schema ??= getSchema(editorExtensions());
  return schema;
}

/** Check content against the editor schema, so nothing the editor would delete reaches the document. */
function checked(content: PmNode): PmNode {
  editorSchema().nodeFromJSON(content).check();
  return content;
}

/** Add the imported sections at the end of the report (or after section `after`), in one transaction. */
export function writeImportedSections(doc: Y.Doc, sections: ImportedSection[], options: { after?: string | null; origin?: unknown } = {}): string[] {
  const ids: string[] = [];
  doc.transact(() => {
    let after = options.after ?? null;
    for (const section of sections) {
      const id = addSection(doc, { title: section.title, after }, options.origin);
      const body = getSectionBody(doc, id)!;
      if (section.content.content?.length) prosemirrorJSONToYXmlFragment(editorSchema(), checked(section.content), body);
      ids.push(id);
      after = id;
    }
  }, options.origin);
  return ids;
}

/**
 * Append imported content to the end of an existing section: each imported section's title becomes a level-2
 * heading. The text already there is kept as it is (the binding diffs, so it only adds).
 */
export function importIntoSection(doc: Y.Doc, sectionId: string, sections: ImportedSection[], origin?: unknown): void {
  const body = getSectionBody(doc, sectionId);
  if (!body) return;
  const existing = fragmentToJson(body).content ?? [];
  const added = sections.flatMap((s) => [
    ...(s.title ? [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: s.title }] }] : []),
    ...(s.content.content ?? []),
  ]);
  const content = checked({ type: 'doc', content: [...existing, ...added] });
  doc.transact(() => prosemirrorJSONToYXmlFragment(editorSchema(), content, body), origin);
}

export { ImportError, type ImportedSection, type SplitResult, type ImportLimits, DEFAULT_IMPORT_LIMITS };
