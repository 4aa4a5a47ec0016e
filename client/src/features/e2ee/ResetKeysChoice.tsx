/**
 * On the reset-password page, for an account with end-to-end keys: says before the person confirms that without
 * the recovery code their encrypted reports become unreadable, and takes the code to keep them.
 */
import { Icon } from '../../ui/Icon.tsx';
import { TextField } from '../../ui/TextField.tsx';
import './e2ee.css';

export interface ResetKeysChoiceProps {
  code: string;
  onCode: (code: string) => void;
  codeError?: string;
  /** Ticked: reset without the code, losing access to encrypted reports. */
  giveUp: boolean;
  onGiveUp: (giveUp: boolean) => void;
  giveUpError?: string;
}

export function ResetKeysChoice({ code, onCode, codeError, giveUp, onGiveUp, giveUpError }: ResetKeysChoiceProps) {
  return (
    <section className="e2ee-reset" aria-labelledby="e2ee-reset-title" data-testid="reset-keys">
      <h2 id="e2ee-reset-title" className="e2ee-reset__title">
        <Icon name="lock" /> Your end-to-end encrypted reports
      </h2>
      <p className="e2ee__warning">
        Only your password or your recovery code opens the keys of your encrypted reports; the server cannot. Without the recovery code,
        after this reset you can no longer read any end-to-end encrypted report, on any device, until you find the code or remember your
        old password.
      </p>
      <TextField
        label="Recovery code (to keep your encrypted reports)"
        value={code}
        onChange={(e) => onCode(e.target.value)}
        autoComplete="off"
        spellCheck={false}
        maxLength={80}
        error={codeError}
        help="The code shown once when your keys were made, such as ABCD-EFGH-…"
      />
      {code.trim() === '' && (
        <label className="tick">
          <input type="checkbox" checked={giveUp} onChange={(e) => onGiveUp(e.target.checked)} />
          <span>
            <span className="tick__label">I do not have the code: reset anyway and lose access to my encrypted reports</span>
            {giveUpError && (
              <span className="field__error" role="alert">
                {giveUpError}
              </span>
            )}
          </span>
        </label>
      )}
    </section>
  );
}
