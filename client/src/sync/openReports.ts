/** Reports open on screen in this tab; background sync leaves them to their own session. */
const open = new Map<string, number>();

export function markReportOpen(reportId: string): () => void {
  open.set(reportId, (open.get(reportId) ?? 0) + 1);
  return () => {
    const n = (open.get(reportId) ?? 1) - 1;
    if (n <= 0) open.delete(reportId);
    else open.set(reportId, n);
  };
}

export function isReportOpen(reportId: string): boolean {
  return open.has(reportId);
}
