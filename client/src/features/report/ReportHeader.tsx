import { MECHANISM_NAMES, isMechanism } from '../../../../shared/api/mechanisms.ts';
import { LIMITS } from '../../../../shared/api/validate.ts';
import { setReportField } from '../../../../shared/report/layout.ts';
import type { ReportSession, SessionSnapshot } from '../../sync/ReportSession.ts';
import { usePresenceStore } from '../../stores/presenceStore.ts';
import { useReportUiStore } from '../../stores/reportUiStore.ts';
import { SyncStatusBadge } from '../../ui/SyncStatusBadge.tsx';
import { Icon } from '../../ui/Icon.tsx';
import { PeerDots } from '../outline/PeerDots.tsx';
import { EditableText } from './EditableText.tsx';
// Export and import (issue 6).
import { ExportButton } from '../export/ExportButton.tsx';
import { ImportButton } from '../import/ImportButton.tsx';

/** Title, mechanism and State of the report, who else is here, and the sync status. */
export function ReportHeader({ session, snapshot }: { session: ReportSession; snapshot: SessionSnapshot }) {
  const { meta, canEdit, status } = snapshot;
  const peers = usePresenceStore((s) => s.peers);
  const outlineOpen = useReportUiStore((s) => s.outlineOpen);
  const setOutlineOpen = useReportUiStore((s) => s.setOutlineOpen);
  const mechanismName = isMechanism(meta.mechanism) ? MECHANISM_NAMES[meta.mechanism] : meta.mechanism;
  return (
    <header className="report-header">
      <div className="report-header__main">
        <EditableText
          className="report-header__title"
          label="Report title"
          value={meta.title}
          placeholder="Untitled report"
          disabled={!canEdit}
          maxLength={LIMITS.titleChars}
          onCommit={(v) => setReportField(session.doc, 'title', v || meta.title)}
        />
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
            <span className="state-field__label">
              State
            </span>
            <EditableText
              className="state-field__input"
              label="State under review"
              value={meta.stateUnderReview}
              placeholder="Add the State"
              disabled={!canEdit}
              maxLength={LIMITS.stateChars}
              onCommit={(v) => setReportField(session.doc, 'stateUnderReview', v)}
            />
          </span>
        </div>
      </div>
      <div className="report-header__side">
        <button
          type="button"
          className="button button--small outline-toggle"
          aria-expanded={outlineOpen}
          aria-controls="outline-pane"
          onClick={() => setOutlineOpen(!outlineOpen)}
        >
          <Icon name="menu" size={16} /> Outline
        </button>
        <ExportButton session={session} snapshot={snapshot} />
        {canEdit && <ImportButton session={session} />}
        <PeerDots peers={peers} where="in this report" max={4} />
        <SyncStatusBadge status={status} />
      </div>
    </header>
  );
}
