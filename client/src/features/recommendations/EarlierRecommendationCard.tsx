import { useId, useState } from 'react';
import type * as Y from 'yjs';
import {
  ASSESSMENTS,
  deleteEarlierRecommendation,
  earlierRecommendationLabel,
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

export const ASSESSMENT_LABELS: Record<ImplementationAssessment, string> = {
  implemented: 'Implemented',
  'partially-implemented': 'Partially implemented',
  'not-implemented': 'Not implemented',
};

/** One earlier recommendation: its text, the State's response, the coalition's assessment, and where it is cited. */
export function EarlierRecommendationCard({ doc, rec, sections, canEdit }: { doc: Y.Doc; rec: EarlierRecommendation; sections: SectionInfo[]; canEdit: boolean }) {
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
        <h3 className="earlier-card__title">{earlierRecommendationLabel(rec)}</h3>
        <span className={`response response--${rec.response ?? 'unknown'}`}>{rec.response ? (rec.response === 'supported' ? 'Supported' : 'Noted') : 'Response not known'}</span>
      </div>
      <p className="earlier-card__text">{rec.text}</p>

      <div className="earlier-card__grid">
        <div className="field">
          <label htmlFor={`${id}-response`}>State’s response</label>
          <select
            id={`${id}-response`}
            className="input select"
            value={rec.response ?? ''}
            disabled={!canEdit}
            onChange={(e) => update({ response: (e.target.value || null) as RecommendationResponse | null })}
          >
            <option value="">Not known</option>
            <option value="supported">Supported</option>
            <option value="noted">Noted</option>
          </select>
        </div>
        <fieldset className="fieldset earlier-card__assessment">
          <legend>Implementation</legend>
          <div className="segmented">
            {ASSESSMENTS.map((a) => (
              <label key={a} className={`segmented__option segmented__option--${a}${rec.assessment === a ? ' segmented__option--on' : ''}`}>
                <input type="radio" name={`${id}-assessment`} value={a} checked={rec.assessment === a} disabled={!canEdit} onChange={() => update({ assessment: a })} />
                {ASSESSMENT_LABELS[a]}
              </label>
            ))}
          </div>
          {rec.assessment === null ? (
            <p className="field__missing">Not assessed yet.</p>
          ) : (
            canEdit && (
              <button type="button" className="button button--ghost button--small" onClick={() => update({ assessment: null })}>
                Clear the assessment
              </button>
            )
          )}
        </fieldset>
        <div className="field earlier-card__comment">
          <label htmlFor={`${id}-comment`}>Comment on implementation</label>
          <SharedTextField
            id={`${id}-comment`}
            multiline
            rows={2}
            value={rec.comment}
            readOnly={!canEdit}
            placeholder="What the State did or did not do, with sources"
            onCommit={(comment) => update({ comment })}
          />
        </div>
      </div>

      <div className="earlier-card__cite">
        <span className="muted">Cited in:</span>
        {citedIn.length === 0 && <span className="muted">no section yet</span>}
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
            {s.title || 'Untitled section'}
          </button>
        ))}
        {canEdit && notCiting.length > 0 && (
          <span className="inline-fields earlier-card__cite-form">
            <label className="visually-hidden" htmlFor={`${id}-cite`}>
              Section to cite {earlierRecommendationLabel(rec)} in
            </label>
            <select id={`${id}-cite`} className="input select" value={citeTarget} onChange={(e) => setCiteTarget(e.target.value)}>
              <option value="">Cite in a section…</option>
              {notCiting.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title || 'Untitled section'}
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
              <TreatyIcon name="tag" size={16} /> Cite
            </button>
          </span>
        )}
        {canEdit && (
          <button
            type="button"
            className="button button--ghost button--small earlier-card__delete"
            onClick={() => {
              if (citedIn.length === 0 || window.confirm(`Sections cite ${earlierRecommendationLabel(rec)}. Their tags stay, shown as unknown. Delete it?`)) {
                deleteEarlierRecommendation(doc, rec.id);
              }
            }}
          >
            Delete
          </button>
        )}
      </div>
    </li>
  );
}
