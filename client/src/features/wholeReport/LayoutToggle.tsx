/** "Section" / "Whole report": two buttons, the pressed one showing which layout the sections are in. */
import type { ReportLayout } from './reportLayout.ts';

const CHOICES: { layout: ReportLayout; label: string; hint: string }[] = [
  { layout: 'section', label: 'Section', hint: 'One section at a time' },
  { layout: 'whole', label: 'Whole report', hint: 'Every section, scrolling as one document' },
];

export function LayoutToggle({ layout, onChange }: { layout: ReportLayout; onChange: (layout: ReportLayout) => void }) {
  return (
    <div className="layout-toggle" role="group" aria-label="Show the report">
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
