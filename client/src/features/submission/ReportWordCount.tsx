/**
 * The report's word count against its limit, in the report header: counted as the mechanism counts it
 * (footnotes and annexes out where the rules say), live as anyone types, warning near and past the limit in
 * words and colour. Hover or focus shows where the limit comes from; a click opens the checklist.
 */
import { useTranslation } from 'react-i18next';
import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { Tooltip } from '../../ui/Tooltip.tsx';
import { useDerived } from '../treaty/docDerived.ts';
import { TreatyIcon } from '../treaty/TreatyIcon.tsx';
import { useTreatyUiStore } from '../treaty/treatyUiStore.ts';
import { LimitSource } from './LimitSource.tsx';
import { reportWordsOf } from './reportWordsStore.ts';
import { describeWordStatus } from './wordDisplay.ts';
import './submission.css';

export function ReportWordCount({ doc }: { doc: Y.Doc }) {
  const { t } = useTranslation();
  const words = useDerived(reportWordsOf(doc));
  const setView = useTreatyUiStore((s) => s.setView);
  const display = describeWordStatus(words.status);
  const announcement = useStateAnnouncement(words.status.state === 'near' || words.status.state === 'over' ? words.status.state : '');
  return (
    <>
      <Tooltip
        content={
          <>
            <span className="tooltip__title">{display.long}</span>
            {words.total !== words.counted && <span className="tooltip__text">{t('submission.reportWords.total', { count: words.total })}</span>}
            <LimitSource limit={words.limit} mechanism={words.mechanism} submissionType={words.submissionType} />
            <span className="tooltip__hint">{t('submission.reportWords.clickHint')}</span>
          </>
        }
      >
        <button
          type="button"
          className={`word-count word-count--${display.tone}`}
          data-testid="report-word-count"
          data-state={words.status.state}
          onClick={() => setView('checklist')}
        >
          {/* Named by its full sentence (no aria-label over different visible words, WCAG 2.5.3). */}
          <span className="visually-hidden" data-testid="report-word-count-name">{t('submission.reportWords.name', { long: display.long })}</span>
          {(display.tone === 'near' || display.tone === 'over') && <TreatyIcon name="alert" size={16} />}
          <span className="word-count__count" aria-hidden="true">{display.figure}</span>{' '}
          <span className="word-count__unit" aria-hidden="true">{t('wordCount.unit', { count: words.counted })}</span>
          {display.flag && <span className="word-count__flag" aria-hidden="true">{display.flag}</span>}
        </button>
      </Tooltip>
      <span className="visually-hidden" role="status">
        {announcement}
      </span>
    </>
  );
}

/** Announce a warning when it first appears or changes kind, not on every word typed. */
function useStateAnnouncement(kind: '' | 'near' | 'over'): string {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const last = useRef(kind);
  useEffect(() => {
    if (kind === last.current) return;
    last.current = kind;
    setText(kind === 'near' ? t('submission.reportWords.nearAnnounce') : kind === 'over' ? t('submission.reportWords.overAnnounce') : '');
  }, [kind, t]);
  return text;
}
