/**
 * The paragraph styles exported Word files use, by id and by name. The importer recognises them either way: Word
 * keeps the ids, LibreOffice saves a file again with ids made from the names ("Cover Line" becomes CoverLine), and
 * a re-imported export must still leave out its cover and annexes and not turn numbered paragraphs into a list.
 * No dependency on the docx package, so the importer (which runs in the browser too) can read it.
 */
export const EXPORT_STYLES = {
  numberedParagraph: { id: 'RDNumberedParagraph', name: 'Numbered Paragraph' },
  quote: { id: 'RDQuote', name: 'Block Quote' },
  recommendation: { id: 'RDRecommendation', name: 'Recommendation' },
  cover: { id: 'RDCover', name: 'Cover Line' },
  /** Paragraphs of header cells: bold by style, so the text itself carries no bold mark on re-import. */
  tableHeader: { id: 'RDTableHeader', name: 'Table Header' },
  /** Annex titles: everything from the first one on is generated, and import stops there. */
  annexHeading: { id: 'RDAnnexHeading', name: 'Annex Heading' },
} as const;

export type ExportStyle = keyof typeof EXPORT_STYLES;

/** Whether a paragraph's style (its id, and its name as the importer reads it, lower case) is this export style. */
export function isExportStyle(style: ExportStyle, styleId: string | null, styleName: string): boolean {
  const s = EXPORT_STYLES[style];
  return styleId === s.id || styleName === s.name.toLowerCase();
}
