/** Styles, list definitions and page setup of exported Word files. */
import { EXPORT_STYLES } from './styleIds.ts';
import { AlignmentType, BorderStyle, LevelFormat, LineRuleType, type INumberingOptions, type IStylesOptions } from 'docx';

/** Style ids of exported files (names and ids in styleIds.ts, which the importer reads too). */
export const STYLE_IDS = Object.fromEntries(Object.entries(EXPORT_STYLES).map(([key, style]) => [key, style.id])) as {
  [K in keyof typeof EXPORT_STYLES]: (typeof EXPORT_STYLES)[K]['id'];
};

export const NUMBERING_REFS = {
  paragraphs: 'rd-paragraphs',
  bullets: 'rd-bullets',
  ordered: 'rd-ordered',
} as const;

/** A4 in twentieths of a point, with 2.5 cm margins. */
export const PAGE = { width: 11906, height: 16838, margin: 1418 } as const;

const INDENT_STEP = 567; // 1 cm

export function docxStyles(language: string): IStylesOptions {
  return {
    default: {
      document: {
        run: { font: 'Calibri', size: 22, ...(language ? { language: { value: language, eastAsia: 'zh-CN', bidirectional: 'ar-SA' } } : {}) },
        // Without an explicit rule LibreOffice reads the line height as exact, and a large title overprints itself.
        paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } },
      },
    },
    paragraphStyles: [
      {
        id: STYLE_IDS.numberedParagraph,
        name: EXPORT_STYLES.numberedParagraph.name,
        basedOn: 'Normal',
        quickFormat: true,
        paragraph: { alignment: AlignmentType.JUSTIFIED },
      },
      {
        id: STYLE_IDS.quote,
        name: EXPORT_STYLES.quote.name,
        basedOn: 'Normal',
        run: { italics: true },
        paragraph: { indent: { left: INDENT_STEP, right: INDENT_STEP } },
      },
      {
        id: STYLE_IDS.recommendation,
        name: EXPORT_STYLES.recommendation.name,
        basedOn: 'Normal',
        run: { bold: true },
        paragraph: {
          indent: { left: 227, right: 227 },
          border: {
            left: { style: BorderStyle.SINGLE, size: 18, color: '1F4E79', space: 8 },
            top: { style: BorderStyle.SINGLE, size: 4, color: '9DC3E6', space: 4 },
            bottom: { style: BorderStyle.SINGLE, size: 4, color: '9DC3E6', space: 4 },
            right: { style: BorderStyle.SINGLE, size: 4, color: '9DC3E6', space: 4 },
          },
          shading: { fill: 'EAF2FA' },
        },
      },
      { id: STYLE_IDS.tableHeader, name: EXPORT_STYLES.tableHeader.name, basedOn: 'Normal', run: { bold: true } },
      { id: STYLE_IDS.cover, name: EXPORT_STYLES.cover.name, basedOn: 'Normal', paragraph: { spacing: { after: 160 } } },
      { id: STYLE_IDS.annexHeading, name: EXPORT_STYLES.annexHeading.name, basedOn: 'Heading1', next: 'Normal', paragraph: { outlineLevel: 0 } },
    ],
  };
}

function listLevels(format: (typeof LevelFormat)[keyof typeof LevelFormat], text: (level: number) => string) {
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format,
    text: text(level),
    alignment: AlignmentType.START,
    style: { paragraph: { indent: { left: INDENT_STEP * (level + 1), hanging: 360 } } },
  }));
}

export function docxNumbering(): INumberingOptions {
  return {
    config: [
      {
        reference: NUMBERING_REFS.paragraphs,
        levels: [
          {
            level: 0,
            format: LevelFormat.DECIMAL,
            text: '%1.',
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: INDENT_STEP, hanging: INDENT_STEP } } },
          },
        ],
      },
      { reference: NUMBERING_REFS.bullets, levels: listLevels(LevelFormat.BULLET, (l) => ['•', '◦', '▪'][l % 3]!) },
      { reference: NUMBERING_REFS.ordered, levels: listLevels(LevelFormat.DECIMAL, (l) => `%${l + 1}.`) },
    ],
  };
}
