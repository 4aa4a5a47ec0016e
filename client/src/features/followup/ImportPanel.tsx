/**
 * Paste concluding observations (or a UPR recommendation list) into the tracker: the preview reads the paste with
 * the same parser the server uses, so the count and follow-up dates shown are what will be stored.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readPaste, type PasteFormat } from '../../../../shared/followup/importPaste.ts';
import { describeError } from '../../api/http.ts';
import type { Coalition } from '../../api/coalitionsApi.ts';
import { importRecommendations } from './followUpApi.ts';

export function ImportPanel({ coalitions, onImported }: { coalitions: Coalition[]; onImported: (count: number) => void }) {
  const id = useId();
  const writable = coalitions.filter((c) => !c.me || c.me.manager || c.me.role === 'owner' || c.me.role === 'editor');
  const { t } = useTranslation();
  const [coalitionId, setCoalitionId] = useState<string>('');
  const [state, setState] = useState('');
  const [format, setFormat] = useState<PasteFormat>('treaty-body');
  const [adoptedOn, setAdoptedOn] = useState('');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const preview = useMemo(() => (text.trim() ? readPaste(text, format, { adoptedOn: adoptedOn || null }) : null), [text, format, adoptedOn]);
  const found = preview?.recommendations.length ?? 0;
  const withDates = preview?.recommendations.filter((r) => r.followUpDue).length ?? 0;

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const count = await importRecommendations({ coalitionId: coalitionId || null, state: state.trim(), format, text, adoptedOn: adoptedOn || null });
      setText('');
      onImported(count);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="followup-import"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id={`${id}-title`} className="followup-section__title">
        {t('followup.import.title')}
      </h2>
      <div className="followup-import__row">
        <div className="field">
          <label htmlFor={`${id}-tracker`}>{t('followup.import.tracker')}</label>
          <select id={`${id}-tracker`} className="input" value={coalitionId} onChange={(e) => setCoalitionId(e.target.value)}>
            <option value="">{t('followup.import.onlyMe')}</option>
            {writable.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-state`}>{t('followup.import.state')}</label>
          <input id={`${id}-state`} className="input" value={state} maxLength={100} required onChange={(e) => setState(e.target.value)} placeholder={t('followup.import.stateExample')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-format`}>{t('followup.import.format')}</label>
          <select id={`${id}-format`} className="input" value={format} onChange={(e) => setFormat(e.target.value === 'upr' ? 'upr' : 'treaty-body')}>
            <option value="treaty-body">{t('followup.import.treatyBody')}</option>
            <option value="upr">{t('followup.import.upr')}</option>
          </select>
        </div>
        {format === 'treaty-body' && (
          <div className="field">
            <label htmlFor={`${id}-adopted`}>
              {t('followup.import.adoptedOn')} <span className="field__optional">{t('followup.import.adoptedOnHint')}</span>
            </label>
            <input id={`${id}-adopted`} className="input" type="date" value={adoptedOn} onChange={(e) => setAdoptedOn(e.target.value)} />
          </div>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('entry.text')}</label>
        <textarea
          id={`${id}-text`}
          className="input followup-import__text"
          value={text}
          maxLength={200_000}
          rows={8}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('coalitionsUi.followupImport.placeholder')}
        />
        <p className="field__help" role="status" data-testid="import-preview">
          {preview === null
            ? t('followup.import.help')
            : t('followup.import.preview', { count: found, symbol: preview.documentSymbol || 'none', dated: withDates })}
        </p>
        {preview?.problems.map((p) => (
          <p key={p} className="field__help">
            {p}
          </p>
        ))}
      </div>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <div>
        <button type="submit" className="button button--primary" disabled={busy || found === 0 || !state.trim()}>
          {busy ? t('followup.adding') : found > 0 ? t('followup.import.track', { count: found }) : t('followup.import.trackNone')}
        </button>
      </div>
    </form>
  );
}
