/** "Section" / "Whole report": two buttons, the pressed one showing which layout the sections are in. */
import { useTranslation } from 'react-i18next';
import type { ReportLayout } from './reportLayout.ts';

export function LayoutToggle({ layout, onChange }: { layout: ReportLayout; onChange: (layout: ReportLayout) => void }) {
  const { t } = useTranslation();
  const CHOICES: { layout: ReportLayout; label: string; hint: string }[] = [
    { layout: 'section', label: t('layout.section'), hint: t('layout.sectionHint') },
    { layout: 'whole', label: t('layout.whole'), hint: t('layout.wholeHint') },
  ];
  return (
    <div className="layout-toggle" role="group" aria-label={t('layout.group')}>
      {CHOICES.map((c) => (
        <button
          key={c.layout}
          type="button"
          className={`layout-toggle__choice${layout === c.layout ? ' layout-toggle__choice--on' : ''}`}
          aria-pressed={layout === c.layout}
          title={c.hint}
          onClick={() => onChange(c.layout)}
        >
          {c.label}
        </button>
      ))}
    </div>
  );
}
