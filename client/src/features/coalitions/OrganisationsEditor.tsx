/** An editable, ordered list of organisation names (shown in this order on the cover page). */
import { useRef } from 'react';
import { Icon } from '../../ui/Icon.tsx';
import { moveItem, ORGANISATION_LIMITS, removeItem } from './organisations.ts';

export function OrganisationsEditor({ value, onChange, error }: { value: string[]; onChange: (next: string[]) => void; error?: string | null }) {
  const listRef = useRef<HTMLOListElement>(null);
  const focusRow = (index: number, selector = 'input') =>
    requestAnimationFrame(() => listRef.current?.querySelectorAll<HTMLElement>(`li`)[index]?.querySelector<HTMLElement>(selector)?.focus());

  const add = () => {
    onChange([...value, '']);
    focusRow(value.length);
  };

  return (
    <fieldset className="field organisations">
      <legend>
        Organisations <span className="field__optional">(in the order the cover page lists them)</span>
      </legend>
      {value.length > 0 && (
        <ol className="organisations__list" ref={listRef}>
          {value.map((name, i) => (
            <li key={i} className="organisations__row">
              <span className="organisations__number" aria-hidden="true">
                {i + 1}
              </span>
              <input
                className="input"
                aria-label={`Organisation ${i + 1}`}
                value={name}
                maxLength={ORGANISATION_LIMITS.chars}
                placeholder="Organisation name"
                onChange={(e) => onChange(value.map((v, j) => (j === i ? e.target.value : v)))}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    if (i === value.length - 1) add();
                    else focusRow(i + 1);
                  }
                }}
              />
              <button
                type="button"
                className="icon-button"
                aria-label={`Move ${name || `organisation ${i + 1}`} up`}
                disabled={i === 0}
                onClick={() => {
                  onChange(moveItem(value, i, -1));
                  focusRow(i - 1, i - 1 === 0 ? 'button:nth-of-type(2)' : 'button:nth-of-type(1)');
                }}
              >
                <Icon name="up" size={16} />
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={`Move ${name || `organisation ${i + 1}`} down`}
                disabled={i === value.length - 1}
                onClick={() => {
                  onChange(moveItem(value, i, 1));
                  focusRow(i + 1, i + 1 === value.length - 1 ? 'button:nth-of-type(1)' : 'button:nth-of-type(2)');
                }}
              >
                <Icon name="down" size={16} />
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove ${name || `organisation ${i + 1}`}`}
                onClick={() => {
                  onChange(removeItem(value, i));
                  if (value.length > 1) focusRow(Math.min(i, value.length - 2));
                }}
              >
                <Icon name="trash" size={16} />
              </button>
            </li>
          ))}
        </ol>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <div>
        <button type="button" className="button button--small button--ghost" onClick={add} disabled={value.length >= ORGANISATION_LIMITS.count}>
          <Icon name="plus" size={16} /> Add an organisation
        </button>
      </div>
    </fieldset>
  );
}
