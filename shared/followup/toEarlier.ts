/**
 * The tracker's log feeding the next report's earlier-recommendations matrix: each tracked recommendation of the
 * State becomes (or refreshes) an earlier recommendation, assessed from the latest status (the State as a whole
 * when logged, else the weakest place), with the latest evidence per place as the comment. The coalition's own
 * assessment in the report is only filled where it has none, so an import never overwrites what a writer decided.
 */
import * as Y from 'yjs';
import { addEarlierRecommendations, getEarlierRecommendation, updateEarlierRecommendation, type ImplementationAssessment } from '../report/earlierRecommendations.ts';
import { statusByPlace, WHOLE_STATE, type FollowUpItemWithLog, type FollowUpLogEntry, type FollowUpStatus } from './types.ts';

const ASSESSMENT: Record<FollowUpStatus, ImplementationAssessment> = {
  implemented: 'implemented',
  'partly implemented': 'partially-implemented',
  'in progress': 'not-implemented',
  'no action': 'not-implemented',
  regressed: 'not-implemented',
};
const RANK: Record<FollowUpStatus, number> = { regressed: 0, 'no action': 1, 'in progress': 2, 'partly implemented': 3, implemented: 4 };

export interface TrackedAssessment {
  assessment: ImplementationAssessment | null;
  comment: string;
}

export function trackedAssessment(log: FollowUpLogEntry[]): TrackedAssessment {
  const latest = [...statusByPlace(log).values()];
  if (latest.length === 0) return { assessment: null, comment: '' };
  const overall = latest.find((e) => e.place === WHOLE_STATE) ?? latest.reduce((a, b) => (RANK[b.status] < RANK[a.status] ? b : a));
  const comment = latest
    .sort((a, b) => a.place.localeCompare(b.place))
    .map((e) => `${e.place || 'Whole State'} (${e.observedOn}): ${e.status}${e.note ? ` - ${e.note}` : ''}`)
    .join('\n');
  return { assessment: ASSESSMENT[overall.status], comment };
}

/** Write the tracked recommendations into the report's matrix; returns how many entries were written. */
export function importTrackedStatus(doc: Y.Doc, items: FollowUpItemWithLog[], origin?: unknown): number {
  let written = 0;
  doc.transact(() => {
    for (const item of items) {
      if (!item.documentSymbol) continue;
      const { ids } = addEarlierRecommendations(doc, [{ symbol: item.documentSymbol, paragraph: item.paragraph, text: item.text, recommendedBy: [item.mechanism] }], origin);
      const id = ids[0];
      if (!id) continue;
      const tracked = trackedAssessment(item.log);
      const current = getEarlierRecommendation(doc, id);
      updateEarlierRecommendation(
        doc,
        id,
        {
          ...(current?.assessment ? {} : { assessment: tracked.assessment }),
          ...(current?.comment ? {} : { comment: tracked.comment }),
        },
        origin,
      );
      written++;
    }
  }, origin);
  return written;
}
