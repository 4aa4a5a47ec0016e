/**
 * On the reset-password page, for an account with end-to-end keys: says before the person confirms that without
 * the recovery code their encrypted reports become unreadable, and takes the code to keep them.
 */
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
  return (
    <section className="e2ee-reset" aria-labelledby="e2ee-reset-title" data-testid="reset-keys">
      <h2 id="e2ee-reset-title" className="e2ee-reset__title">
        <Icon name="lock" /> {t('e2ee.reset.title')}
      </h2>
      <p className="e2ee__warning">
        {t('e2ee.reset.warning')}
      </p>
      <TextField
        label={t('e2ee.reset.codeLabel')}
        value={code}
        onChange={(e) => onCode(e.target.value)}
        autoComplete="off"
        spellCheck={false}
        maxLength={80}
        error={codeError}
        help={t('e2ee.reset.codeHelp')}
      />
      {code.trim() === '' && (
        <label className="tick">
          <input type="checkbox" checked={giveUp} onChange={(e) => onGiveUp(e.target.checked)} />
          <span>
            <span className="tick__label">{t('e2ee.reset.giveUp')}</span>
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
