/** The recovery code, shown once when the account's keys are made: it opens them if the password is lost. */
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog.tsx';

export function RecoveryCodeDialog({ code, onClose }: { code: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={code !== null} onClose={onClose} title={t('e2ee.recoveryTitle')} dismissible={false}>
      <div className="form">
      <p>
        {t('e2ee.recoveryText')}
      </p>
      <p className="e2ee__code" data-testid="recovery-code">
        {code}
      </p>
      <div className="form__actions">
        <button type="button" className="button" onClick={() => window.print()}>
          {t('e2ee.print')}
        </button>
        <button type="button" className="button button--primary" onClick={onClose}>
          {t('e2ee.kept')}
        </button>
      </div>
      </div>
    </Dialog>
  );
}
