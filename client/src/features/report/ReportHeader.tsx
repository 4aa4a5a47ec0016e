import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isMechanism } from '../../../../shared/api/mechanisms.ts';
import { mechanismName as nameOf } from '../../../../shared/i18n/mechanismNames.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { LIMITS } from '../../../../shared/api/validate.ts';
import { CloseCodes } from '../../../../shared/protocol/closeCodes.ts';
import { setReportField } from '../../../../shared/report/layout.ts';
import { navigate } from '../../app/router.ts';
import { useAccount } from '../../auth/useAccount.ts';
import { moveToTrash, TRASH_DAYS } from '../reports/trashActions.ts';
import type { ReportSession, SessionSnapshot } from '../../sync/ReportSession.ts';
import { usePresenceStore } from '../../stores/presenceStore.ts';
import { useReportUiStore } from '../../stores/reportUiStore.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { Icon } from '../../ui/Icon.tsx';
import { RoleBadge } from '../../ui/RoleBadge.tsx';
import { SyncStatusBadge } from '../../ui/SyncStatusBadge.tsx';
import { useCompactHeader } from '../../ui/useCompactHeader.ts';
import { EditableText } from './EditableText.tsx';
import { PeopleHere } from './PeopleHere.tsx';
import { ShareDialog } from './ShareDialog.tsx';
import { ReportWordCount } from '../submission/ReportWordCount.tsx';
// Export and import (issue 6).
import { ExportButton } from '../export/ExportButton.tsx';
import { ImportButton } from '../import/ImportButton.tsx';

/** Title, mechanism and State of the report, the user's role, who else is here, sharing, review actions, and the sync status. */
/**
 * `actions` stay in the header's row at every width; `menuActions` (find, print) stand in the row on wider screens
 * and go into the "Report actions" menu on a phone, where the row has no room for them.
 */
export function ReportHeader({
  session,
  snapshot,
  actions,
  menuActions,
}: {
  session: ReportSession;
  snapshot: SessionSnapshot;
  actions?: ReactNode;
  menuActions?: ReactNode;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const { meta, canEdit, status, facts, permissions } = snapshot;
  const peers = usePresenceStore((s) => s.peers);
  const outlineOpen = useReportUiStore((s) => s.outlineOpen);
  const setOutlineOpen = useReportUiStore((s) => s.setOutlineOpen);
  const account = useAccount();
  const [sharing, setSharing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  // On a phone: title, outline, review, status and a "Report actions" menu holding the rest.
  const compact = useCompactHeader();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!menuOpen) return;
    const close = (e: PointerEvent) => {
      const target = e.target as Node;
      // Dialogs opened from the menu (export, sharing) are outside it: clicking there does not close it.
      if (menuRef.current?.contains(target) || menuButtonRef.current?.contains(target) || (target as Element).closest?.('dialog, [role="dialog"]')) return;
      setMenuOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !document.querySelector('dialog[open]')) {
        setMenuOpen(false);
        menuButtonRef.current?.focus();
      }
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', onKey);
    };
  }, [menuOpen]);
  const mechanismName = isMechanism(meta.mechanism) ? nameOf(meta.mechanism, currentLanguage()) : meta.mechanism;
  const title = meta.title || t('report.untitled');
  // Members live on the server; a report made offline and not yet published has none to show.
  const refusedCodes: number[] = [CloseCodes.Unauthorized.code, CloseCodes.UnknownReport.code, CloseCodes.ReportDeleted.code];
  const canShare = facts.online && !facts.pendingCreate && facts.role !== null && !refusedCodes.includes(facts.closeCode ?? 0);

  const handleDelete = async () => {
    await moveToTrash(session.reportId, title);
    setDeleting(false);
    navigate('/');
  };

  const reportMeta = (
    <div className="report-header__meta">
      {meta.mechanism && (
        <span className="mechanism">
          <abbr className="mechanism-code" title={mechanismName}>
            {meta.mechanism}
          </abbr>
          <span className="mechanism__name">{mechanismName}</span>
        </span>
      )}
      <span className="state-field">
        <span className="state-field__label">{t('report.state')}</span>
        <EditableText
          className="state-field__input"
          label={t('report.stateUnderReview')}
          value={meta.stateUnderReview}
          placeholder={canEdit ? t('report.addState') : t('report.notSet')}
          disabled={!canEdit}
          maxLength={LIMITS.stateChars}
          onCommit={(v) => setReportField(session.doc, 'stateUnderReview', v)}
        />
      </span>
    </div>
  );

  // Export, import, word count, people, role and sharing: in the row on wider screens, in the menu on a phone.
  const secondary = (
    <>
      <ExportButton session={session} snapshot={snapshot} />
      {canEdit && <ImportButton session={session} />}
      <ReportWordCount doc={session.doc} />
      <PeopleHere peers={peers} />
      {facts.role && <RoleBadge role={facts.role} prefix={t('report.you')} focusable />}
      {canShare && (
        <button
          type="button"
          className="button button--small share-button"
          aria-label={permissions.manageMembers ? t('report.share') : t('report.people')}
          onClick={() => setSharing(true)}
        >
          <Icon name="people" size={16} /> <span className="share-button__label">{permissions.manageMembers ? t('report.share') : t('report.people')}</span>
        </button>
      )}
    </>
  );

  return (
    // Not a <header>: the page's banner is the top bar; this is the report's own heading area, and its title (an
    // editable field) is also the page's main heading for screen readers.
    <section className={`report-header${compact ? ' report-header--compact' : ''}`} aria-labelledby={headingId}>
      <h1 className="visually-hidden" id={headingId}>
        {title}
      </h1>
      <div className="report-header__main">
        <EditableText
          className="report-header__title"
          label={t('report.titleLabel')}
          value={meta.title}
          placeholder={t('report.untitled')}
          disabled={!canEdit}
          maxLength={LIMITS.titleChars}
          onCommit={(v) => setReportField(session.doc, 'title', v || meta.title)}
        />
        {!compact && reportMeta}
      </div>
      <div className="report-header__side">
        <button
          type="button"
          className="button button--small outline-toggle"
          aria-expanded={outlineOpen}
          aria-controls="outline-pane"
          aria-label={t('outline.title')}
          onClick={() => setOutlineOpen(!outlineOpen)}
        >
          <Icon name="menu" size={16} /> <span className="outline-toggle__label">{t('outline.title')}</span>
        </button>
        {!compact && menuActions}
        {actions}
        {!compact && secondary}
        <SyncStatusBadge status={status} />
        {compact && (
          <button
            ref={menuButtonRef}
            type="button"
            className="button button--small report-header__menu-button"
            aria-label={t('report.actions')}
            aria-expanded={menuOpen}
            onClick={() => setMenuOpen((o) => !o)}
          >
            <Icon name="more" size={16} />
          </button>
        )}
        {compact && menuOpen && (
          <div ref={menuRef} className="report-header__menu" role="group" aria-label={t('report.actions')}>
            {reportMeta}
            <div className="report-header__menu-actions">
              {menuActions && (
                // Find opens its bar and print its dialog: the menu closes behind them.
                <span className="report-header__menu-group" onClickCapture={() => setMenuOpen(false)}>
                  {menuActions}
                </span>
              )}
              {secondary}
            </div>
          </div>
        )}
      </div>
      {canShare && (
        <ShareDialog
          open={sharing}
          onClose={() => setSharing(false)}
          reportId={session.reportId}
          reportTitle={title}
          isOwner={permissions.manageMembers}
          myUserId={account?.id}
          onDelete={() => {
            setSharing(false);
            setDeleting(true);
          }}
        />
      )}
      <ConfirmDialog
        open={deleting}
        title={t('report.delete.title', { title })}
        confirmLabel={t('report.delete.confirm')}
        danger
        onClose={() => setDeleting(false)}
        onConfirm={handleDelete}
      >
        <p>{t('report.delete.text', { title, days: TRASH_DAYS })}</p>
      </ConfirmDialog>
    </section>
  );
}
