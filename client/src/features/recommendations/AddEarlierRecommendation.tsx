/**
 * Enter one earlier recommendation by hand: a committee's concluding observation ("CERD/C/FRE/CO/10-12",
 * paragraph "23(b)"), or a UPR recommendation the paste could not read.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { addEarlierRecommendations, type RecommendationResponse } from '../../../../shared/report/earlierRecommendations.ts';
import { recommendationTagId } from '../../../../shared/taxonomy/tagIds.ts';

export function AddEarlierRecommendation({ doc, upr }: { doc: Y.Doc; upr: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const [symbol, setSymbol] = useState('');
  const [paragraph, setParagraph] = useState('');
  const [text, setText] = useState('');
  const [by, setBy] = useState(upr ? '' : 'The Committee');
  const [response, setResponse] = useState<RecommendationResponse | ''>('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return setMessage({ error: true, text: t('editing.addEarlier.textMissing') });
    const tagId = recommendationTagId(symbol, paragraph);
    if (!tagId) return setMessage({ error: true, text: t('editing.addEarlier.idMissing') });
    const recommendedBy = by.split(/[,;]/).map((s) => s.trim()).filter(Boolean);
    addEarlierRecommendations(doc, [{ symbol, paragraph, text, recommendedBy, response: response || null }]);
    setMessage({ error: false, text: t('editing.addEarlier.added', { id: tagId }) });
    setParagraph('');
    setText('');
  };

  return (
    <details className="paste-panel">
      <summary className="paste-panel__summary">{t('editing.addEarlier.summary')}</summary>
      <form className="paste-panel__body" onSubmit={handleSubmit} noValidate>
        <div className="inline-fields paste-panel__options">
          <div className="field">
            <label htmlFor={`${id}-symbol`}>{t('editing.response.documentSymbol')}</label>
            <input id={`${id}-symbol`} className="input" value={symbol} placeholder={upr ? 'A/HRC/46/15' : 'CERD/C/FRE/CO/22-23'} onChange={(e) => setSymbol(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-paragraph`}>{t('editing.addEarlier.paragraph')}</label>
            <input id={`${id}-paragraph`} className="input" value={paragraph} placeholder={upr ? '26.45' : '23(b)'} onChange={(e) => setParagraph(e.target.value)} />
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-text`}>{t('editing.addEarlier.text')}</label>
          <textarea id={`${id}-text`} className="input" rows={3} value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <div className="inline-fields paste-panel__options">
          <div className="field">
            <label htmlFor={`${id}-by`}>{upr ? t('editing.addEarlier.byStates') : t('editing.addEarlier.by')}</label>
            <input id={`${id}-by`} className="input" value={by} onChange={(e) => setBy(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-response`}>{t('editing.response.stateResponse')}</label>
            <select id={`${id}-response`} className="input select" value={response} onChange={(e) => setResponse(e.target.value as RecommendationResponse | '')}>
              <option value="">{t('editing.response.unknown')}</option>
              <option value="supported">{t('editing.response.supported')}</option>
              <option value="noted">{t('editing.response.noted')}</option>
            </select>
          </div>
        </div>
        <div className="inline-fields">
          <button type="submit" className="button button--primary">
            {t('editing.addEarlier.submit')}
          </button>
          {message && (
            <p className={message.error ? 'field__error' : 'paste-panel__result'} role={message.error ? 'alert' : 'status'}>
              {message.text}
            </p>
          )}
        </div>
      </form>
    </details>
  );
}
