/**
 * What an end-to-end encrypted report shows above its text (issue 11): a lock and what encryption means here, in
 * plain words; the password prompt when this device does not hold the account's keys; "waiting for a member to
 * share the key"; messages refused because their signature or ciphertext did not check out; each collaborator's
 * safety code, with a warning when their keys changed.
 */
import { useState, type FormEvent } from 'react';
import { Icon } from '../../ui/Icon.tsx';
import { useAccount } from '../../auth/useAccount.ts';
import { useEncryptionStore } from '../../sync/encrypted/encryptionStore.ts';
import { RecoveryCodeDialog } from './RecoveryCodeDialog.tsx';
import './e2ee.css';

const REASONS: Record<string, string> = {
  'unknown-signer': 'signed by someone who may not write this report',
  'bad-signature': 'its signature does not match its writer',
  'bad-ciphertext': 'it was altered after it was encrypted',
  'no-key': 'it was encrypted with a key this device was not given',
  'wrong-report': 'it belongs to another report',
  malformed: 'it is not an encrypted message',
};

export function EncryptionPanel({ reportId }: { reportId: string }) {
  const state = useEncryptionStore();
  const account = useAccount();
  const mine = state.reportId === reportId ? state : null;
  const phase = mine?.phase ?? 'loading-keys';
  const changed = mine?.members.filter((m) => m.keyChanged) ?? [];
  // In the store, not the form: the form goes away as soon as the keys open, the code must stay on screen.
  const recoveryCode = useEncryptionStore((s) => s.recoveryCode);
  const setRecoveryCode = useEncryptionStore((s) => s.showRecoveryCode);
  return (
    <section className="e2ee" aria-label="Encryption" data-testid="encryption-panel">
      <div className="e2ee__head">
        <span className="e2ee__lock" aria-hidden="true">
          <Icon name="lock" size={16} />
        </span>
        <p className="e2ee__what">
          <strong>End-to-end encrypted.</strong> Only the members’ browsers can read this report. The server stores and relays it
          encrypted: it sees who the members are and their roles, and when and how much is written, but not the title or text.
        </p>
        {mine && mine.members.length > 0 && <SafetyCodes members={mine.members} />}
      </div>
      {phase === 'locked' && account && <UnlockForm accountId={account.id} onRecoveryCode={setRecoveryCode} />}
      <RecoveryCodeDialog code={recoveryCode} onClose={() => setRecoveryCode(null)} />
      {phase === 'waiting-for-key' && (
        <p className="e2ee__note" role="status" data-testid="e2ee-waiting">
          Waiting for a member to share the key. The report opens as soon as a member who holds it is online; your edits stay on this device
          meanwhile.
        </p>
      )}
      {phase === 'offline' && (
        <p className="e2ee__note" role="status">
          The keys could not be fetched from the server. You can keep working: your edits stay on this device and are sent, encrypted, when it
          answers.
        </p>
      )}
      {changed.map((m) => (
        <p key={m.userId} className="e2ee__warning" role="alert">
          {m.name}’s keys changed since this device last saw them. Compare safety codes with {m.name} by phone or in person before you trust
          what the report shows as theirs.
        </p>
      ))}
      {mine && mine.rejected.length > 0 && (
        <p className="e2ee__warning" role="alert" data-testid="e2ee-rejected">
          {mine.rejected.length === 1 ? 'One change was' : `${mine.rejected.length} changes were`} refused and not shown: the last from{' '}
          {mine.rejected[mine.rejected.length - 1]!.signer}, because {REASONS[mine.rejected[mine.rejected.length - 1]!.reason] ?? 'it did not check out'}.
        </p>
      )}
    </section>
  );
}

function SafetyCodes({ members }: { members: { userId: string; name: string; safetyCode: string | null; keyChanged: boolean }[] }) {
  return (
    <details className="e2ee__codes">
      <summary>Safety codes</summary>
      <p className="muted">Compare these with each person by phone or in person. If a code differs, the server may have swapped a key.</p>
      <ul>
        {members.map((m) => (
          <li key={m.userId}>
            <span>{m.name}</span> <code data-testid="safety-code">{m.safetyCode ?? 'no keys yet'}</code>
          </li>
        ))}
      </ul>
    </details>
  );
}

function UnlockForm({ accountId, onRecoveryCode }: { accountId: string; onRecoveryCode: (code: string) => void }) {
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
      if (!result.ok) setError(result.reason === 'wrong-code' ? 'That recovery code does not open your keys.' : result.reason === 'no-keys' ? 'This account has no keys yet: use your password.' : 'That password does not open your keys.');
      else if (result.recoveryCode) onRecoveryCode(result.recoveryCode);
    } catch {
      setError('The server could not be reached. Try again when you are online.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="e2ee__unlock" onSubmit={handleSubmit}>
      <label htmlFor="e2ee-secret">
        {useRecovery ? 'Your recovery code' : 'Your password'} opens your encryption keys on this device (the first time, it makes them).
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
          {busy ? 'Opening…' : 'Unlock'}
        </button>
        <button type="button" className="button button--ghost" onClick={() => setUseRecovery((r) => !r)}>
          {useRecovery ? 'Use my password' : 'Use a recovery code'}
        </button>
      </div>
      {error && <p className="field__error">{error}</p>}
    </form>
  );
}
