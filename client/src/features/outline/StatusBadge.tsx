import type { SectionStatus } from '../../../../shared/report/layout.ts';

export const STATUS_LABELS: Record<SectionStatus, string> = {
  drafting: 'Drafting',
  'in-review': 'In review',
  final: 'Final',
};

export function StatusBadge({ status }: { status: SectionStatus }) {
  return <span className={`status-badge status-badge--${status}`}>{STATUS_LABELS[status]}</span>;
}
