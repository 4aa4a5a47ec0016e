/**
 * A pasted text to tracked recommendations: treaty bodies' concluding observations (numbered paragraphs, with
 * follow-up dates) or a UPR Working Group report's recommendation list. The browser previews with this, and the
 * server imports with it, so both read a paste alike.
 */
import { isMechanism } from '../api/mechanisms.ts';
import { parseUprRecommendations } from '../recommendations/parseUprList.ts';
import { parseConcludingObservations } from './parseConcludingObservations.ts';

export type PasteFormat = 'treaty-body' | 'upr';

export interface PastedRecommendation {
  paragraph: string;
  topic: string;
  text: string;
  followUpDue: string | null;
}

export interface PastedList {
  mechanism: string;
  documentSymbol: string;
  recommendations: PastedRecommendation[];
  problems: string[];
}

export function readPaste(text: string, format: PasteFormat, options: { adoptedOn?: string | null; documentSymbol?: string; mechanism?: string } = {}): PastedList {
  if (format === 'upr') {
    const parsed = parseUprRecommendations(text);
    return {
      mechanism: 'UPR',
      documentSymbol: options.documentSymbol || parsed.symbol || '',
      recommendations: parsed.recommendations.map((r) => ({
        paragraph: r.paragraph,
        topic: '',
        text: r.recommendedBy.length > 0 ? `${r.text} (${r.recommendedBy.join(', ')})` : r.text,
        followUpDue: null,
      })),
      problems: parsed.problems.map((p) => `Line ${p.line}: ${p.message}`),
    };
  }
  const parsed = parseConcludingObservations(text, { adoptedOn: options.adoptedOn ?? null });
  return {
    mechanism: parsed.mechanism ?? (isMechanism(options.mechanism) ? options.mechanism : ''),
    documentSymbol: options.documentSymbol || parsed.symbol || '',
    recommendations: parsed.recommendations.map((r) => ({ paragraph: r.paragraph, topic: r.topic, text: r.text, followUpDue: r.followUpDue })),
    problems: parsed.problems,
  };
}
