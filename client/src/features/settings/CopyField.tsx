/** A read-only value with a Copy button (a new token, an invitation link); says whether the copy worked. */
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useToastStore } from '../../stores/toastStore.ts';

export function CopyField({ label, value }: { label: string; value: string }) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const showToast = useToastStore((s) => s.show);
  const { t } = useTranslation();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      showToast({ message: t('settings.copy.copied') });
    } catch {
      // No clipboard permission (or not a secure context): select it so the person can copy it themselves.
      inputRef.current?.select();
      showToast({ message: t('settings.copy.failed') });
    }
  };
  return (
    <div className="field copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-field__row">
        <input id={id} ref={inputRef} className="input copy-field__input" readOnly value={value} spellCheck={false} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="button button--primary" onClick={copy}>
          {t('settings.copy.button')}
        </button>
      </div>
    </div>
  );
}
