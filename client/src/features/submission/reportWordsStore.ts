import { reportWords } from '../../../../shared/submission/reportWords.ts';
import { getCoverFields } from '../../../../shared/report/coverFields.ts';
import { getReportMeta } from '../../../../shared/report/layout.ts';
import { derivedFrom } from '../treaty/docDerived.ts';
import { cachedSectionWords } from './sectionWordsCache.ts';

/** The report's word counts against its limit, shared by the header and every section footer. */
export const reportWordsOf = derivedFrom(
  (doc) => ({ ...reportWords(doc, cachedSectionWords), mechanism: getReportMeta(doc).mechanism, submissionType: getCoverFields(doc).submissionType }),
  250,
);
