/** The recovery code, shown once when the account's keys are made: it opens them if the password is lost. */
import { Dialog } from '../../ui/Dialog.tsx';

export function RecoveryCodeDialog({ code, onClose }: { code: string | null; onClose: () => void }) {
  return (
    <Dialog open={code !== null} onClose={onClose} title="Your recovery code" dismissible={false}>
      <div className="form">
      <p>
        Write this down or print it, and keep it somewhere safe. If you forget your password, this code is the only way to read your encrypted
        reports again. It is shown only now.
      </p>
      <p className="e2ee__code" data-testid="recovery-code">
        {code}
      </p>
      <div className="form__actions">
        <button type="button" className="button" onClick={() => window.print()}>
          Print
        </button>
        <button type="button" className="button button--primary" onClick={onClose}>
          I have kept it
        </button>
      </div>
      </div>
    </Dialog>
  );
}
