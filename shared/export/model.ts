/**
 * The export document model: one neutral description of the file, built once from a report and rendered by the
 * Word and the PDF writers. Notes are numbered, paragraphs numbered and annexes assembled here, so both formats
 * say the same thing.
 */
import type { TagKind } from './annex.ts';
import type { PriorRecommendation } from './input.ts';
import type { ExportOptions } from './options.ts';

export interface TextInline {
  kind: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  href?: string;
}

/** The reference mark of note `number` (1-based, continuous through the report). */
export interface NoteInline {
  kind: 'note';
  number: number;
}

export interface BreakInline {
  kind: 'break';
}

export type Inline = TextInline | NoteInline | BreakInline;

export interface HeadingBlock {
  kind: 'heading';
  /** 1 is a section title; headings inside a section keep their editor level (2 to 4). */
  level: 1 | 2 | 3 | 4;
  inlines: Inline[];
}

export interface ParagraphBlock {
  kind: 'paragraph';
  inlines: Inline[];
  /** The paragraph's number when paragraphs are numbered (only body paragraphs get one). */
  number?: number;
}

export interface ListBlock {
  kind: 'list';
  ordered: boolean;
  items: Block[][];
}

export interface TableCell {
  blocks: Block[];
  header: boolean;
  colspan: number;
  /** Rows the cell is merged down through, its own included. */
  rowspan: number;
}

export interface TableBlock {
  kind: 'table';
  rows: TableCell[][];
}

/** A block quote, or a recommendation (set apart with a border), or any other container: its blocks inside. */
export interface BoxBlock {
  kind: 'quote' | 'recommendation';
  blocks: Block[];
  /** A recommendation's "Addressed to" (who is to act on it), when the block names one. */
  addressee?: string;
}

/** The line a recommendation with an addressee starts with, in both formats: "Addressed to: …". */
export const ADDRESSED_TO = 'Addressed to';

export interface RuleBlock {
  kind: 'rule';
}

/** An image's bytes for export, PNG or JPEG (the two every writer takes), and its size in pixels. */
export interface ExportImage {
  bytes: Uint8Array;
  type: 'png' | 'jpg';
  width: number;
  height: number;
}

/** An image of the text (issue 12); `image` is null when its bytes could not be had (then its alt text is printed). */
export interface ImageBlock {
  kind: 'image';
  image: ExportImage | null;
  alt: string;
  decorative: boolean;
  caption: string;
  /** Percent of the text width. */
  widthPercent: number;
}

export type Block = HeadingBlock | ParagraphBlock | ListBlock | TableBlock | BoxBlock | RuleBlock | ImageBlock;

export interface Note {
  number: number;
  inlines: Inline[];
}

export interface ExportSection {
  id: string;
  title: string;
  blocks: Block[];
}

/** One label and value on the cover page, in the order shown. */
export interface CoverLine {
  label: string;
  value: string;
}

export interface TagAnnexRow {
  section: string;
  /** Labels of the section's tags by column (see TAG_COLUMNS in annex.ts). */
  tags: Record<TagKind, string[]>;
}

export interface ExportDocument {
  title: string;
  /** BCP 47 language of the text (the cover's, or read from the text); empty when unknown, and then the file claims none. */
  language: string;
  /** Lines under the title on the cover page. */
  cover: CoverLine[];
  /** "Word count: 5,210 of 5,630 (endnotes not counted)"; empty when nothing is known. */
  wordCountLine: string;
  sections: ExportSection[];
  notes: Note[];
  /** Rows of the tag annex; null when the annex is left out or no section has tags. */
  tagAnnex: TagAnnexRow[] | null;
  /** The earlier-recommendations matrix; null when left out or absent. */
  priorRecommendations: PriorRecommendation[] | null;
  options: ExportOptions;
  /** The marking printed in the header of every page of a confidential file; null for a public one. */
  confidentialMarking: string | null;
}

/** The header of every page of a report marked confidential, or exported for the committee only. */
export const CONFIDENTIAL_MARKING = 'CONFIDENTIAL: for the committee only, not for publication';

/** Called with a fraction from 0 to 1 as an export proceeds, for a progress bar. */
export type ProgressCallback = (fraction: number) => void;
