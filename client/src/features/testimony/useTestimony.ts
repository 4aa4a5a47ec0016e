/** The report's testimony records, sensitive names and internal sections, kept current from the Y.Doc. */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import {
  internalSectionIds,
  listSensitiveNames,
  listTestimonies,
  observeTestimony,
  type SensitiveName,
  type TestimonyRecord,
} from '../../../../shared/report/testimony.ts';
import { evidenceFindings } from '../../../../shared/submission/evidenceFindings.ts';
import type { Exclusion } from '../../../../shared/export/audience.ts';

export interface TestimonyView {
  records: TestimonyRecord[];
  names: SensitiveName[];
  internalSections: string[];
}

function read(doc: Y.Doc): TestimonyView {
  return { records: listTestimonies(doc), names: listSensitiveNames(doc), internalSections: internalSectionIds(doc) };
}

export function useTestimony(doc: Y.Doc): TestimonyView {
  const [view, setView] = useState(() => read(doc));
  useEffect(() => {
    setView(read(doc));
    return observeTestimony(doc, () => setView(read(doc)));
  }, [doc]);
  return view;
}

/**
 * Passages resting on withdrawn or expired consent, across the whole report; recomputed on every change of the
 * report while `active` (the panel or the header button is shown), a little after the last one.
 */
export function useLapsedPassages(doc: Y.Doc, active = true): Exclusion[] {
  const [list, setList] = useState<Exclusion[]>(() => (active ? evidenceFindings(doc).lapsed : []));
  useEffect(() => {
    if (!active) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const run = () => setList(evidenceFindings(doc).lapsed);
    const schedule = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(run, 300);
    };
    run();
    doc.on('update', schedule);
    const every = setInterval(run, 60_000);
    return () => {
      doc.off('update', schedule);
      clearInterval(every);
      if (timer) clearTimeout(timer);
    };
  }, [doc, active]);
  return list;
}
