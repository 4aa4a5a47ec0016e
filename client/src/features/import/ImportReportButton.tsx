import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon.tsx';
import './importButton.css';

const ImportDialog = lazy(() => import('./ImportDialog.tsx'));

/** "Import from Word" on the report list: a new report from a .docx (dialog loaded on first use). */
export function ImportReportButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button"
        aria-haspopup="dialog"
        data-testid="import-report-button"
        onClick={() => {
          setLoaded(true);
          setOpen(true);
        }}
      >
        <Icon name="upload" /> {t('editing.importReportButton.label')}
      </button>
      {loaded && (
        <Suspense fallback={null}>
          <ImportDialog open={open} onClose={() => setOpen(false)} target={{ kind: 'new' }} />
        </Suspense>
      )}
    </>
  );
}
