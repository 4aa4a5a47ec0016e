/** Paste the previous cycle's recommendations, see what will be added and every problem, then add them. */
import { useId, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { addEarlierRecommendations, type EarlierRecommendation, type RecommendationResponse } from '../../../../shared/report/earlierRecommendations.ts';
import { TreatyIcon } from '../treaty/TreatyIcon.tsx';
import { previewPaste } from './pastePreview.ts';

const SHOWN = 8;

export function PasteRecommendations({ doc, existing, startOpen }: { doc: Y.Doc; existing: EarlierRecommendation[]; startOpen: boolean }) {
  const id = useId();
  const [text, setText] = useState('');
  const [symbol, setSymbol] = useState('');
  const [response, setResponse] = useState<RecommendationResponse | ''>('');
  const [result, setResult] = useState('');
  const existingIds = useMemo(() => new Set(existing.map((r) => r.id)), [existing]);
  const preview = useMemo(() => (text.trim() ? previewPaste(text, symbol, existingIds, response || null) : null), [text, symbol, existingIds, response]);
  const fresh = preview ? preview.items.filter((i) => i.id && !i.exists).length : 0;
  const again = preview ? preview.items.filter((i) => i.exists).length : 0;

  const add = () => {
    if (!preview || preview.ready.length === 0) return;
    const { ids, refused } = addEarlierRecommendations(doc, preview.ready);
    setResult(`${ids.length} ${ids.length === 1 ? 'recommendation' : 'recommendations'} added or updated${refused.length ? `, ${refused.length} refused` : ''}.`);
    setText('');
  };

  return (
    <details className="paste-panel" open={startOpen}>
      <summary className="paste-panel__summary">
        <TreatyIcon name="clipboard" size={18} /> Paste recommendations from the report
      </summary>
      <div className="paste-panel__body">
        <div className="field">
          <label htmlFor={`${id}-text`}>Recommendations as printed in the report</label>
          <textarea
            id={`${id}-text`}
            className="input paste-panel__text"
            rows={7}
            value={text}
            placeholder={'26.1 Ratify the Optional Protocol to the Convention against Torture (Denmark);\n26.2 …'}
            aria-describedby={`${id}-help`}
            onChange={(e) => {
              setText(e.target.value);
              setResult('');
            }}
          />
          <p id={`${id}-help`} className="field__help">
            Copy the section “Conclusions and/or recommendations” of the Working Group report: paragraph numbers, text and recommending States. Block headings
            (“…enjoy the support of…”, “…have been noted by…”) give each its response.
          </p>
        </div>
        <div className="inline-fields paste-panel__options">
          <div className="field">
            <label htmlFor={`${id}-symbol`}>Document symbol</label>
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
                Read from the paste: {preview.symbol}. Type another to replace it.
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor={`${id}-response`}>Response where the paste gives none</label>
            <select id={`${id}-response`} className="input select" value={response} onChange={(e) => setResponse(e.target.value as RecommendationResponse | '')}>
              <option value="">Not known</option>
              <option value="supported">Supported</option>
              <option value="noted">Noted</option>
            </select>
          </div>
        </div>

        {preview && (
          <div className="paste-preview" data-testid="paste-preview">
            <p className="paste-preview__summary" role="status">
              {preview.items.length === 0
                ? 'No recommendation found in the text.'
                : `${preview.items.length} found: ${fresh} new${again ? `, ${again} already here (text and response are refreshed, assessments kept)` : ''}.`}
            </p>
            {preview.problems.length > 0 && (
              <div className="paste-preview__problems" role="alert">
                <p>
                  <TreatyIcon name="alert" size={16} /> Check {preview.problems.length === 1 ? 'this' : `these ${preview.problems.length}`} before adding:
                </p>
                <ul>
                  {preview.problems.map((p, i) => (
                    <li key={i}>
                      {p.line > 0 && <span className="paste-preview__line">Line {p.line}:</span>} {p.message}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {preview.items.length > 0 && (
              <div className="table-scroll">
                <table className="paste-preview__table">
                  <caption className="visually-hidden">Recommendations found</caption>
                  <thead>
                    <tr>
                      <th scope="col">Para.</th>
                      <th scope="col">Recommendation</th>
                      <th scope="col">Recommended by</th>
                      <th scope="col">Response</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.items.slice(0, SHOWN).map((i) => (
                      <tr key={i.paragraph}>
                        <td>{i.paragraph}</td>
                        <td>
                          {i.text}
                          {i.exists && <span className="badge">already here</span>}
                        </td>
                        <td>{i.recommendedBy.join(', ') || <span className="field__missing">none found</span>}</td>
                        <td>{i.response ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {preview.items.length > SHOWN && <p className="muted">…and {preview.items.length - SHOWN} more.</p>}
            <button type="button" className="button button--primary" disabled={preview.ready.length === 0} onClick={add}>
              Add {preview.ready.length} {preview.ready.length === 1 ? 'recommendation' : 'recommendations'}
            </button>
          </div>
        )}
        {result && (
          <p className="paste-panel__result" role="status">
            <TreatyIcon name="check" size={16} /> {result}
          </p>
        )}
      </div>
    </details>
  );
}
