/** One tracked recommendation: its symbol, text, follow-up date, latest status per place, and its log with a form to add to it. */
import { useId, useState } from 'react';
import { DEFAULT_DEADLINE_TIME, DEFAULT_DEADLINE_ZONE, toDeadline } from '../../../../shared/deadlines/deadline.ts';
import { FOLLOW_UP_STATUSES, paragraphSymbol, statusByPlace, type FollowUpStatus } from '../../../../shared/followup/types.ts';
import { describeError } from '../../api/http.ts';
import { deadlineView } from '../deadlines/deadlineText.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { addLogEntry, deleteTracked, type TrackedItem } from './followUpApi.ts';

const today = () => new Date().toISOString().slice(0, 10);

export function TrackedCard({ item, now, onChanged }: { item: TrackedItem; now: number; onChanged: () => void }) {
  const latest = [...statusByPlace(item.log).values()].sort((a, b) => a.place.localeCompare(b.place));
  const due = item.followUpDue ? deadlineView(toDeadline({ date: item.followUpDue, time: DEFAULT_DEADLINE_TIME, zone: DEFAULT_DEADLINE_ZONE }), now) : null;
  const [open, setOpen] = useState(false);
  const [removing, setRemoving] = useState(false);
  return (
    <li className="tracked" id={item.id} data-testid="tracked-item">
      <div className="tracked__head">
        <span className="tracked__symbol">{paragraphSymbol(item)}</span>
        {item.topic && <span className="tracked__topic">{item.topic}</span>}
        {due && (
          <span className={`deadline-badge deadline-badge--${due.tone}`} data-testid="followup-due">
            Follow-up due {due.when} · {due.leftText}
          </span>
        )}
      </div>
      <p className="tracked__text">{item.text}</p>
      <ul className="tracked__statuses" aria-label="Latest status per place">
        {latest.length === 0 && <li className="muted">No evidence logged yet.</li>}
        {latest.map((e) => (
          <li key={e.place} className={`status-chip status-chip--${e.status.replace(/ /g, '-')}`} data-testid="place-status">
            {e.place || 'Whole State'}: {e.status}
          </li>
        ))}
      </ul>
      <div className="tracked__actions">
        <button type="button" className="button button--ghost button--small" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Hide the log' : `Log (${item.log.length})${item.right === 'write' ? ' and add evidence' : ''}`}
        </button>
        {item.right === 'write' && (
          <button type="button" className="button button--ghost button--small tracked__remove" onClick={() => setRemoving(true)}>
            Stop tracking…
          </button>
        )}
      </div>
      <ConfirmDialog
        open={removing}
        title={`Stop tracking ${paragraphSymbol(item)}?`}
        confirmLabel="Stop tracking"
        danger
        onConfirm={async () => {
          await deleteTracked(item.id);
          onChanged();
        }}
        onClose={() => setRemoving(false)}
      >
        <p>The recommendation and its log of {item.log.length} entr{item.log.length === 1 ? 'y' : 'ies'} are deleted for everyone who tracks it.</p>
      </ConfirmDialog>
      {open && (
        <div className="tracked__log">
          <ol className="log-list">
            {[...item.log].reverse().map((e) => (
              <li key={e.id} data-testid="log-entry">
                <span className="log-list__date">{e.observedOn}</span> <strong>{e.place || 'Whole State'}</strong>: {e.status}
                {e.note && <span> — {e.note}</span>}
                {e.evidenceUrl && (
                  <>
                    {' '}
                    <a href={e.evidenceUrl} rel="noopener noreferrer" target="_blank">
                      evidence
                    </a>
                  </>
                )}
                <span className="muted"> ({e.authorName})</span>
              </li>
            ))}
          </ol>
          {item.right === 'write' && <LogForm itemId={item.id} places={latest.map((e) => e.place).filter(Boolean)} onAdded={onChanged} />}
        </div>
      )}
    </li>
  );
}

function LogForm({ itemId, places, onAdded }: { itemId: string; places: string[]; onAdded: () => void }) {
  const id = useId();
  const [place, setPlace] = useState(places[0] ?? '');
  const [status, setStatus] = useState<FollowUpStatus>('in progress');
  const [observedOn, setObservedOn] = useState(today);
  const [note, setNote] = useState('');
  const [evidenceUrl, setEvidenceUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="log-form"
      aria-label="Add to the log"
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        addLogEntry(itemId, { place: place.trim(), status, observedOn, note: note.trim(), evidenceUrl: evidenceUrl.trim() || null })
          .then(() => {
            setNote('');
            setEvidenceUrl('');
            onAdded();
          })
          .catch((err: unknown) => setError(describeError(err)))
          .finally(() => setBusy(false));
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-place`}>
          Place <span className="field__optional">(empty: the whole State)</span>
        </label>
        <input id={`${id}-place`} className="input" list={`${id}-places`} value={place} maxLength={100} onChange={(e) => setPlace(e.target.value)} placeholder="e.g. Springfield" />
        <datalist id={`${id}-places`}>
          {places.map((p) => (
            <option key={p} value={p} />
          ))}
        </datalist>
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>Status</label>
        <select id={`${id}-status`} className="input" value={status} onChange={(e) => setStatus(e.target.value as FollowUpStatus)}>
          {FOLLOW_UP_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-date`}>Evidence from</label>
        <input id={`${id}-date`} className="input" type="date" required value={observedOn} onChange={(e) => setObservedOn(e.target.value)} />
      </div>
      <div className="field log-form__wide">
        <label htmlFor={`${id}-note`}>What was found</label>
        <textarea id={`${id}-note`} className="input" rows={2} maxLength={4000} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <div className="field log-form__wide">
        <label htmlFor={`${id}-url`}>
          Evidence link <span className="field__optional">(optional)</span>
        </label>
        <input id={`${id}-url`} className="input" type="url" maxLength={2000} value={evidenceUrl} onChange={(e) => setEvidenceUrl(e.target.value)} placeholder="https://" />
      </div>
      {error && (
        <p className="field__error log-form__wide" role="alert">
          {error}
        </p>
      )}
      <div className="log-form__wide">
        <button type="submit" className="button button--primary button--small" disabled={busy}>
          {busy ? 'Adding…' : 'Add to the log'}
        </button>
      </div>
    </form>
  );
}
