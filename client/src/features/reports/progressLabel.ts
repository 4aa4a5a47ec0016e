/** A report's progress ("Drafting", "In review"…) in the interface language. */
import type { TFunction } from 'i18next';
import type { ReportProgress } from '../../../../shared/report/progress.ts';

export function progressLabel(progress: ReportProgress, t: TFunction): string {
  if (progress === 'empty') return t('report.noSections');
  if (progress === 'in-review') return t('status.inReview');
  if (progress === 'final') return t('status.final');
  return t('status.drafting');
}
