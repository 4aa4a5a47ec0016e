/**
 * Deleting, restoring and purging a report, as the report page and the list do it. Deleting moves the report to
 * its owner's trash on the server (TRASH_DAYS) and keeps this device's copy, read-only, so a report deleted by
 * mistake is never lost here; a toast offers Undo. Only "Delete forever" removes the device copy too.
 */
import { deleteReport, purgeReport, undeleteReport } from '../../api/reportsApi.ts';
import { forgetReport, markDeletedOnServer, markRestoredOnServer } from '../../db/catalog.ts';
import { localDocName } from '../../sync/localDoc.ts';
import { useToastStore } from '../../stores/toastStore.ts';
import { describeError } from '../../api/http.ts';
import { t } from '../../i18n/i18n.ts';

function toast(message: string, action?: { label: string; run: () => void }): void {
  useToastStore.getState().show(action ? { message, action } : { message });
}

/** Move to the trash (owners; online), then offer Undo. Throws when the server refuses (the caller shows why). */
export async function moveToTrash(id: string, title: string, onRestored?: () => void): Promise<void> {
  await deleteReport(id);
  await markDeletedOnServer(id);
  toast(t('accountUi.trash.moved', { title }), {
    label: t('accountUi.trash.undo'),
    run: () => {
      restoreFromTrash(id, title).then(onRestored, (err: unknown) => toast(t('accountUi.trash.restoreFailed', { title, error: describeError(err) })));
    },
  });
}

/** Take out of the trash: back for everyone, with its versions and discussion; this device's copy syncs again. */
export async function restoreFromTrash(id: string, title: string): Promise<void> {
  await undeleteReport(id);
  await markRestoredOnServer(id);
  toast(t('accountUi.trash.restored', { title }));
}

/** Delete for good from the trash, and this device's copy with it. */
export async function deleteForever(id: string, title: string): Promise<void> {
  await purgeReport(id);
  await forgetReport(id, localDocName(id));
  toast(t('accountUi.trash.deletedForGood', { title }));
}

/** Remove the device's copy of a report the server deleted (nothing is sent to the server). */
export async function removeDeviceCopy(id: string): Promise<void> {
  await forgetReport(id, localDocName(id));
}

/** The server's default TRASH_DAYS, in days; the trash view shows each report's own date from the server. */
export const TRASH_DAYS = 30;
