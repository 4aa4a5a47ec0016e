/**
 * Account settings: the person's private calendar feed of deadlines. Its address is a secret the server keeps
 * only as a hash, so it is shown when it is made (on first opening this page) and when it is replaced; a new one
 * stops the old one at once (for a leaked address, or to see it again).
 */
import { useEffect, useState } from 'react';
import { describeError } from '../../api/http.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { CopyField } from '../settings/CopyField.tsx';
import { fetchCalendar, regenerateCalendar, type CalendarAddress } from './deadlinesApi.ts';
import './deadlines.css';

export function CalendarSection() {
  const [address, setAddress] = useState<CalendarAddress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    fetchCalendar().then(setAddress, (err: unknown) => setError(describeError(err)));
  }, []);
  const regenerate = () => {
    setBusy(true);
    regenerateCalendar()
      .then((a) => {
        setAddress(a);
        setError(null);
      })
      .catch((err: unknown) => setError(describeError(err)))
      .finally(() => setBusy(false));
  };
  return (
    <section className="panel settings__section" aria-labelledby="calendar-title" data-testid="calendar-section">
      <h2 id="calendar-title" className="panel__title">
        Calendar of deadlines
      </h2>
      <p className="muted">
        Subscribe to this address in your calendar app to see the deadlines of every report and follow-up you can read. It is private: anyone who has
        it sees those deadlines, so do not share it.
      </p>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      {address === null && !error && <p className="muted">Loading…</p>}
      {address?.url && (
        <>
          <CopyField label="Your calendar address" value={address.url} />
          <p className="field__help">Copy it now: for your privacy the server keeps only a fingerprint of it and cannot show it again.</p>
          {address.warning && <p className="field__help">{address.warning}</p>}
        </>
      )}
      {address && !address.url && (
        <p className="muted" data-testid="calendar-made">
          Your calendar address was made {address.createdAt ? formatDateTime(address.createdAt) : 'earlier'}. It cannot be shown again; make a new one to copy it (the old one stops working).
        </p>
      )}
      {address && (
        <button type="button" className="button calendar-section__regenerate" onClick={regenerate} disabled={busy}>
          {busy ? 'Making a new address…' : 'Make a new address'}
        </button>
      )}
    </section>
  );
}
