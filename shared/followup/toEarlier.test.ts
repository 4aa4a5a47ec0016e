import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { listEarlierRecommendations, updateEarlierRecommendation } from '../report/earlierRecommendations.ts';
import { importTrackedStatus } from './toEarlier.ts';
import type { FollowUpItemWithLog, FollowUpLogEntry } from './types.ts';

const entry = (place: string, status: FollowUpLogEntry['status'], observedOn: string, note = ''): FollowUpLogEntry => ({
  id: `${place}-${observedOn}`, itemId: 'i1', place, status, note, evidenceUrl: null, observedOn, authorId: 'u', authorName: 'Ana', createdAt: `${observedOn}T10:00:00Z`,
});

const item = (log: FollowUpLogEntry[]): FollowUpItemWithLog => ({
  id: 'i1', coalitionId: null, ownerUserId: 'u', state: 'Freedonia', mechanism: 'CERD', documentSymbol: 'CERD/C/FRE/CO/10-12', paragraph: '21',
  topic: 'Racial profiling', text: 'Prohibit racial profiling.', followUpDue: '2023-08-30', createdByName: 'Ana', createdAt: '2023-01-01T00:00:00Z', log,
});

describe('tracked status into the earlier-recommendations matrix', () => {
  it('assesses from the weakest place and lists the latest evidence of each place', () => {
    const doc = new Y.Doc();
    importTrackedStatus(doc, [item([entry('Springfield', 'in progress', '2024-01-10'), entry('Springfield', 'implemented', '2024-06-01', 'Ordinance adopted'), entry('Shelbyville', 'partly implemented', '2024-05-01')])]);
    const [rec] = listEarlierRecommendations(doc);
    expect(rec).toMatchObject({ symbol: 'CERD/C/FRE/CO/10-12', paragraph: '21', assessment: 'partially-implemented' });
    expect(rec!.comment).toBe('Shelbyville (2024-05-01): partly implemented\nSpringfield (2024-06-01): implemented - Ordinance adopted');
  });

  it("never overwrites the report's own assessment", () => {
    const doc = new Y.Doc();
    importTrackedStatus(doc, [item([])]);
    const [rec] = listEarlierRecommendations(doc);
    updateEarlierRecommendation(doc, rec!.id, { assessment: 'implemented', comment: 'Our view' });
    importTrackedStatus(doc, [item([entry('', 'regressed', '2024-02-02')])]);
    expect(listEarlierRecommendations(doc)[0]).toMatchObject({ assessment: 'implemented', comment: 'Our view' });
  });
});
