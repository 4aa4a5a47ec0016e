const LOCAL_DOC_PREFIX = 'rightsdraft:';

/** The y-indexeddb database that holds a report's content on this device. */
export function localDocName(reportId: string): string {
  return LOCAL_DOC_PREFIX + reportId;
}

/**
 * The report a y-indexeddb database belongs to, from its name (`rightsdraft:<id>` for the content,
 * `rightsdraft:<id>/discussion` for the discussion); null for any other database.
 */
export function reportOfLocalDoc(databaseName: string): string | null {
  if (!databaseName.startsWith(LOCAL_DOC_PREFIX)) return null;
  const reportId = databaseName.slice(LOCAL_DOC_PREFIX.length).split('/')[0];
  return reportId ? reportId : null;
}
