/** An editable, ordered list of organisation names (shown in this order on the cover page). */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon.tsx';
import { moveItem, ORGANISATION_LIMITS, removeItem } from './organisations.ts';

export function OrganisationsEditor({ value, onChange, error }: { value: string[]; onChange: (next: string[]) => void; error?: string | null }) {
  const { t } = useTranslation();
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
        {t('coalitionsUi.organisationsEditor.legend')} <span className="field__optional">{t('coalitionsUi.organisationsEditor.legendHint')}</span>
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
                aria-label={t('coalitionsUi.organisationsEditor.row', { n: i + 1 })}
                value={name}
                maxLength={ORGANISATION_LIMITS.chars}
                placeholder={t('coalitionsUi.organisationsEditor.placeholder')}
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
                aria-label={name ? t('coalitionsUi.organisationsEditor.moveUp', { name }) : t('coalitionsUi.organisationsEditor.moveUpNumber', { n: i + 1 })}
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
                aria-label={name ? t('coalitionsUi.organisationsEditor.moveDown', { name }) : t('coalitionsUi.organisationsEditor.moveDownNumber', { n: i + 1 })}
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
                aria-label={name ? t('coalitionsUi.organisationsEditor.remove', { name }) : t('coalitionsUi.organisationsEditor.removeNumber', { n: i + 1 })}
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
          <Icon name="plus" size={16} /> {t('coalitionsUi.organisationsEditor.add')}
        </button>
      </div>
    </fieldset>
  );
}
