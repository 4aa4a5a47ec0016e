/**
 * The formal rules before sending, from runChecks(doc): each check passed or failed, with its figures, its
 * limit, and what to do about it. Live as co-authors write.
 */
import type * as Y from 'yjs';
import { useTranslation } from 'react-i18next';
import { setCoverFields } from '../../../../shared/report/coverFields.ts';
import { runChecks, withSignOnChecks } from '../../../../shared/submission/checks.ts';
import { getCoverFields } from '../../../../shared/report/coverFields.ts';
import { useSignOnControls } from './useSignOnControls.ts';
import { Tooltip } from '../../ui/Tooltip.tsx';
import { derivedFrom, useDerived } from '../treaty/docDerived.ts';
import { TreatyIcon } from '../treaty/TreatyIcon.tsx';
import { useTreatyUiStore } from '../treaty/treatyUiStore.ts';
import { checkLabel, figuresOf, hintFor, type CheckFix } from './checkHints.ts';
import { checkMessage } from './checkMessages.ts';
import { formatNumber } from '../../i18n/format.ts';
import { LimitSource } from './LimitSource.tsx';
import { describeWordStatus } from './wordDisplay.ts';
import './submission.css';

const checksOf = derivedFrom(runChecks, 400);

export function ChecklistView({ doc, canEdit }: { doc: Y.Doc; canEdit: boolean }) {
  const { t } = useTranslation();
  const { signOn } = useSignOnControls(doc, canEdit);
  // Sign-on comes from the server: the organisation checks follow it (a coalition's list, pending organisations).
  const list = withSignOnChecks(useDerived(checksOf(doc)), getCoverFields(doc), signOn);
  const setView = useTreatyUiStore((s) => s.setView);
  const passed = list.checks.filter((c) => c.passed).length;
  const words = describeWordStatus(list.words.status);
  const longest = [...list.words.sections].filter((s) => s.counted > 0).sort((a, b) => b.counted - a.counted).slice(0, 3);

  const runFix = (fix: CheckFix) => {
    if (fix.kind === 'number-paragraphs') setCoverFields(doc, { paragraphNumbering: true });
    else setView(fix.view);
  };

  return (
    <section className="treaty-view checklist" aria-labelledby="checklist-title">
      <header className="treaty-view__head">
        <h2 id="checklist-title" className="treaty-view__title">
          {t('submission.checklist.title')}
        </h2>
        <p className={`checklist__summary checklist__summary--${list.passed ? 'pass' : 'fail'}`} role="status" data-testid="checklist-summary">
          <TreatyIcon name={list.passed ? 'check' : 'alert'} size={18} />
          {list.passed ? t('submission.checklist.allPass') : t('submission.checklist.somePass', { passed, total: list.checks.length })}
        </p>
      </header>

      <div className={`checklist__words word-panel word-panel--${words.tone}`}>
        <div>
          <p className="word-panel__label">{t('submission.checklist.wordsCounted')}</p>
          <p className="word-panel__figure">{words.count}</p>
          <p className="word-panel__long">{words.long}</p>
        </div>
        <Tooltip content={<LimitSource limit={list.words.limit} mechanism={list.mechanism} submissionType={list.submissionType} />}>
          <button type="button" className="button button--ghost button--small word-panel__source">
            <TreatyIcon name="info" size={16} /> {t('submission.checklist.limitSource')}
          </button>
        </Tooltip>
      </div>

      <ol className="checklist__list">
        {list.checks.map((check) => {
          const hint = hintFor(check);
          const figures = figuresOf(check);
          return (
            <li key={check.id} className={`check-item check-item--${check.passed ? 'pass' : 'fail'}`} data-testid="check-item" data-check-id={check.id} data-passed={check.passed}>
              <span className="check-item__icon" aria-hidden="true">
                <TreatyIcon name={check.passed ? 'check' : 'cross'} size={18} />
              </span>
              <div className="check-item__body">
                <h3 className="check-item__label">
                  {checkLabel(check)}
                  <span className="check-item__state">{check.passed ? t('submission.checklist.passed') : t('submission.checklist.notYet')}</span>
                </h3>
                <p className="check-item__message">{checkMessage(check, list.mechanism)}</p>
                {check.source && (
                  <p className="check-item__source" data-testid="check-source">
                    <span className="check-item__source-label">{t('submission.checklist.sourceLabel')}</span> {check.source}
                  </p>
                )}
                {figures.length > 0 && (
                  <dl className="check-item__figures">
                    {figures.map((f) => (
                      <div key={f.name}>
                        <dt>{f.name}</dt>
                        <dd>{f.value}</dd>
                      </div>
                    ))}
                  </dl>
                )}
                {!check.passed && hint && (
                  <div className="check-item__fix">
                    <p>{t(hint.hint)}</p>
                    {check.id === 'within-word-limit' && longest.length > 0 && (
                      <p className="muted">
                        {t('submission.checklist.longest', {
                          sections: longest
                            .map((s) => t('submission.checklist.longestItem', { title: s.title || t('submission.checklist.untitled'), count: formatNumber(s.counted) }))
                            .join(', '),
                        })}
                      </p>
                    )}
                    {hint.fix && (hint.fix.kind === 'view' || canEdit) && (
                      <button type="button" className="button button--small" onClick={() => runFix(hint.fix!)}>
                        {t(hint.fix.label)} <TreatyIcon name="arrow" size={16} />
                      </button>
                    )}
                  </div>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
