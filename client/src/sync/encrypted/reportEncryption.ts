/** Whether a report is end-to-end encrypted: known on the device once seen, otherwise asked of the server. */
import { fetchServerReport } from '../../api/reportsApi.ts';
import { getLocalReport, recordAccess } from '../../db/catalog.ts';

export async function reportEncryption(reportId: string): Promise<boolean> {
  const local = await getLocalReport(reportId).catch(() => undefined);
  if (local?.encrypted !== undefined) return local.encrypted;
  if (!navigator.onLine) return false;
  try {
    const encrypted = (await fetchServerReport(reportId)).encrypted === true;
    if (local) await recordAccess(reportId, { encrypted });
    return encrypted;
  } catch {
    return false;
  }
}
