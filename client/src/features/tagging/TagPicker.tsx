/**
 * Type to find a tag: treaty articles, SDG goals, targets and indicators, general comments, UPR themes and
 * groups, and the report's earlier recommendations. The WAI-ARIA combobox pattern (list autocomplete with
 * automatic selection): focus stays in the text field, the active option is given by aria-activedescendant.
 */
import { useTranslation } from 'react-i18next';
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type * as Y from 'yjs';
import { isMechanism } from '../../../../shared/api/mechanisms.ts';
import { getReportMeta } from '../../../../shared/report/layout.ts';
import { useEarlierRecommendations } from '../recommendations/useEarlierRecommendations.ts';
import { afterInput, CLOSED, comboboxKey, type ComboboxState } from './combobox.ts';
import { TAG_KIND_LABELS, tagTone } from './tagKinds.ts';
import { useTaxonomy } from './taxonomy.ts';
import { TreatyTextsNote } from '../taxonomyLanguage/TreatyTextsNote.tsx';
import { earlierLabel } from '../recommendations/earlierLabel.ts';

const MAX_RESULTS = 30;

export function TagPicker({
  doc,
  present,
  onPick,
  label,
  placeholder,
}: {
  doc: Y.Doc;
  /** Tags already on the item: shown as added, not offered again. */
  present: readonly string[];
  onPick: (id: string, label: string) => void;
  /** Accessible name of the field, e.g. "Add a tag to Introduction". */
  label: string;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  const earlier = useEarlierRecommendations(doc);
  const [query, setQuery] = useState('');
  const [combo, setCombo] = useState<ComboboxState>(CLOSED);
  const [announcement, setAnnouncement] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const baseId = useId();
  const listId = `${baseId}-list`;
  const optionId = (i: number) => `${baseId}-opt-${i}`;

  // The report's own treaty comes first: "housing" in a CERD report offers ICERD article 5(e)(iii) at the top.
  const mechanism = getReportMeta(doc).mechanism;
  const treaty = taxonomy && isMechanism(mechanism) ? taxonomy.MECHANISM_TREATY[mechanism] : null;
  const results = useMemo(() => {
    if (!taxonomy || !query.trim()) return [];
    const extra = earlier.map((r) => ({ id: r.id, kind: 'recommendation' as const, label: earlierLabel(r), text: r.text }));
    return taxonomy.searchTaxonomy(query, { limit: MAX_RESULTS, extra, treaty }).map((hit) => hit.entry);
  }, [taxonomy, earlier, query, treaty]);

  const pick = (index: number) => {
    const entry = results[index];
    if (!entry) return;
    if (present.includes(entry.id)) {
      setAnnouncement(t('submission.tagPicker.alreadyTagged', { label: entry.label }));
      return;
    }
    onPick(entry.id, entry.label);
    setQuery('');
    setCombo(CLOSED);
    setAnnouncement(t('submission.tagPicker.added', { label: entry.label }));
    inputRef.current?.focus();
  };

  const handleKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const { state, action, handled } = comboboxKey(combo, e.key, results.length, query);
    if (!handled) {
      if (state !== combo) setCombo(state);
      return;
    }
    e.preventDefault();
    e.stopPropagation();
    if (action === 'select') pick(combo.active);
    else if (action === 'clear') setQuery('');
    setCombo(state);
    if (state.active >= 0) listRef.current?.querySelector(`#${CSS.escape(optionId(state.active))}`)?.scrollIntoView({ block: 'nearest' });
  };

  const open = combo.open && query.trim() !== '';
  const showList = open && results.length > 0;
  const activeId = showList && combo.active >= 0 ? optionId(combo.active) : undefined;

  return (
    <div className="tag-picker">
      <input
        ref={inputRef}
        className="input tag-picker__input"
        type="text"
        role="combobox"
        aria-label={label}
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder ?? t('tags.placeholder')}
        value={query}
        onChange={(e) => {
          const next = e.target.value;
          setQuery(next);
          setCombo(afterInput(next, next.trim() ? 1 : 0));
        }}
        onKeyDown={handleKeyDown}
        onBlur={() => setCombo(CLOSED)}
      />
      <ul ref={listRef} id={listId} role="listbox" aria-label={t('submission.tagPicker.matching')} className="tag-picker__list" hidden={!showList}>
        {showList &&
          results.map((entry, i) => {
            const added = present.includes(entry.id);
            return (
              <li
                key={entry.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === combo.active}
                aria-disabled={added || undefined}
                className={`tag-option tag-option--${tagTone(entry.kind)}${i === combo.active ? ' tag-option--active' : ''}`}
                onMouseDown={(e) => e.preventDefault()}
                onMouseMove={() => combo.active !== i && setCombo({ open: true, active: i })}
                onClick={() => pick(i)}
              >
                <span className="tag-option__head">
                  <span className="tag-option__label">{entry.label}</span>
                  <span className="tag-option__kind">{added ? t('submission.tagPicker.addedBadge') : t(TAG_KIND_LABELS[entry.kind])}</span>
                </span>
                {entry.text && <span className="tag-option__text">{entry.text}</span>}
              </li>
            );
          })}
      </ul>
      <TreatyTextsNote show={showList && results.some((entry) => entry.kind === 'article')} />
      {open && results.length === 0 && (
        <p className="tag-picker__empty" role="status">
          {taxonomy ? t('submission.tagPicker.noMatch', { query: query.trim() }) : t('submission.tagPicker.loading')}
        </p>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
