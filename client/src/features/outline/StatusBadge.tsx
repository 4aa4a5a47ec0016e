import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { SectionStatus } from '../../../../shared/report/layout.ts';

/** A section's status in the interface language. */
export function statusLabel(status: SectionStatus, t: TFunction): string {
  if (status === 'in-review') return t('status.inReview');
  if (status === 'final') return t('status.final');
  return t('status.drafting');
}

export function StatusBadge({ status }: { status: SectionStatus }) {
  const { t } = useTranslation();
  return <span className={`status-badge status-badge--${status}`}>{statusLabel(status, t)}</span>;
}
