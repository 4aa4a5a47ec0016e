import { useTranslation } from 'react-i18next';
import { lazy, Suspense, useState } from 'react';
import { getSection } from '../../../../shared/report/layout.ts';
import { useReportUiStore } from '../../stores/reportUiStore.ts';
import type { ReportSession } from '../../sync/ReportSession.ts';
import { Icon } from '../../ui/Icon.tsx';

const ImportDialog = lazy(() => import('./ImportDialog.tsx'));

/** "Import" in the report header, for those who may edit: Word text into this report (dialog loaded on first use). */
export function ImportButton({ session }: { session: ReportSession }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  // Kept mounted once opened, so closing goes through <dialog>.close() and focus returns to this button.
  const [loaded, setLoaded] = useState(false);
  const selectedId = useReportUiStore((s) => s.selectedSectionId);
  const section = selectedId ? getSection(session.doc, selectedId) : null;
  return (
    <>
      <button
        type="button"
        className="button button--small report-action"
        aria-haspopup="dialog"
        data-testid="import-button"
        onClick={() => {
          setLoaded(true);
          setOpen(true);
        }}
      >
        <Icon name="upload" size={16} />
        <span className="report-action__label">{t('import.button')}</span>
      </button>
      {loaded && (
        <Suspense fallback={null}>
          <ImportDialog
            open={open}
            onClose={() => setOpen(false)}
            target={{ kind: 'report', session, sectionId: section?.id ?? null, sectionTitle: section ? section.title.trim() || t('outline.untitled') : null }}
          />
        </Suspense>
      )}
    </>
  );
}
