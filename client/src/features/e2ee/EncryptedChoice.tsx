/** The "End-to-end encrypted" checkbox of the New report dialog, with what it means in a line. */
import { useTranslation } from 'react-i18next';

export function EncryptedChoice({ checked, onChange }: { checked: boolean; onChange: (checked: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label className="check">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} data-testid="new-encrypted" />
        <span>{t('e2ee.choice')}</span>
      </label>
      <p className="field__help" id="new-encrypted-help">
        {t('e2ee.choiceHelp')}
      </p>
    </div>
  );
}
