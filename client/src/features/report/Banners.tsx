import { useState } from 'react';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { CloseCodes } from '../../../../shared/protocol/closeCodes.ts';
import { isReader, readOnlyMessage, roleWithArticle } from '../../auth/permissions.ts';
import type { ReportSession, SessionSnapshot } from '../../sync/ReportSession.ts';

function changes(n: number): string {
  return n === 1 ? '1 change' : `${n} changes`;
}

/** Explanations that need more room than the status: the role, newer schema, report missing on the server. */
export function Banners({ session, snapshot }: { session: ReportSession; snapshot: SessionSnapshot }) {
  const { facts } = snapshot;
  const [uploading, setUploading] = useState(false);
  const [uploadFailed, setUploadFailed] = useState(false);
  const [discarding, setDiscarding] = useState(false);
  const banners: {
    key: string;
    tone: 'info' | 'warning' | 'error';
    title?: string;
    text: string;
    action?: { label: string; run: () => void };
    secondary?: { label: string; run: () => void };
  }[] = [];

  if (facts.schemaTooNew) {
    banners.push({ key: 'schema', tone: 'warning', text: 'This report was written with a newer version of Rightsdraft; update to edit it.' });
  }
  const role = facts.role;
  const gone = facts.closeCode === CloseCodes.ReportDeleted.code;
  if (gone) {
    // Said below; the role no longer matters.
  } else if (role && isReader(role) && facts.view === 'server') {
    const n = facts.unsyncedChanges;
    banners.push({
      key: 'unsendable',
      tone: 'warning',
      text:
        n > 0
          ? `You are now ${roleWithArticle(role)}; ${changes(n)} made on this device can’t be sent. ${n === 1 ? 'It stays' : 'They stay'} on this device and ${n === 1 ? 'is' : 'are'} sent if you can edit again. Shown here: the text on the server.`
          : `You are now ${roleWithArticle(role)}; changes made on this device can’t be sent. They stay on this device. Shown here: the text on the server.`,
    });
  } else if (role && isReader(role)) {
    banners.push({
      key: 'read-only',
      tone: 'info',
      text:
        role === 'reviewer'
          ? `${readOnlyMessage(role)}. What you suggest and comment goes to its editors.`
          : `${readOnlyMessage(role)}. Ask its owner if you need to edit.`,
    });
  } else if (facts.closeCode === CloseCodes.ReadOnly.code) {
    banners.push({ key: 'read-only', tone: 'info', text: 'You can read this report but not change it. Ask the report’s owner for edit access.' });
  }
  if (facts.closeCode === CloseCodes.ReportDeleted.code) {
    banners.push({ key: 'deleted', tone: 'error', text: 'This report was deleted on the server. The copy on this device is shown read-only.' });
  }
  if (facts.closeCode === CloseCodes.UnknownReport.code && !facts.pendingCreate && snapshot.initialised) {
    banners.push({
      key: 'unknown',
      tone: 'error',
      text: uploadFailed
        ? 'This report is not on the server, and uploading it failed (or someone else’s report has this address). Your copy on this device is safe.'
        : 'This report is not on the server, or you no longer have access to it. Your copy on this device is safe.',
      action: {
        label: uploading ? 'Uploading…' : 'Upload it to the server',
        run: () => {
          setUploading(true);
          void session.uploadFromDevice().then((ok) => {
            setUploading(false);
            setUploadFailed(!ok);
          });
        },
      },
    });
  }
  if (facts.closeCode === CloseCodes.ReportFull.code && facts.connection === 'idle') {
    banners.push({
      key: 'report-full',
      tone: 'error',
      title: 'This report has reached its size limit',
      text:
        'The server did not save your latest change, so it is kept on this device only. Remove large pasted content (long pasted documents or tables), or ask the report’s owner to delete old versions, then try again. If the report really needs more room, contact your administrator.',
      action: { label: 'Try again', run: () => session.retry() },
      secondary: { label: 'Discard unsaved changes…', run: () => setDiscarding(true) },
    });
  }
  if (facts.closeCode === CloseCodes.MalformedMessage.code && facts.connection === 'idle') {
    banners.push({ key: 'malformed', tone: 'error', text: 'Sync stopped because the server could not read a change.', action: { label: 'Try again', run: () => session.retry() } });
  }
  if (banners.length === 0) return null;
  return (
    <div className="banners">
      <ConfirmDialog
        open={discarding}
        title="Discard the changes the server did not save?"
        confirmLabel="Discard and reload"
        danger
        onClose={() => setDiscarding(false)}
        onConfirm={async () => {
          await session.discardUnsavedChanges();
          location.reload();
        }}
      >
        <p>The changes on this device that the server has not saved are removed, and the report is loaded again as the server has it.</p>
        <p className="muted">Copy anything you want to keep (for example the pasted text) before you go on.</p>
      </ConfirmDialog>
      {banners.map((b) => (
        <div key={b.key} className={`banner banner--${b.tone}`} role={b.tone === 'error' ? 'alert' : 'status'} data-testid={`banner-${b.key}`}>
          <span className={b.title ? 'banner__text' : undefined}>
            {b.title && <strong className="banner__title">{b.title}. </strong>}
            {b.text}
          </span>
          {(b.action || b.secondary) && (
            <span className="banner__actions">
              {b.action && (
                <button type="button" className="button button--small" onClick={b.action.run} disabled={uploading}>
                  {b.action.label}
                </button>
              )}
              {b.secondary && (
                <button type="button" className="button button--small button--ghost" onClick={b.secondary.run}>
                  {b.secondary.label}
                </button>
              )}
            </span>
          )}
        </div>
      ))}
    </div>
  );
}
