/**
 * How the interface names an earlier recommendation: "A/HRC/46/15 para. 26.45 (Germany)", cited as UN documents do
 * in the interface language ("par." in French, "párr." in Spanish...). The shared earlierRecommendationLabel keeps the
 * English form for exports and the server.
 */
import type { EarlierRecommendation } from '../../../../shared/report/earlierRecommendations.ts';
import { text } from '../../app/text.ts';

export function earlierLabel(rec: Pick<EarlierRecommendation, 'symbol' | 'paragraph' | 'recommendedBy'>): string {
  const values = { symbol: rec.symbol, paragraph: rec.paragraph };
  return rec.recommendedBy.length > 0
    ? text('citations.earlierRecommendationBy', { ...values, states: rec.recommendedBy.join(', ') })
    : text('citations.earlierRecommendation', values);
}
