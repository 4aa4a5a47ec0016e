/**
 * What an end-to-end encrypted report shows above its text (issue 11): a lock and what encryption means here, in
 * plain words; the password prompt when this device does not hold the account's keys; "waiting for a member to
 * share the key"; messages refused because their signature or ciphertext did not check out; each collaborator's
 * safety code, with a warning when their keys changed.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon.tsx';
import { useAccount } from '../../auth/useAccount.ts';
import { useEncryptionStore } from '../../sync/encrypted/encryptionStore.ts';
import { RecoveryCodeDialog } from './RecoveryCodeDialog.tsx';
import './e2ee.css';

/** The message key for each refusal reason the store reports; anything else reads as `e2ee.reason.other`. */
const REASONS: Record<string, string> = {
  'unknown-signer': 'e2ee.reason.unknown-signer',
  'bad-signature': 'e2ee.reason.bad-signature',
  'bad-ciphertext': 'e2ee.reason.bad-ciphertext',
  'no-key': 'e2ee.reason.no-key',
  'wrong-report': 'e2ee.reason.wrong-report',
  malformed: 'e2ee.reason.malformed',
  // The discussion guard, run here on an encrypted report's comments and suggestions (discussionCheck.ts).
  'discussion-rule': 'e2ee.reason.discussion-rule',
  'discussion-snapshot': 'e2ee.reason.discussion-snapshot',
  // Presence (names and carets) whose identity is not its signer's (presenceCheck.ts), or a message of the wrong type.
  'presence-identity': 'e2ee.reason.presence-identity',
  'wrong-type': 'e2ee.reason.wrong-type',
};

export function EncryptionPanel({ reportId }: { reportId: string }) {
  const { t } = useTranslation();
  const state = useEncryptionStore();
  const account = useAccount();
  const mine = state.reportId === reportId ? state : null;
  const phase = mine?.phase ?? 'loading-keys';
  const changed = mine?.members.filter((m) => m.keyChanged) ?? [];
  // In the store, not the form: the form goes away as soon as the keys open, the code must stay on screen.
  const recoveryCode = useEncryptionStore((s) => s.recoveryCode);
  const setRecoveryCode = useEncryptionStore((s) => s.showRecoveryCode);
  const lastRejected = mine?.rejected[mine.rejected.length - 1];
  const reasonText = (reason: string, detail?: string) => t(REASONS[reason] ?? 'e2ee.reason.other', { detail: detail ?? '' });
  return (
    <section className="e2ee" aria-label={t('e2ee.panel')} data-testid="encryption-panel">
      <div className="e2ee__head">
        <span className="e2ee__lock" aria-hidden="true">
          <Icon name="lock" size={16} />
        </span>
        <p className="e2ee__what">
          <strong>{t('e2ee.whatTitle')}</strong> {t('e2ee.whatText')}
        </p>
        {mine && mine.members.length > 0 && <SafetyCodes members={mine.members} />}
      </div>
      {phase === 'locked' && account && <UnlockForm accountId={account.id} onRecoveryCode={setRecoveryCode} />}
      <RecoveryCodeDialog code={recoveryCode} onClose={() => setRecoveryCode(null)} />
      {phase === 'waiting-for-key' && (
        <p className="e2ee__note" role="status" data-testid="e2ee-waiting">
          {t('e2ee.waiting')}
        </p>
      )}
      {phase === 'offline' && (
        <p className="e2ee__note" role="status">
          {t('e2ee.offline')}
        </p>
      )}
      {changed.map((m) => (
        <p key={m.userId} className="e2ee__warning" role="alert">
          {t('e2ee.keyChanged', { name: m.name })}
        </p>
      ))}
      {mine && mine.rejected.length > 0 && (
        <p className="e2ee__warning" role="alert" data-testid="e2ee-rejected">
          {t('e2ee.rejected', { count: mine.rejected.length, signer: lastRejected!.signer, reason: reasonText(lastRejected!.reason, lastRejected!.detail) })}
        </p>
      )}
    </section>
  );
}

function SafetyCodes({ members }: { members: { userId: string; name: string; safetyCode: string | null; keyChanged: boolean }[] }) {
  const { t } = useTranslation();
  return (
    <details className="e2ee__codes">
      <summary>{t('e2ee.safetyCodes')}</summary>
      <p className="muted">{t('e2ee.safetyHelp')}</p>
      <ul>
        {members.map((m) => (
          <li key={m.userId}>
            <span>{m.name}</span> <code data-testid="safety-code">{m.safetyCode ?? t('e2ee.noKeysYet')}</code>
          </li>
        ))}
      </ul>
    </details>
  );
}

function UnlockForm({ accountId, onRecoveryCode }: { accountId: string; onRecoveryCode: (code: string) => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [useRecovery, setUseRecovery] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const handleSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!password || busy) return;
    setBusy(true);
    setError(null);
    try {
      const keyring = await import('../../e2ee/keyring.ts');
      const result = useRecovery ? await keyring.unlockWithRecovery(accountId, password) : await keyring.unlockOrCreate(accountId, password);
      if (!result.ok)
        setError(
          result.reason === 'wrong-code' ? t('e2ee.unlock.wrongCode') : result.reason === 'no-keys' ? t('e2ee.unlock.noKeys') : t('e2ee.unlock.wrongPassword'),
        );
      else if (result.recoveryCode) onRecoveryCode(result.recoveryCode);
    } catch {
      setError(t('e2ee.unlock.offline'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="e2ee__unlock" onSubmit={handleSubmit}>
      <label htmlFor="e2ee-secret">
        {useRecovery ? t('e2ee.unlock.labelRecovery') : t('e2ee.unlock.labelPassword')}
      </label>
      <div className="e2ee__unlock-row">
        <input
          id="e2ee-secret"
          className="input"
          type={useRecovery ? 'text' : 'password'}
          autoComplete={useRecovery ? 'off' : 'current-password'}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit" className="button button--primary" disabled={busy || !password}>
          {busy ? t('e2ee.unlock.opening') : t('e2ee.unlock.submit')}
        </button>
        <button type="button" className="button button--ghost" onClick={() => setUseRecovery((r) => !r)}>
          {useRecovery ? t('e2ee.unlock.usePassword') : t('e2ee.unlock.useRecovery')}
        </button>
      </div>
      {error && <p className="field__error">{error}</p>}
    </form>
  );
}
