/**
 * The report's views beside its sections: coverage, recommendations, earlier recommendations, the submission
 * checklist and the cover information. A bar under the report header; on small screens it scrolls sideways.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { TreatyIcon, type TreatyIconName } from './TreatyIcon.tsx';
import { useTreatyUiStore, type ReportViewName } from './treatyUiStore.ts';
import './treaty.css';

const VIEWS: { view: ReportViewName; label: (t: TFunction) => string; icon: TreatyIconName }[] = [
  { view: 'sections', label: (t) => t('views.sections'), icon: 'pen' },
  { view: 'coverage', label: (t) => t('views.coverage'), icon: 'grid' },
  { view: 'recommendations', label: (t) => t('views.recommendations'), icon: 'flag' },
  { view: 'earlier', label: (t) => t('views.earlier'), icon: 'history' },
  { view: 'checklist', label: (t) => t('views.checklist'), icon: 'clipboard' },
  { view: 'cover', label: (t) => t('views.cover'), icon: 'cover' },
];

export function ReportViewsBar({ mechanism }: { mechanism: string }) {
  const { t } = useTranslation();
  const view = useTreatyUiStore((s) => s.view);
  const setView = useTreatyUiStore((s) => s.setView);
  const reset = useTreatyUiStore((s) => s.reset);
  const listRef = useRef<HTMLUListElement>(null);
  // A view and a tag filter belong to one report: leaving it starts the next one afresh.
  useEffect(() => () => reset(), [reset]);
  // On a phone the bar scrolls sideways: keep the current view's tab in sight (it may change from elsewhere).
  useEffect(() => {
    listRef.current?.querySelector('[aria-current="page"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [view]);
  return (
    <nav className="views-bar" aria-label={t('views.label')}>
      <ul className="views-bar__list" ref={listRef}>
        {VIEWS.map((v) => (
          <li key={v.view}>
            <button
              type="button"
              className="views-bar__item"
              aria-current={view === v.view ? 'page' : undefined}
              data-view={v.view}
              onClick={() => {
                setView(v.view);
                document.getElementById('main')?.scrollTo(0, 0);
              }}
            >
              <TreatyIcon name={v.icon} size={16} />
              {v.view === 'earlier' && mechanism === 'UPR' ? t('views.previousCycle') : v.label(t)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
