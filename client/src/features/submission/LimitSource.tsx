import { useTranslation } from 'react-i18next';
import type { EffectiveWordLimit } from '../../../../shared/submission/wordLimits.ts';
import { limitNoteKey } from './limitNotes.ts';
import { limitOrigin, notCountedText } from './wordDisplay.ts';

/** Where a word limit comes from and what it leaves out: the tooltip of every count shown against it. */
export function LimitSource({ limit, mechanism, submissionType }: { limit: EffectiveWordLimit; mechanism: string; submissionType: string | null }) {
  const { t } = useTranslation();
  const rule = limit.rule;
  return (
    <>
      <span className="tooltip__text">{limitOrigin(limit, mechanism, submissionType)} {notCountedText(limit)}</span>
      {limit.from === 'table' && rule && (
        <>
          <span className="tooltip__meta">{t('submission.coverForm.source')}</span>
          <span className="tooltip__sources">
            {rule.sources.map((s) => (
              <span key={s} className="tooltip__source">
                {s}
              </span>
            ))}
          </span>
          {rule.note && <span className="tooltip__note">{t(limitNoteKey(rule))}</span>}
        </>
      )}
      {limit.from === 'report' && rule?.words != null && (
        <span className="tooltip__note">{t('submission.limitSource.tableSays', { count: rule.words })}</span>
      )}
    </>
  );
}
