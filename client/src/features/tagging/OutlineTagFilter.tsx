/**
 * Filters the outline by tag: a select listing every tag the report's sections carry (with how many sections
 * carry it). While a filter is on, the pane lists only the matching sections (for an SDG goal, also the
 * sections tagged with its targets and indicators), numbered as in the full outline; otherwise it shows the
 * outline itself (`children`), with its reordering, untouched.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { SectionInfo } from '../../../../shared/report/layout.ts';
import { compareTagIds, tagIsAbout } from '../../../../shared/taxonomy/tagIds.ts';
import { useTreatyUiStore } from '../treaty/treatyUiStore.ts';
import { TreatyIcon } from '../treaty/TreatyIcon.tsx';
import { chipLabel, useTagDescriber } from './useTagDescriber.ts';
import './tagging.css';

/** Tag ids used on the sections, in id order, with the number of sections carrying each. */
export function usedTags(sections: readonly SectionInfo[]): { id: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const s of sections) for (const t of s.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts.entries()].map(([id, count]) => ({ id, count })).sort((a, b) => compareTagIds(a.id, b.id));
}

export function OutlineTagFilter({
  doc,
  sections,
  selectedId,
  onSelect,
  children,
}: {
  doc: Y.Doc;
  sections: SectionInfo[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const filter = useTreatyUiStore((s) => s.tagFilter);
  const setFilter = useTreatyUiStore((s) => s.setTagFilter);
  const describe = useTagDescriber(doc);
  const tags = usedTags(sections);
  const options = filter && !tags.some((tag) => tag.id === filter) ? [{ id: filter, count: 0 }, ...tags] : tags;
  const matching = filter ? sections.map((s, index) => ({ s, index })).filter(({ s }) => s.tags.some((tag) => tagIsAbout(tag, filter))) : [];

  return (
    <div className="tag-filter-wrap">
      {options.length > 0 && (
        <div className="tag-filter">
          <label className="tag-filter__label" htmlFor="outline-tag-filter">
            <TreatyIcon name="filter" size={16} /> {t('submission.tagFilter.label')}
          </label>
          <select
            id="outline-tag-filter"
            className="input select tag-filter__select"
            value={filter ?? ''}
            onChange={(e) => setFilter(e.target.value || null)}
          >
            <option value="">{t('submission.tagFilter.all')}</option>
            {options.map((tag) => (
              <option key={tag.id} value={tag.id}>
                {t('submission.tagFilter.option', { label: chipLabel(tag.id, describe(tag.id)), count: tag.count })}
              </option>
            ))}
          </select>
        </div>
      )}
      {filter ? (
        <nav className="outline filtered-outline" aria-label={t('submission.tagFilter.nav')}>
          <div className="outline__head">
            <h2 className="outline__title">{t('submission.tagFilter.title')}</h2>
            <span className="muted outline__count" role="status">
              {t('submission.tagFilter.count', { matching: matching.length, count: sections.length })}
            </span>
          </div>
          <p className="filtered-outline__tag">{chipLabel(filter, describe(filter))}</p>
          {matching.length > 0 ? (
            <ol className="outline__list">
              {matching.map(({ s, index }) => (
                <li key={s.id} className={`outline-item${s.id === selectedId ? ' outline-item--selected' : ''}`} data-testid="filtered-outline-item">
                  <div className="outline-item__body">
                    <button type="button" className="outline-item__select" aria-current={s.id === selectedId ? 'true' : undefined} onClick={() => onSelect(s.id)}>
                      <span className="outline-item__number" aria-hidden="true">
                        {index + 1}
                      </span>
                      <span className="outline-item__title">{s.title.trim() || t('outline.untitled')}</span>
                    </button>
                  </div>
                </li>
              ))}
            </ol>
          ) : (
            <p className="muted outline__empty">{t('submission.tagFilter.none')}</p>
          )}
          <button type="button" className="button button--small filtered-outline__clear" onClick={() => setFilter(null)}>
            {t('submission.tagFilter.showAll')}
          </button>
        </nav>
      ) : (
        children
      )}
    </div>
  );
}
