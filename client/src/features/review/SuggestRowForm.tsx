/**
 * The form behind "Suggest a new row below" (SuggestTools.tsx): one field per column of the row at the caret,
 * named after the table's first row, sent as one suggestion (shared/discussion/structure.ts encodes the cells).
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** Longest text a suggested cell takes (a cell is a few words or a figure; longer text belongs in a paragraph). */
const MAX_CELL_CHARS = 500;

export function SuggestRowForm({ columns, onSubmit, onClose }: { columns: string[]; onSubmit: (cells: string[]) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [cells, setCells] = useState<string[]>(() => columns.map(() => ''));
  const [error, setError] = useState<string | null>(null);
  const firstRef = useRef<HTMLInputElement>(null);
  useEffect(() => firstRef.current?.focus(), []);

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (cells.every((c) => c.trim() === '')) return setError(t('suggest.rowEmpty'));
    onSubmit(cells.map((c) => c.trim()));
  };

  return (
    <form
      className="link-form suggest-tools__form suggest-row-form"
      aria-label={t('suggest.rowForm')}
      onSubmit={handleSubmit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <span className="link-form__label">{t('suggest.rowTitle')}</span>
      <div className="suggest-row-form__cells">
        {columns.map((name, i) => (
          <label key={i} className="suggest-row-form__cell">
            <span className="suggest-row-form__name">{name || t('suggest.column', { n: i + 1 })}</span>
            <input
              ref={i === 0 ? firstRef : undefined}
              className="input"
              type="text"
              maxLength={MAX_CELL_CHARS}
              value={cells[i] ?? ''}
              onChange={(e) => {
                const next = [...cells];
                next[i] = e.target.value;
                setCells(next);
                setError(null);
              }}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'suggest-row-error' : undefined}
            />
          </label>
        ))}
      </div>
      <button type="submit" className="button button--primary button--small">
        {t('suggest.submit')}
      </button>
      <button type="button" className="button button--small button--ghost" onClick={onClose}>
        {t('common.cancel')}
      </button>
      {error && (
        <p id="suggest-row-error" className="link-form__error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
