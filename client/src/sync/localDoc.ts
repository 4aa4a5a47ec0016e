/** The y-indexeddb database that holds a report's content on this device. */
export function localDocName(reportId: string): string {
  return 'rightsdraft:' + reportId;
}
