/**
 * Two versions (or a version and now) side by side in one reading: sections added, removed, moved or
 * renamed, and inside each the words deleted (struck, red) and inserted (underlined, green).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiffOp, SectionComparison } from '../../../../shared/report/compare.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { compareVersions, type Version } from './reviewApi.ts';
import { fillSlots, slot } from './slots.tsx';

/** Long unchanged stretches are shortened to their ends, so the changes stand out. */
const CONTEXT_CHARS = 160;

function Equal({ text, first, last }: { text: string; first: boolean; last: boolean }) {
  const { t } = useTranslation();
  if (text.length <= CONTEXT_CHARS * 2 + 20) return <span>{text}</span>;
  const head = first ? '' : text.slice(0, CONTEXT_CHARS);
  const tail = last ? '' : text.slice(-CONTEXT_CHARS);
  return (
    <span>
      {head}
      <span className="diff-gap" aria-label={t('reviewUi.compare.gap')}>
        {' '}…{' '}
      </span>
      {tail}
    </span>
  );
}

function Ops({ ops }: { ops: DiffOp[] }) {
  return (
    <p className="diff-text">
      {ops.map((op, i) =>
        op.kind === 'insert' ? (
          <ins key={i} className="diff-ins">
            {op.text}
          </ins>
        ) : op.kind === 'delete' ? (
          <del key={i} className="diff-del">
            {op.text}
          </del>
        ) : (
          <Equal key={i} text={op.text} first={i === 0} last={i === ops.length - 1} />
        ),
      )}
    </p>
  );
}

function SectionDiff({ s }: { s: SectionComparison }) {
  const { t } = useTranslation();
  const title = s.title || t('outline.untitled');
  return (
    <section className={`diff-section diff-section--${s.change}`} data-testid="diff-section">
      <div className="diff-section__head">
        <h3 className="diff-section__title">{s.change === 'removed' ? <del>{title}</del> : title}</h3>
        {s.change === 'added' && <span className="badge badge--added">{t('reviewUi.compare.added')}</span>}
        {s.change === 'removed' && <span className="badge badge--removed">{t('reviewUi.compare.removed')}</span>}
        {s.previousTitle !== null && <span className="badge">{t('reviewUi.compare.renamedFrom', { title: s.previousTitle })}</span>}
        {s.moved && <span className="badge">{t('reviewUi.compare.moved')}</span>}
        {(s.inserted > 0 || s.deleted > 0) && (
          <span className="diff-section__counts muted">
            {fillSlots(t('reviewUi.compare.words', { counts: slot('counts') }), {
              counts: (
                <>
                  {s.inserted > 0 && <span className="diff-count--ins">+{s.inserted}</span>} {s.deleted > 0 && <span className="diff-count--del">−{s.deleted}</span>}
                </>
              ),
            })}
          </span>
        )}
      </div>
      {s.ops.length > 0 ? <Ops ops={s.ops} /> : <p className="muted">{t('reviewUi.versionViewer.noText')}</p>}
    </section>
  );
}

export default function CompareView({
  reportId,
  from,
  to,
  versions,
  onClose,
  loadComparison,
}: {
  reportId: string;
  from: string;
  to: string;
  versions: Version[];
  onClose: () => void;
  /** How to compare when not on the server (an encrypted report: in the browser). */
  loadComparison?: (from: string, to: string) => Promise<SectionComparison[]>;
}) {
  const { t } = useTranslation();
  const [sections, setSections] = useState<SectionComparison[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [showUnchanged, setShowUnchanged] = useState(false);
  useEffect(() => {
    let live = true;
    setSections(null);
    (loadComparison ? loadComparison(from, to) : compareVersions(reportId, from, to)).then(
      (s) => live && setSections(s),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [reportId, from, to]);

  const name = (ref: string) => {
    if (ref === 'current') return t('reviewUi.compare.now');
    const found = versions.find((v) => v.id === ref);
    return found ? t('reviewUi.versionViewer.title', { name: found.name }) : t('reviewUi.compare.aVersion');
  };
  const changed = sections?.filter((s) => s.change !== 'unchanged' || s.moved) ?? [];
  const unchanged = sections?.filter((s) => s.change === 'unchanged' && !s.moved) ?? [];
  const inserted = changed.reduce((n, s) => n + s.inserted, 0);
  const deleted = changed.reduce((n, s) => n + s.deleted, 0);

  return (
    <Dialog open onClose={onClose} title={t('reviewUi.compare.title', { from: name(from), to: name(to) })} className="dialog--sheet">
      <div className="sheet" data-testid="compare-view">
        <div className="sheet__bar">
          {sections && (
            <p className="muted" aria-live="polite">
              {changed.length === 0 ? t('reviewUi.compare.noDifferences') : t('reviewUi.compare.summary', { sections: changed.length, inserted, deleted })}
            </p>
          )}
          <p className="diff-legend muted" aria-hidden="true">
            <del className="diff-del">{t('reviewUi.compare.legendDeleted')}</del> <ins className="diff-ins">{t('reviewUi.compare.legendInserted')}</ins>
          </p>
        </div>
        <div className="sheet__body">
          {failed && <p className="field__error">{t('reviewUi.compare.failed')}</p>}
          {!sections && !failed && <p className="muted">{t('reviewUi.compare.comparing')}</p>}
          {changed.map((s) => (
            <SectionDiff key={s.id} s={s} />
          ))}
          {unchanged.length > 0 && (
            <div className="diff-unchanged">
              <button type="button" className="button button--small button--ghost" aria-expanded={showUnchanged} onClick={() => setShowUnchanged(!showUnchanged)}>
                {t('reviewUi.compare.toggleUnchanged', { shown: showUnchanged ? 'yes' : 'no', count: unchanged.length })}
              </button>
              {showUnchanged && unchanged.map((s) => <SectionDiff key={s.id} s={s} />)}
            </div>
          )}
        </div>
      </div>
    </Dialog>
  );
}
