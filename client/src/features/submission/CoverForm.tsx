/**
 * The cover information of the submission: session, contact, deadline, period covered, language, submission type,
 * public or confidential, the submitting organisations, paragraph numbering and the report's own word limit. Every field is its own key
 * in the report map (and the organisations a Y.Array), so co-authors filling in different fields all keep them.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
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

/** The six official languages of the United Nations, each with the key of its name. */
const LANGUAGES: [string, string][] = [
  ['en', 'submission.coverForm.language.en'],
  ['fr', 'submission.coverForm.language.fr'],
  ['es', 'submission.coverForm.language.es'],
  ['ar', 'submission.coverForm.language.ar'],
  ['zh', 'submission.coverForm.language.zh'],
  ['ru', 'submission.coverForm.language.ru'],
];

const readCover = (doc: Y.Doc) => ({ ...getCoverFields(doc), mechanism: getReportMeta(doc).mechanism });

export function CoverForm({ doc, canEdit }: { doc: Y.Doc; canEdit: boolean }) {
  const { t } = useTranslation();
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
          {t('submission.coverForm.title')}
        </h2>
        <p className="muted">{t('submission.coverForm.intro')}</p>
      </header>

      <div className="form cover-form__grid">
        <div className="field">
          <label htmlFor="cover-session">{t('submission.coverForm.session')}</label>
          <SharedTextField
            id="cover-session"
            value={cover.session}
            readOnly={disabled}
            placeholder={
              cover.mechanism === 'UPR'
                ? t('submission.coverForm.sessionExampleUpr')
                : t('submission.coverForm.sessionExample', { mechanism: cover.mechanism })
            }
            maxLength={200}
            onCommit={(session) => setCoverFields(doc, { session })}
          />
        </div>
        <div className="field">
          <label htmlFor="cover-contact">{t('submission.coverForm.contact')}</label>
          <SharedTextField
            id="cover-contact"
            value={cover.contact}
            readOnly={disabled}
            placeholder={t('submission.coverForm.contactPlaceholder')}
            maxLength={300}
            aria-describedby="cover-contact-help"
            onCommit={(contact) => setCoverFields(doc, { contact })}
          />
          <p id="cover-contact-help" className="field__help">
            {t('submission.coverForm.contactHelp')}
          </p>
        </div>

        <div className="field">
          <label htmlFor="cover-deadline">
            {t('submission.coverForm.deadline')} <span className="field__optional">{t('common.optional')}</span>
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
            {t('submission.coverForm.deadlineHelp')}
          </p>
          <DeadlineTimeNote doc={doc} />
        </div>
        <div className="field">
          <label htmlFor="cover-period">{t('submission.coverForm.period')}</label>
          <SharedTextField
            id="cover-period"
            value={cover.period}
            readOnly={disabled}
            placeholder={t('submission.coverForm.periodPlaceholder')}
            maxLength={200}
            onCommit={(period) => setCoverFields(doc, { period })}
          />
        </div>
        <div className="field">
          <label htmlFor="cover-language">{t('submission.coverForm.language')}</label>
          <select
            id="cover-language"
            className="input select"
            value={cover.language}
            disabled={disabled}
            aria-describedby="cover-language-help"
            onChange={(e) => setCoverFields(doc, { language: e.target.value || null })}
          >
            <option value="">{t('submission.coverForm.languageFromText')}</option>
            {LANGUAGES.map(([code, nameKey]) => (
              <option key={code} value={code}>
                {t(nameKey)}
              </option>
            ))}
          </select>
          <p id="cover-language-help" className="field__help">
            {t('submission.coverForm.languageHelp')}
          </p>
        </div>

        <Choice<SubmissionType>
          legend={t('submission.coverForm.submissionType')}
          name="submission-type"
          value={cover.submissionType}
          disabled={disabled}
          options={[
            {
              value: 'individual',
              label: t('submission.coverForm.individual'),
              help: cover.mechanism === 'UPR' ? t('submission.coverForm.individualHelpUpr', { count: 2815 }) : t('submission.coverForm.individualHelp'),
            },
            {
              value: 'joint',
              label: t('submission.coverForm.joint'),
              help: cover.mechanism === 'UPR' ? t('submission.coverForm.jointHelpUpr', { count: 5630 }) : t('submission.coverForm.jointHelp'),
            },
          ]}
          onChange={(submissionType) => setCoverFields(doc, { submissionType })}
        />

        <Choice<Confidentiality>
          legend={t('submission.coverForm.publication')}
          name="confidentiality"
          value={cover.confidentiality}
          disabled={disabled}
          options={[
            { value: 'public', label: t('submission.coverForm.public'), help: t('submission.coverForm.publicHelp') },
            { value: 'confidential', label: t('submission.coverForm.confidential'), help: t('submission.coverForm.confidentialHelp') },
          ]}
          onChange={(confidentiality) => setCoverFields(doc, { confidentiality })}
        />

        <OrganisationList doc={doc} organisations={cover.organisations} submissionType={cover.submissionType} disabled={disabled} signOn={signOn} />

        <fieldset className="fieldset">
          <legend>{t('submission.coverForm.layout')}</legend>
          <label className="check">
            <input
              type="checkbox"
              checked={cover.paragraphNumbering}
              disabled={disabled}
              onChange={(e) => setCoverFields(doc, { paragraphNumbering: e.target.checked })}
            />
            {t('submission.coverForm.numberParagraphs')}
          </label>
          <p className="field__help">{t('submission.coverForm.numberParagraphsHelp')}</p>
        </fieldset>

        <fieldset className="fieldset">
          <legend>{t('submission.coverForm.wordLimit')}</legend>
          <p className="cover-form__table-limit">
            {tableLimit.words === null ? (
              <>{t('submission.coverForm.noOfficialLimit', { mechanism: cover.mechanism })}</>
            ) : (
              <Trans
                i18nKey={
                  cover.mechanism !== 'UPR'
                    ? 'submission.coverForm.tableLimit'
                    : cover.submissionType === 'joint'
                      ? 'submission.coverForm.tableLimitJoint'
                      : 'submission.coverForm.tableLimitIndividual'
                }
                values={{ count: tableLimit.words }}
                components={{ strong: <strong /> }}
              />
            )}{' '}
            <Tooltip content={<LimitSource limit={tableLimit} mechanism={cover.mechanism} submissionType={cover.submissionType} />}>
              <button type="button" className="button button--ghost button--small">
                <TreatyIcon name="info" size={16} /> {t('submission.coverForm.source')}
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
  const { t } = useTranslation();
  return (
    <fieldset className="fieldset">
      <legend>
        {legend}
        {value === null && <span className="field__missing"> · {t('submission.coverForm.notChosen')}</span>}
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
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  /** The key of the message shown under the field, empty when none. */
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
      setError('submission.coverForm.limitInvalid');
      return;
    }
    onChange(n);
    setDraft(null);
  };
  return (
    <div className="field">
      <label htmlFor={id}>
        {t('submission.coverForm.ownLimit')} <span className="field__optional">{t('common.optional')}</span>
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
          placeholder={t('submission.coverForm.limitPlaceholder')}
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
            {t('submission.coverForm.followTable')}
          </button>
        )}
      </div>
      <p id={`${id}-help`} className="field__help">
        {t('submission.coverForm.ownLimitHelp')}
      </p>
      {error && (
        <p id={`${id}-error`} className="field__error">
          {t(error)}
        </p>
      )}
    </div>
  );
}
