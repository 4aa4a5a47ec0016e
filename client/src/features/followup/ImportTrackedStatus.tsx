/**
 * In a report's earlier-recommendations view: offer the follow-up tracker's recommendations for the report's
 * State and mechanism, with their logged status, as earlier recommendations (assessment and comment filled only
 * where the report has none). Shows nothing when the tracker holds none for this report (or is out of reach).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { importTrackedStatus } from '../../../../shared/followup/toEarlier.ts';
import { getReportMeta } from '../../../../shared/report/layout.ts';
import { useDocValue } from '../treaty/useDocValue.ts';
import { fetchTracker, type TrackedItem } from './followUpApi.ts';
import './followup.css';

export function ImportTrackedStatus({ doc }: { doc: Y.Doc }) {
  const { t } = useTranslation();
  const meta = useDocValue(doc, (d) => {
    const m = getReportMeta(d);
    return `${m.mechanism}\u0000${m.stateUnderReview}`;
  });
  const [mechanism, state] = meta.split('\u0000') as [string, string];
  const [items, setItems] = useState<TrackedItem[]>([]);
  const [done, setDone] = useState<number | null>(null);
  useEffect(() => {
    fetchTracker().then(setItems, () => setItems([]));
  }, []);
  const matching = items.filter((i) => i.mechanism === mechanism && i.state.trim().toLowerCase() === state.trim().toLowerCase() && i.documentSymbol);
  if (matching.length === 0) return null;
  return (
    <div className="earlier__tracked" data-testid="import-tracked">
      <p>
        {matching.some((i) => i.log.length > 0)
          ? t('followup.trackerHoldsLogged', { count: matching.length, mechanism, state })
          : t('followup.trackerHolds', { count: matching.length, mechanism, state })}
      </p>
      <button type="button" className="button" onClick={() => setDone(importTrackedStatus(doc, matching))}>
        {t('followup.importTracked')}
      </button>
      {done !== null && (
        <p role="status" className="muted">
          {t('followup.imported', { count: done })}
        </p>
      )}
    </div>
  );
}
