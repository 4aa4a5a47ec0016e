/**
 * For administrators, on the Library page: the other instances' published feeds this instance follows. A new
 * address is read at once (the server refuses private and loopback addresses, and anything that is not a feed);
 * each line says when it was last read, how many entries it brought and what went wrong, if anything.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { LibrarySubscription } from '../../../../shared/library/entry.ts';
import { describeError } from '../../api/http.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { TextField } from '../../ui/TextField.tsx';
import { fetchSubscriptions, subscribe, unsubscribe } from './libraryApi.ts';

export function SubscriptionsPanel({ onChange }: { onChange: () => void }) {
  const [subscriptions, setSubscriptions] = useState<LibrarySubscription[] | null>(null);
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    fetchSubscriptions().then(
      (r) => setSubscriptions(r.subscriptions),
      () => setSubscriptions((s) => s ?? []),
    );
  }, []);
  useEffect(load, [load]);

  const handleSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!url.trim()) return setError('Paste the address of another instance’s feed, ending in /library/feed.json.');
    setBusy(true);
    setError(undefined);
    try {
      await subscribe(url.trim());
      setUrl('');
      load();
      onChange();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="library-subscriptions" aria-labelledby="library-subscriptions">
      <h2 id="library-subscriptions" className="library-entry__h2">
        Feeds this instance follows
      </h2>
      <p className="muted">Published entries of other Rightsdraft instances, read-only here and kept up to date. Only administrators see this.</p>
      {subscriptions && subscriptions.length > 0 && (
        <ul className="library-subscriptions__list">
          {subscriptions.map((s) => (
            <li key={s.id} data-testid="library-subscription">
              <span className="library-subscriptions__url">{s.url}</span>
              <span className="muted">
                {s.entries === 1 ? '1 entry' : `${s.entries} entries`}
                {s.lastPolledAt ? ` · read ${formatDateTime(s.lastPolledAt)}` : ''}
              </span>
              {s.lastError && <span className="field__error">{s.lastError}</span>}
              <button
                type="button"
                className="button button--small button--danger-ghost"
                onClick={() => {
                  void unsubscribe(s.id).then(() => {
                    load();
                    onChange();
                  }, (err: unknown) => setError(describeError(err)));
                }}
              >
                Stop following
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="library-subscriptions__form" onSubmit={handleSubmit} noValidate>
        <TextField label="Feed address" type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://other-instance.example/library/feed.json" maxLength={2000} error={error} />
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Reading the feed…' : 'Follow'}
        </button>
      </form>
    </section>
  );
}
