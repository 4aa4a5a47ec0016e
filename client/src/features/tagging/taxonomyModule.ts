/**
 * Everything that reads the generated taxonomy (about 200 kB of treaty, SDG and UPR data), in one module the
 * client loads with a dynamic import() (see taxonomy.ts), so the report list and the first paint of a report
 * never wait for it. The service worker precaches the chunk, so it loads offline too.
 */
export { describeTag } from '../../../../shared/taxonomy/describeTag.ts';
export { searchTaxonomy, type Searchable, type SearchHit } from '../../../../shared/taxonomy/search.ts';
export { computeCoverage } from '../../../../shared/report/coverage.ts';
export { describeReportTag, reportTags } from '../../../../shared/report/tags.ts';
export { applyTemplate } from '../../../../shared/templates/applyTemplate.ts';
export { UPR_RESPONSES } from '../../../../shared/taxonomy/entries.ts';
export { MECHANISM_TREATY } from '../../../../shared/taxonomy/treaties.ts';
export { localizedTaxonomy } from '../taxonomyLanguage/localizedTaxonomy.ts';
