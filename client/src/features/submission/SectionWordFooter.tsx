/**
 * The footer of a section: its words as the limit counts them, against the section's own word budget when it
 * has one (editable here, with the same near and over warnings as the report), and whether it is an annex.
 */
import { useId, useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { setSectionAnnex, setSectionWordBudget } from '../../../../shared/report/layout.ts';
import { TreatyIcon } from '../treaty/TreatyIcon.tsx';
import { useDerived } from '../treaty/docDerived.ts';
import { reportWordsOf } from './reportWordsStore.ts';
import { describeWordStatus } from './wordDisplay.ts';
import './submission.css';

export function SectionWordFooter({ doc, sectionId, canEdit }: { doc: Y.Doc; sectionId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const words = useDerived(reportWordsOf(doc));
  const section = words.sections.find((s) => s.id === sectionId);
  const [editing, setEditing] = useState(false);
  if (!section) return null;
  const skipNotes = words.limit.notCounted.includes('footnotes');
  const skipAnnexes = words.limit.notCounted.includes('annexes');
  const own = section.body + (skipNotes ? 0 : section.footnotes);
  const budget = section.budget ? describeWordStatus(section.budget, 'budget') : null;
  const tone = budget?.tone ?? 'none';

  return (
    <div className={`section-words section-words--${tone}`} data-testid="section-word-footer" data-state={section.budget?.state ?? 'no-limit'}>
      <p className="section-words__count">
        {(tone === 'near' || tone === 'over') && <TreatyIcon name="alert" size={16} />}
        <span>
          {budget ? (
            <>
              <Trans i18nKey="submission.sectionWords.budget" values={{ figure: budget.count }} components={{ strong: <strong /> }} />
              {budget.flag && <span className="section-words__flag"> · {budget.flag}</span>}
            </>
          ) : (
            <strong>{t('submission.words.count', { count: own })}</strong>
          )}
          {section.annex && skipAnnexes && <span className="muted"> · {t('submission.sectionWords.annexNotCounted')}</span>}
          {section.footnotes > 0 && skipNotes && <span className="muted"> · {t('submission.sectionWords.footnotesNotCounted', { count: section.footnotes })}</span>}
        </span>
        <span className="visually-hidden">{budget ? budget.long : ''}</span>
      </p>
      {canEdit && (
        <div className="section-words__actions">
          {editing ? (
            <BudgetForm
              initial={section.budget?.limit ?? null}
              onDone={(value) => {
                if (value !== undefined) setSectionWordBudget(doc, sectionId, value);
                setEditing(false);
              }}
            />
          ) : (
            <button type="button" className="button button--ghost button--small" onClick={() => setEditing(true)}>
              {section.budget ? t('submission.sectionWords.changeBudget') : t('submission.sectionWords.setBudget')}
            </button>
          )}
          <label className="check">
            <input type="checkbox" checked={section.annex} onChange={(e) => setSectionAnnex(doc, sectionId, e.target.checked)} />
            {t('submission.sectionWords.annex')}
          </label>
        </div>
      )}
    </div>
  );
}

/** `onDone(undefined)` cancels, `onDone(null)` removes the budget. */
function BudgetForm({ initial, onDone }: { initial: number | null; onDone: (value: number | null | undefined) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [value, setValue] = useState(initial === null ? '' : String(initial));
  /** The key of the message shown under the field, empty when none. */
  const [error, setError] = useState('');
  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!value.trim()) return onDone(null);
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0) {
      setError('submission.sectionWords.budgetInvalid');
      return;
    }
    onDone(n);
  };
  return (
    <form
      className="budget-form"
      noValidate
      onSubmit={handleSubmit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onDone(undefined);
        }
      }}
    >
      <label htmlFor={id}>{t('submission.sectionWords.budgetLabel')}</label>
      <input
        id={id}
        className="input budget-form__input"
        type="number"
        inputMode="numeric"
        min={1}
        step={1}
        value={value}
        autoFocus
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => {
          setValue(e.target.value);
          setError('');
        }}
      />
      <button type="submit" className="button button--primary button--small">
        {t('submission.sectionWords.save')}
      </button>
      {initial !== null && (
        <button type="button" className="button button--small" onClick={() => onDone(null)}>
          {t('submission.sectionWords.remove')}
        </button>
      )}
      <button type="button" className="button button--ghost button--small" onClick={() => onDone(undefined)}>
        {t('common.cancel')}
      </button>
      {error && (
        <p id={`${id}-error`} className="field__error budget-form__error">
          {t(error)}
        </p>
      )}
    </form>
  );
}
