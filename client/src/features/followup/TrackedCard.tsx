/** One tracked recommendation: its symbol, text, follow-up date, latest status per place, and its log with a form to add to it. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_DEADLINE_TIME, DEFAULT_DEADLINE_ZONE, toDeadline } from '../../../../shared/deadlines/deadline.ts';
import { FOLLOW_UP_STATUSES, paragraphSymbol, statusByPlace, type FollowUpStatus } from '../../../../shared/followup/types.ts';
import { describeError } from '../../api/http.ts';
import { deadlineView } from '../deadlines/deadlineText.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { addLogEntry, deleteTracked, type TrackedItem } from './followUpApi.ts';

const today = () => new Date().toISOString().slice(0, 10);

export function TrackedCard({ item, now, onChanged }: { item: TrackedItem; now: number; onChanged: () => void }) {
  const { t } = useTranslation();
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
            {t('followup.due', { when: due.when, left: due.leftText })}
          </span>
        )}
      </div>
      <p className="tracked__text">{item.text}</p>
      <ul className="tracked__statuses" aria-label={t('followup.latestStatus')}>
        {latest.length === 0 && <li className="muted">{t('followup.noEvidence')}</li>}
        {latest.map((e) => (
          <li key={e.place} className={`status-chip status-chip--${e.status.replace(/ /g, '-')}`} data-testid="place-status">
            {e.place || t('followup.wholeState')}: {t(`followup.status.${e.status.replace(/ /g, '-')}`)}
          </li>
        ))}
      </ul>
      <div className="tracked__actions">
        <button type="button" className="button button--ghost button--small" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t('followup.hideLog') : item.right === 'write' ? t('followup.logAndAdd', { count: item.log.length }) : t('followup.log', { count: item.log.length })}
        </button>
        {item.right === 'write' && (
          <button type="button" className="button button--ghost button--small tracked__remove" onClick={() => setRemoving(true)}>
            {t('followup.stopTrackingMenu')}
          </button>
        )}
      </div>
      <ConfirmDialog
        open={removing}
        title={t('followup.stopTrackingTitle', { symbol: paragraphSymbol(item) })}
        confirmLabel={t('followup.stopTracking')}
        danger
        onConfirm={async () => {
          await deleteTracked(item.id);
          onChanged();
        }}
        onClose={() => setRemoving(false)}
      >
        <p>{t('coalitionsUi.trackedCard.stopTrackingText', { count: item.log.length })}</p>
      </ConfirmDialog>
      {open && (
        <div className="tracked__log">
          <ol className="log-list">
            {[...item.log].reverse().map((e) => (
              <li key={e.id} data-testid="log-entry">
                <span className="log-list__date">{e.observedOn}</span> <strong>{e.place || t('followup.wholeState')}</strong>: {t(`followup.status.${e.status.replace(/ /g, '-')}`)}
                {e.note && <span> — {e.note}</span>}
                {e.evidenceUrl && (
                  <>
                    {' '}
                    <a href={e.evidenceUrl} rel="noopener noreferrer" target="_blank">
                      {t('followup.evidence')}
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
  const { t } = useTranslation();
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
      aria-label={t('followup.addToLog')}
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
          {t('followup.place')} <span className="field__optional">{t('followup.placeHint')}</span>
        </label>
        <input id={`${id}-place`} className="input" list={`${id}-places`} value={place} maxLength={100} onChange={(e) => setPlace(e.target.value)} placeholder={t('followup.placeExample')} />
        <datalist id={`${id}-places`}>
          {places.map((p) => (
            <option key={p} value={p} />
          ))}
        </datalist>
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>{t('adoption.status')}</label>
        <select id={`${id}-status`} className="input" value={status} onChange={(e) => setStatus(e.target.value as FollowUpStatus)}>
          {FOLLOW_UP_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`followup.status.${s.replace(/ /g, '-')}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-date`}>{t('followup.evidenceFrom')}</label>
        <input id={`${id}-date`} className="input" type="date" required value={observedOn} onChange={(e) => setObservedOn(e.target.value)} />
      </div>
      <div className="field log-form__wide">
        <label htmlFor={`${id}-note`}>{t('followup.whatFound')}</label>
        <textarea id={`${id}-note`} className="input" rows={2} maxLength={4000} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <div className="field log-form__wide">
        <label htmlFor={`${id}-url`}>
          {t('followup.evidenceLink')} <span className="field__optional">{t('common.optional')}</span>
        </label>
        <input
          id={`${id}-url`}
          className="input"
          type="url"
          maxLength={2000}
          value={evidenceUrl}
          onChange={(e) => setEvidenceUrl(e.target.value)}
          // i18n-exempt: the URL scheme, the same in every language
          placeholder="https://"
        />
      </div>
      {error && (
        <p className="field__error log-form__wide" role="alert">
          {error}
        </p>
      )}
      <div className="log-form__wide">
        <button type="submit" className="button button--primary button--small" disabled={busy}>
          {busy ? t('followup.adding') : t('followup.addToLog')}
        </button>
      </div>
    </form>
  );
}
