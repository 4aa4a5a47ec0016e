/**
 * Filters the outline by tag: a select listing every tag the report's sections carry (with how many sections
 * carry it). While a filter is on, the pane lists only the matching sections (for an SDG goal, also the
 * sections tagged with its targets and indicators), numbered as in the full outline; otherwise it shows the
 * outline itself (`children`), with its reordering, untouched.
 */
import type { ReactNode } from 'react';
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
  const filter = useTreatyUiStore((s) => s.tagFilter);
  const setFilter = useTreatyUiStore((s) => s.setTagFilter);
  const describe = useTagDescriber(doc);
  const tags = usedTags(sections);
  const options = filter && !tags.some((t) => t.id === filter) ? [{ id: filter, count: 0 }, ...tags] : tags;
  const matching = filter ? sections.map((s, index) => ({ s, index })).filter(({ s }) => s.tags.some((t) => tagIsAbout(t, filter))) : [];

  return (
    <div className="tag-filter-wrap">
      {options.length > 0 && (
        <div className="tag-filter">
          <label className="tag-filter__label" htmlFor="outline-tag-filter">
            <TreatyIcon name="filter" size={16} /> Filter by tag
          </label>
          <select
            id="outline-tag-filter"
            className="input select tag-filter__select"
            value={filter ?? ''}
            onChange={(e) => setFilter(e.target.value || null)}
          >
            <option value="">All sections</option>
            {options.map((t) => (
              <option key={t.id} value={t.id}>
                {chipLabel(t.id, describe(t.id))} ({t.count})
              </option>
            ))}
          </select>
        </div>
      )}
      {filter ? (
        <nav className="outline filtered-outline" aria-label="Sections with the chosen tag">
          <div className="outline__head">
            <h2 className="outline__title">Tagged</h2>
            <span className="muted outline__count" role="status">
              {matching.length} of {sections.length} {sections.length === 1 ? 'section' : 'sections'}
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
                      <span className="outline-item__title">{s.title.trim() || 'Untitled section'}</span>
                    </button>
                  </div>
                </li>
              ))}
            </ol>
          ) : (
            <p className="muted outline__empty">No section has this tag any more.</p>
          )}
          <button type="button" className="button button--small filtered-outline__clear" onClick={() => setFilter(null)}>
            Show all sections
          </button>
        </nav>
      ) : (
        children
      )}
    </div>
  );
}
