/** The report's own language (its cover's `language`, a BCP 47 tag, '' when unset), kept current as it changes. */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { getCoverFields } from '../../../shared/report/coverFields.ts';
import { coverFieldsMap } from '../../../shared/report/layout.ts';

export function useReportLanguage(doc: Y.Doc | null | undefined): string {
  const [language, setLanguage] = useState(() => (doc ? getCoverFields(doc).language : ''));
  useEffect(() => {
    if (!doc) return;
    const map = coverFieldsMap(doc);
    const update = () => setLanguage(getCoverFields(doc).language);
    update();
    map.observe(update);
    return () => map.unobserve(update);
  }, [doc]);
  return language;
}
