/** Paste the previous cycle's recommendations, see what will be added and every problem, then add them. */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { addEarlierRecommendations, type EarlierRecommendation, type RecommendationResponse } from '../../../../shared/report/earlierRecommendations.ts';
import { TreatyIcon } from '../treaty/TreatyIcon.tsx';
import { previewPaste } from './pastePreview.ts';

const SHOWN = 8;

export function PasteRecommendations({ doc, existing, startOpen }: { doc: Y.Doc; existing: EarlierRecommendation[]; startOpen: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [symbol, setSymbol] = useState('');
  const [response, setResponse] = useState<RecommendationResponse | ''>('');
  const [result, setResult] = useState<{ added: number; refused: number } | null>(null);
  const existingIds = useMemo(() => new Set(existing.map((r) => r.id)), [existing]);
  const preview = useMemo(() => (text.trim() ? previewPaste(text, symbol, existingIds, response || null) : null), [text, symbol, existingIds, response]);
  const fresh = preview ? preview.items.filter((i) => i.id && !i.exists).length : 0;
  const again = preview ? preview.items.filter((i) => i.exists).length : 0;

  const add = () => {
    if (!preview || preview.ready.length === 0) return;
    const { ids, refused } = addEarlierRecommendations(doc, preview.ready);
    setResult({ added: ids.length, refused: refused.length });
    setText('');
  };

  return (
    <details className="paste-panel" open={startOpen}>
      <summary className="paste-panel__summary">
        <TreatyIcon name="clipboard" size={18} /> {t('editing.pasteRecs.summary')}
      </summary>
      <div className="paste-panel__body">
        <div className="field">
          <label htmlFor={`${id}-text`}>{t('editing.pasteRecs.textLabel')}</label>
          <textarea
            id={`${id}-text`}
            className="input paste-panel__text"
            rows={7}
            value={text}
            placeholder={t('editing.pasteRecs.placeholder')}
            aria-describedby={`${id}-help`}
            onChange={(e) => {
              setText(e.target.value);
              setResult(null);
            }}
          />
          <p id={`${id}-help`} className="field__help">
            {t('editing.pasteRecs.help')}
          </p>
        </div>
        <div className="inline-fields paste-panel__options">
          <div className="field">
            <label htmlFor={`${id}-symbol`}>{t('editing.response.documentSymbol')}</label>
            <input
              id={`${id}-symbol`}
              className="input"
              value={symbol}
              placeholder={preview?.symbolFromPaste ? preview.symbol : 'A/HRC/46/15'}
              aria-describedby={preview?.symbolFromPaste ? `${id}-symbol-help` : undefined}
              onChange={(e) => setSymbol(e.target.value)}
            />
            {preview?.symbolFromPaste && (
              <p id={`${id}-symbol-help`} className="field__help">
                {t('editing.pasteRecs.fromPaste', { symbol: preview.symbol })}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor={`${id}-response`}>{t('editing.pasteRecs.defaultResponse')}</label>
            <select id={`${id}-response`} className="input select" value={response} onChange={(e) => setResponse(e.target.value as RecommendationResponse | '')}>
              <option value="">{t('editing.response.unknown')}</option>
              <option value="supported">{t('editing.response.supported')}</option>
              <option value="noted">{t('editing.response.noted')}</option>
            </select>
          </div>
        </div>

        {preview && (
          <div className="paste-preview" data-testid="paste-preview">
            <p className="paste-preview__summary" role="status">
              {preview.items.length === 0
                ? t('editing.pasteRecs.noneFound')
                : again
                  ? t('editing.pasteRecs.foundAgain', { count: preview.items.length, fresh, again })
                  : t('editing.pasteRecs.found', { count: preview.items.length, fresh })}
            </p>
            {preview.problems.length > 0 && (
              <div className="paste-preview__problems" role="alert">
                <p>
                  <TreatyIcon name="alert" size={16} /> {t('editing.pasteRecs.check', { count: preview.problems.length })}
                </p>
                <ul>
                  {preview.problems.map((p, i) => (
                    <li key={i}>
                      {p.line > 0 && <span className="paste-preview__line">{t('editing.pasteRecs.line', { line: p.line })}</span>} {p.message}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {preview.items.length > 0 && (
              <div className="table-scroll">
                <table className="paste-preview__table">
                  <caption className="visually-hidden">{t('editing.pasteRecs.tableCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('editing.pasteRecs.para')}</th>
                      <th scope="col">{t('editing.pasteRecs.recommendation')}</th>
                      <th scope="col">{t('editing.pasteRecs.recommendedBy')}</th>
                      <th scope="col">{t('editing.pasteRecs.response')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.items.slice(0, SHOWN).map((i) => (
                      <tr key={i.paragraph}>
                        <td>{i.paragraph}</td>
                        <td>
                          {i.text}
                          {i.exists && <span className="badge">{t('editing.pasteRecs.alreadyHere')}</span>}
                        </td>
                        <td>{i.recommendedBy.join(', ') || <span className="field__missing">{t('editing.pasteRecs.noStates')}</span>}</td>
                        <td>{i.response ? t('editing.pasteRecs.responseValue', { response: i.response }) : '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {preview.items.length > SHOWN && <p className="muted">{t('editing.pasteRecs.more', { count: preview.items.length - SHOWN })}</p>}
            <button type="button" className="button button--primary" disabled={preview.ready.length === 0} onClick={add}>
              {t('editing.pasteRecs.add', { count: preview.ready.length })}
            </button>
          </div>
        )}
        {result && (
          <p className="paste-panel__result" role="status">
            <TreatyIcon name="check" size={16} />{' '}
            {result.refused ? t('editing.pasteRecs.addedRefused', { count: result.added, refused: result.refused }) : t('editing.pasteRecs.added', { count: result.added })}
          </p>
        )}
      </div>
    </details>
  );
}
