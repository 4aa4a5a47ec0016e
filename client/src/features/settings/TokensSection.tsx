/**
 * Account settings: personal access tokens for tools and scripts. A new token's secret is shown once, to copy;
 * the server keeps only its hash. Each token expires (90 days unless chosen otherwise).
 */
import { useState, type FormEvent } from 'react';
import { TOKEN_LIMITS } from '../../../../shared/api/validate.ts';
import { createToken, fetchTokens, revokeToken, type AccessTokenView } from '../../api/accountApi.ts';
import { describeError } from '../../api/http.ts';
import { useToastStore } from '../../stores/toastStore.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { formatDate } from '../../ui/dates.ts';
import { TextField } from '../../ui/TextField.tsx';
import { CopyField } from './CopyField.tsx';
import { LoadError, Loading } from './SectionStatus.tsx';
import { useRemote } from './useRemote.ts';

const EXPIRY_CHOICES = [
  { days: 30, label: '30 days' },
  { days: 90, label: '90 days' },
  { days: 365, label: 'One year' },
] as const;

export function TokensSection() {
  const { remote, reload, set } = useRemote(fetchTokens);
  const showToast = useToastStore((s) => s.show);
  const [name, setName] = useState('');
  const [days, setDays] = useState<number>(TOKEN_LIMITS.defaultDays);
  const [nameError, setNameError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [revoking, setRevoking] = useState<AccessTokenView | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!name.trim()) {
      setNameError('Name the token after the tool that uses it, so you know what to revoke later.');
      return;
    }
    setBusy(true);
    setFormError(null);
    try {
      const token = await createToken(name.trim(), days);
      const { token: secret, ...view } = token;
      setCreated({ name: view.name, token: secret });
      if (remote.state === 'ok') set([...remote.data, view]);
      else reload();
      setName('');
      showToast({ message: `Token “${view.name}” created. Copy it now: it is shown only once.` });
    } catch (err) {
      setFormError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  const revoke = async () => {
    if (!revoking) return;
    await revokeToken(revoking.id);
    if (remote.state === 'ok') set(remote.data.filter((t) => t.id !== revoking.id));
    showToast({ message: `Token “${revoking.name}” revoked. Tools using it can no longer reach your reports.` });
    setRevoking(null);
  };

  return (
    <section className="panel settings__section" aria-labelledby="settings-tokens">
      <h2 id="settings-tokens" className="panel__title">
        Access tokens
      </h2>
      <p className="muted">
        For scripts and tools that read or write your reports through the API. A token can do what you can do, so keep it secret and
        revoke it when the tool no longer needs it.
      </p>
      {created && (
        <div className="settings__created" role="status" data-testid="new-token">
          <p>
            <strong>Copy your new token “{created.name}” now.</strong> It is shown only once; if you lose it, revoke it and create another.
          </p>
          <CopyField label="New access token" value={created.token} />
          <button type="button" className="button button--small" onClick={() => setCreated(null)}>
            I have copied it
          </button>
        </div>
      )}
      {remote.state === 'loading' ? (
        <Loading what="your tokens" />
      ) : remote.state === 'error' ? (
        <LoadError message={remote.message} onRetry={reload} />
      ) : remote.data.length === 0 ? (
        <p className="settings__empty">You have no access tokens.</p>
      ) : (
        <ul className="settings__list" aria-label="Access tokens">
          {remote.data.map((t) => {
            const expired = new Date(t.expiresAt).getTime() < Date.now();
            return (
              <li key={t.id} className="settings__row" data-testid="token-row">
                <div className="settings__row-main">
                  <strong>{t.name}</strong>
                  {expired && <span className="badge badge--unsynced">Expired</span>}
                  <span className="muted settings__row-meta">
                    Created {formatDate(t.createdAt)} · {t.lastUsedAt ? `last used ${formatDate(t.lastUsedAt)}` : 'never used'} ·{' '}
                    {expired ? 'expired' : 'expires'} {formatDate(t.expiresAt)}
                  </span>
                </div>
                <button type="button" className="button button--small" onClick={() => setRevoking(t)} aria-label={`Revoke ${t.name}`}>
                  Revoke
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <form className="form settings__form settings__inline-form" onSubmit={submit} noValidate>
        <h3 className="settings__subtitle">New token</h3>
        {formError && (
          <p className="form__error" role="alert">
            {formError}
          </p>
        )}
        <div className="settings__fields">
          <TextField
            label="Name"
            value={name}
            maxLength={TOKEN_LIMITS.nameChars}
            placeholder="e.g. Word count script"
            onChange={(e) => {
              setName(e.target.value);
              setNameError(undefined);
            }}
            error={nameError}
          />
          <div className="field">
            <label htmlFor="token-expiry">Expires after</label>
            <select id="token-expiry" className="input" value={days} onChange={(e) => setDays(Number(e.target.value))}>
              {EXPIRY_CHOICES.map((c) => (
                <option key={c.days} value={c.days}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="form__actions settings__actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Creating…' : 'Create token'}
          </button>
        </div>
      </form>
      <ConfirmDialog
        open={revoking !== null}
        title="Revoke this token?"
        confirmLabel="Revoke"
        danger
        onConfirm={revoke}
        onClose={() => setRevoking(null)}
      >
        <p>Tools using “{revoking?.name}” can no longer reach your reports. This cannot be undone.</p>
      </ConfirmDialog>
    </section>
  );
}
