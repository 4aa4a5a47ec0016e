/**
 * The cover information of the submission: session, contact, deadline, period covered, language, submission type,
 * public or confidential, the submitting organisations, paragraph numbering and the report's own word limit. Every field is its own key
 * in the report map (and the organisations a Y.Array), so co-authors filling in different fields all keep them.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { getCoverFields, setCoverFields, type Confidentiality, type SubmissionType } from '../../../../shared/report/coverFields.ts';
import { getReportMeta } from '../../../../shared/report/layout.ts';
import { wordLimitFor } from '../../../../shared/submission/wordLimits.ts';
import { Tooltip } from '../../ui/Tooltip.tsx';
import { SharedTextField } from '../treaty/SharedTextField.tsx';
import { TreatyIcon } from '../treaty/TreatyIcon.tsx';
import { useDocValue } from '../treaty/useDocValue.ts';
import { LimitSource } from './LimitSource.tsx';
import { OrganisationList, type SignOnControls } from './OrganisationList.tsx';
import { useSignOnControls } from './useSignOnControls.ts';
import './submission.css';
import { DeadlineTimeNote } from '../deadlines/DeadlineTimeNote.tsx';

/** The six official languages of the United Nations. */
const LANGUAGES: [string, string][] = [
  ['en', 'English'],
  ['fr', 'French'],
  ['es', 'Spanish'],
  ['ar', 'Arabic'],
  ['zh', 'Chinese'],
  ['ru', 'Russian'],
];

const readCover = (doc: Y.Doc) => ({ ...getCoverFields(doc), mechanism: getReportMeta(doc).mechanism });

export function CoverForm({ doc, canEdit }: { doc: Y.Doc; canEdit: boolean }) {
  const cover = useDocValue(doc, readCover);
  const tableLimit = wordLimitFor(cover.mechanism, cover.submissionType, null);
  const disabled = !canEdit;
  const signOn: SignOnControls = useSignOnControls(doc, canEdit);
  // A coalition of several organisations submits jointly: set when no type was chosen (a choice made stays).
  const coalitionOrganisations = signOn.signOn?.coalitionOrganisations?.length ?? 0;
  useEffect(() => {
    if (canEdit && cover.submissionType === null && coalitionOrganisations > 1) setCoverFields(doc, { submissionType: 'joint' });
  }, [doc, canEdit, cover.submissionType, coalitionOrganisations]);
  return (
    <section className="treaty-view cover-form" aria-labelledby="cover-title">
      <header className="treaty-view__head">
        <h2 id="cover-title" className="treaty-view__title">
          Cover information
        </h2>
        <p className="muted">What the cover page and the formal checks need. Changes are saved as you leave each field.</p>
      </header>

      <div className="form cover-form__grid">
        <div className="field">
          <label htmlFor="cover-session">Session or cycle</label>
          <SharedTextField
            id="cover-session"
            value={cover.session}
            readOnly={disabled}
            placeholder={cover.mechanism === 'UPR' ? 'e.g. UPR 4th cycle, 48th session' : `e.g. ${cover.mechanism} 112th session`}
            maxLength={200}
            onCommit={(session) => setCoverFields(doc, { session })}
          />
        </div>
        <div className="field">
          <label htmlFor="cover-contact">Contact person</label>
          <SharedTextField
            id="cover-contact"
            value={cover.contact}
            readOnly={disabled}
            placeholder="Name and e-mail address"
            maxLength={300}
            aria-describedby="cover-contact-help"
            onCommit={(contact) => setCoverFields(doc, { contact })}
          />
          <p id="cover-contact-help" className="field__help">
            Who the secretariat writes to about the submission.
          </p>
        </div>

        <div className="field">
          <label htmlFor="cover-deadline">
            Deadline <span className="field__optional">(optional)</span>
          </label>
          <input
            id="cover-deadline"
            className="input"
            type="date"
            value={cover.deadline}
            readOnly={disabled}
            aria-describedby="cover-deadline-help"
            onChange={(e) => setCoverFields(doc, { deadline: e.target.value || null })}
          />
          <p id="cover-deadline-help" className="field__help">
            From the committee’s information note for the session; the checklist warns a week before.
          </p>
          <DeadlineTimeNote doc={doc} />
        </div>
        <div className="field">
          <label htmlFor="cover-period">Period covered</label>
          <SharedTextField
            id="cover-period"
            value={cover.period}
            readOnly={disabled}
            placeholder="e.g. 2019 to 2024, since the last review"
            maxLength={200}
            onCommit={(period) => setCoverFields(doc, { period })}
          />
        </div>
        <div className="field">
          <label htmlFor="cover-language">Language of the text</label>
          <select
            id="cover-language"
            className="input select"
            value={cover.language}
            disabled={disabled}
            aria-describedby="cover-language-help"
            onChange={(e) => setCoverFields(doc, { language: e.target.value || null })}
          >
            <option value="">Read it from the text</option>
            {LANGUAGES.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
          <p id="cover-language-help" className="field__help">
            The export declares it, and the checklist checks it where a mechanism accepts only some languages.
          </p>
        </div>

        <Choice<SubmissionType>
          legend="Submission type"
          name="submission-type"
          value={cover.submissionType}
          disabled={disabled}
          options={[
            { value: 'individual', label: 'One organisation', help: cover.mechanism === 'UPR' ? 'Individual submission: 2,815 words' : 'Individual submission' },
            { value: 'joint', label: 'Several organisations', help: cover.mechanism === 'UPR' ? 'Joint submission: 5,630 words' : 'Joint submission' },
          ]}
          onChange={(submissionType) => setCoverFields(doc, { submissionType })}
        />

        <Choice<Confidentiality>
          legend="Publication"
          name="confidentiality"
          value={cover.confidentiality}
          disabled={disabled}
          options={[
            { value: 'public', label: 'Public', help: 'May be published on the OHCHR website' },
            { value: 'confidential', label: 'Confidential', help: 'For the committee or the review only' },
          ]}
          onChange={(confidentiality) => setCoverFields(doc, { confidentiality })}
        />

        <OrganisationList doc={doc} organisations={cover.organisations} submissionType={cover.submissionType} disabled={disabled} signOn={signOn} />

        <fieldset className="fieldset">
          <legend>Layout</legend>
          <label className="check">
            <input
              type="checkbox"
              checked={cover.paragraphNumbering}
              disabled={disabled}
              onChange={(e) => setCoverFields(doc, { paragraphNumbering: e.target.checked })}
            />
            Number the paragraphs
          </label>
          <p className="field__help">OHCHR and the committees ask for numbered paragraphs; the export numbers them.</p>
        </fieldset>

        <fieldset className="fieldset">
          <legend>Word limit</legend>
          <p className="cover-form__table-limit">
            {tableLimit.words === null ? (
              <>No official word limit is known for {cover.mechanism}.</>
            ) : (
              <>
                The limits table gives <strong>{tableLimit.words.toLocaleString('en-GB')} words</strong>
                {cover.mechanism === 'UPR' ? ` for ${cover.submissionType === 'joint' ? 'a joint submission' : 'one organisation'}` : ''}.
              </>
            )}{' '}
            <Tooltip content={<LimitSource limit={tableLimit} mechanism={cover.mechanism} submissionType={cover.submissionType} />}>
              <button type="button" className="button button--ghost button--small">
                <TreatyIcon name="info" size={16} /> Source
              </button>
            </Tooltip>
          </p>
          <WordLimitOverride value={cover.wordLimit} disabled={disabled} onChange={(wordLimit) => setCoverFields(doc, { wordLimit })} />
        </fieldset>
      </div>
    </section>
  );
}

function Choice<T extends string>({
  legend,
  name,
  value,
  options,
  disabled,
  onChange,
}: {
  legend: string;
  name: string;
  value: T | null;
  options: { value: T; label: string; help: string }[];
  disabled: boolean;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset className="fieldset">
      <legend>
        {legend}
        {value === null && <span className="field__missing"> · not chosen yet</span>}
      </legend>
      <div className="choice">
        {options.map((o) => (
          <label key={o.value} className={`choice__option${value === o.value ? ' choice__option--on' : ''}`}>
            <input type="radio" name={name} value={o.value} checked={value === o.value} disabled={disabled} onChange={() => onChange(o.value)} />
            <span>
              <span className="choice__label">{o.label}</span>
              <span className="choice__help">{o.help}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function WordLimitOverride({ value, disabled, onChange }: { value: number | null; disabled: boolean; onChange: (value: number | null) => void }) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState('');
  const shown = draft ?? (value === null ? '' : String(value));
  const commit = (e?: FormEvent) => {
    e?.preventDefault();
    if (draft === null) return;
    const text = draft.trim();
    if (!text) {
      onChange(null);
      setDraft(null);
      return;
    }
    const n = Number(text);
    if (!Number.isInteger(n) || n <= 0) {
      setError('Enter a whole number of words, or leave it empty to follow the limits table.');
      return;
    }
    onChange(n);
    setDraft(null);
  };
  return (
    <div className="field">
      <label htmlFor={id}>
        This report’s own limit <span className="field__optional">(optional)</span>
      </label>
      <div className="inline-fields">
        <input
          id={id}
          className="input cover-form__limit"
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          value={shown}
          readOnly={disabled}
          placeholder="words"
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-help${error ? ` ${id}-error` : ''}`}
          onChange={(e) => {
            setDraft(e.target.value);
            setError('');
          }}
          onBlur={() => commit()}
          onKeyDown={(e) => e.key === 'Enter' && commit(e)}
        />
        {value !== null && !disabled && (
          <button type="button" className="button button--small" onClick={() => onChange(null)}>
            Follow the limits table
          </button>
        )}
      </div>
      <p id={`${id}-help`} className="field__help">
        Use where the committee’s information note says otherwise. It replaces the table’s limit in every count and check.
      </p>
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
