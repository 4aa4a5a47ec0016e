/**
 * The recommendations the State received before (previous UPR cycle or concluding observations): paste them
 * from the report (problems shown before anything is added), add one by hand, record the State's response,
 * assess their implementation with a comment, and cite them from sections as tags (REC:symbol:paragraph).
 */
import type * as Y from 'yjs';
import { getReportMeta } from '../../../../shared/report/layout.ts';
import { useDocValue } from '../treaty/useDocValue.ts';
import { AddEarlierRecommendation } from './AddEarlierRecommendation.tsx';
import { EarlierRecommendationCard } from './EarlierRecommendationCard.tsx';
import { PasteRecommendations } from './PasteRecommendations.tsx';
import { useEarlierRecommendations } from './useEarlierRecommendations.ts';
import { useOutline } from '../outline/useOutline.ts';
import './recommendations.css';
import { ImportTrackedStatus } from '../followup/ImportTrackedStatus.tsx';

export function EarlierRecommendationsView({ doc, canEdit }: { doc: Y.Doc; canEdit: boolean }) {
  const list = useEarlierRecommendations(doc);
  const sections = useOutline(doc);
  const mechanism = useDocValue(doc, (d) => getReportMeta(d).mechanism);
  const upr = mechanism === 'UPR';
  const assessed = list.filter((r) => r.assessment !== null).length;
  const count = (f: (r: (typeof list)[number]) => boolean) => list.filter(f).length;
  return (
    <section className="treaty-view earlier" aria-labelledby="earlier-title" data-testid="earlier-view">
      <header className="treaty-view__head">
        <h2 id="earlier-title" className="treaty-view__title">
          {upr ? 'Recommendations of the previous cycle' : 'Earlier recommendations'}
        </h2>
        <p className="muted">
          {upr
            ? 'OHCHR asks stakeholders to focus on how the State implemented the recommendations of the previous review.'
            : 'The committee’s previous concluding observations, to follow up on.'}{' '}
          Cite one from a section by typing its paragraph number in the section’s tag field.
        </p>
        {list.length > 0 && (
          <p className="earlier__summary" role="status">
            <strong>{list.length}</strong> entered · <strong>{assessed}</strong> assessed · {count((r) => r.response === 'supported')} supported,{' '}
            {count((r) => r.response === 'noted')} noted
          </p>
        )}
      </header>
      {canEdit && <PasteRecommendations doc={doc} existing={list} startOpen={list.length === 0 && upr} />}
      {canEdit && <AddEarlierRecommendation doc={doc} upr={upr} />}
      {canEdit && <ImportTrackedStatus doc={doc} />}
      {list.length > 0 ? (
        <ol className="earlier__list">
          {list.map((rec) => (
            <EarlierRecommendationCard key={rec.id} doc={doc} rec={rec} sections={sections} canEdit={canEdit} />
          ))}
        </ol>
      ) : (
        !canEdit && <p className="muted">No earlier recommendations have been entered.</p>
      )}
    </section>
  );
}
