import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import {
  ASSESSMENTS,
  deleteEarlierRecommendation,
  updateEarlierRecommendation,
  type EarlierRecommendation,
  type ImplementationAssessment,
  type RecommendationResponse,
} from '../../../../shared/report/earlierRecommendations.ts';
import { setSectionTag, type SectionInfo } from '../../../../shared/report/layout.ts';
import { useReportUiStore } from '../../stores/reportUiStore.ts';
import { SharedTextField } from '../treaty/SharedTextField.tsx';
import { TreatyIcon } from '../treaty/TreatyIcon.tsx';
import { useTreatyUiStore } from '../treaty/treatyUiStore.ts';
import { earlierLabel } from './earlierLabel.ts';

/** The message key of each assessment's label. */
export const ASSESSMENT_LABELS: Record<ImplementationAssessment, string> = {
  implemented: 'editing.earlierCard.implemented',
  'partially-implemented': 'editing.earlierCard.partiallyImplemented',
  'not-implemented': 'editing.earlierCard.notImplemented',
};

/** One earlier recommendation: its text, the State's response, the coalition's assessment, and where it is cited. */
export function EarlierRecommendationCard({ doc, rec, sections, canEdit }: { doc: Y.Doc; rec: EarlierRecommendation; sections: SectionInfo[]; canEdit: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const selectSection = useReportUiStore((s) => s.selectSection);
  const setView = useTreatyUiStore((s) => s.setView);
  const citedIn = sections.filter((s) => s.tags.includes(rec.id));
  const notCiting = sections.filter((s) => !s.tags.includes(rec.id));
  const [citeTarget, setCiteTarget] = useState('');
  const update = (patch: Parameters<typeof updateEarlierRecommendation>[2]) => updateEarlierRecommendation(doc, rec.id, patch);
  return (
    <li className={`earlier-card earlier-card--${rec.assessment ?? 'unassessed'}`} data-testid="earlier-recommendation" data-rec-id={rec.id}>
      <div className="earlier-card__head">
        <h3 className="earlier-card__title">{earlierLabel(rec)}</h3>
        <span className={`response response--${rec.response ?? 'unknown'}`}>{rec.response ? (rec.response === 'supported' ? t('editing.response.supported') : t('editing.response.noted')) : t('editing.earlierCard.responseNotKnown')}</span>
      </div>
      <p className="earlier-card__text">{rec.text}</p>

      <div className="earlier-card__grid">
        <div className="field">
          <label htmlFor={`${id}-response`}>{t('editing.response.stateResponse')}</label>
          <select
            id={`${id}-response`}
            className="input select"
            value={rec.response ?? ''}
            disabled={!canEdit}
            onChange={(e) => update({ response: (e.target.value || null) as RecommendationResponse | null })}
          >
            <option value="">{t('editing.response.unknown')}</option>
            <option value="supported">{t('editing.response.supported')}</option>
            <option value="noted">{t('editing.response.noted')}</option>
          </select>
        </div>
        <fieldset className="fieldset earlier-card__assessment">
          <legend>{t('editing.earlierCard.implementation')}</legend>
          <div className="segmented">
            {ASSESSMENTS.map((a) => (
              <label key={a} className={`segmented__option segmented__option--${a}${rec.assessment === a ? ' segmented__option--on' : ''}`}>
                <input type="radio" name={`${id}-assessment`} value={a} checked={rec.assessment === a} disabled={!canEdit} onChange={() => update({ assessment: a })} />
                {t(ASSESSMENT_LABELS[a])}
              </label>
            ))}
          </div>
          {rec.assessment === null ? (
            <p className="field__missing">{t('editing.earlierCard.notAssessed')}</p>
          ) : (
            canEdit && (
              <button type="button" className="button button--ghost button--small" onClick={() => update({ assessment: null })}>
                {t('editing.earlierCard.clearAssessment')}
              </button>
            )
          )}
        </fieldset>
        <div className="field earlier-card__comment">
          <label htmlFor={`${id}-comment`}>{t('editing.earlierCard.comment')}</label>
          <SharedTextField
            id={`${id}-comment`}
            multiline
            rows={2}
            value={rec.comment}
            readOnly={!canEdit}
            placeholder={t('editing.earlierCard.commentPlaceholder')}
            onCommit={(comment) => update({ comment })}
          />
        </div>
      </div>

      <div className="earlier-card__cite">
        <span className="muted">{t('editing.earlierCard.citedIn')}</span>
        {citedIn.length === 0 && <span className="muted">{t('editing.earlierCard.noSection')}</span>}
        {citedIn.map((s) => (
          <button
            key={s.id}
            type="button"
            className="section-link"
            onClick={() => {
              selectSection(s.id);
              setView('sections');
            }}
          >
            {s.title || t('outline.untitled')}
          </button>
        ))}
        {canEdit && notCiting.length > 0 && (
          <span className="inline-fields earlier-card__cite-form">
            <label className="visually-hidden" htmlFor={`${id}-cite`}>
              {t('editing.earlierCard.citeLabel', { label: earlierLabel(rec) })}
            </label>
            <select id={`${id}-cite`} className="input select" value={citeTarget} onChange={(e) => setCiteTarget(e.target.value)}>
              <option value="">{t('editing.earlierCard.citeIn')}</option>
              {notCiting.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title || t('outline.untitled')}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button button--small"
              disabled={!citeTarget}
              onClick={() => {
                setSectionTag(doc, citeTarget, rec.id, true);
                setCiteTarget('');
              }}
            >
              <TreatyIcon name="tag" size={16} /> {t('editing.earlierCard.cite')}
            </button>
          </span>
        )}
        {canEdit && (
          <button
            type="button"
            className="button button--ghost button--small earlier-card__delete"
            onClick={() => {
              if (citedIn.length === 0 || window.confirm(t('editing.earlierCard.confirmDelete', { label: earlierLabel(rec) }))) {
                deleteEarlierRecommendation(doc, rec.id);
              }
            }}
          >
            {t('editing.earlierCard.delete')}
          </button>
        )}
      </div>
    </li>
  );
}
