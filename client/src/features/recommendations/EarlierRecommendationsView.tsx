/**
 * The recommendations the State received before (previous UPR cycle or concluding observations): paste them
 * from the report (problems shown before anything is added), add one by hand, record the State's response,
 * assess their implementation with a comment, and cite them from sections as tags (REC:symbol:paragraph).
 */
import { Trans, useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
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
          {upr ? t('editing.earlierView.titleUpr') : t('editing.earlierView.title')}
        </h2>
        <p className="muted">
          {upr ? t('editing.earlierView.introUpr') : t('editing.earlierView.intro')} {t('editing.earlierView.citeHint')}
        </p>
        {list.length > 0 && (
          <p className="earlier__summary" role="status">
            <Trans
              i18nKey="editing.earlierView.summary"
              values={{ entered: list.length, assessed, supported: count((r) => r.response === 'supported'), noted: count((r) => r.response === 'noted') }}
              components={{ strong: <strong /> }}
            />
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
        !canEdit && <p className="muted">{t('editing.earlierView.none')}</p>
      )}
    </section>
  );
}
