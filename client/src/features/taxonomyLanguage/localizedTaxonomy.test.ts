/**
 * The taxonomy in an interface language: search finds SDGs by the language's words (Chinese without spaces too)
 * and still by English words and ids, showing every hit in the language; descriptions and coverage follow.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { sdgLabels, type SdgLabelFile, type SdgLabelFormats } from '../../../../shared/taxonomy/localizedLabels.ts';
import * as taxonomy from '../tagging/taxonomyModule.ts';

const labelsOf = (language: string) =>
  sdgLabels(JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../../../../shared/taxonomy/generated/sdg-labels/${language}.json`), 'utf8')) as SdgLabelFile);

const FR: SdgLabelFormats = { goal: (n, name) => `ODD ${n} : ${name}`, target: (c) => `Cible ${c} des ODD`, indicator: (c) => `Indicateur ${c} des ODD` };
const ZH: SdgLabelFormats = { goal: (n, name) => `可持续发展目标${n}：${name}`, target: (c) => `可持续发展目标具体目标${c}`, indicator: (c) => `可持续发展目标指标${c}` };

describe('the taxonomy module in an interface language', () => {
  const fr = taxonomy.localizedTaxonomy(taxonomy, labelsOf('fr'), FR);

  it('finds SDGs by French words, by English words and by id, and shows them in French', () => {
    const byFrench = fr.searchTaxonomy('égalité sexes', { limit: 5 });
    expect(byFrench[0]!.entry).toMatchObject({ id: 'SDG:5', label: 'ODD 5 : Égalité entre les sexes' });
    // Accents may be left out, as people type.
    expect(fr.searchTaxonomy('egalite sexes', { limit: 5 })[0]!.entry.id).toBe('SDG:5');
    const byEnglish = fr.searchTaxonomy('gender equality', { limit: 5, kinds: ['sdg-goal'] });
    expect(byEnglish[0]!.entry).toMatchObject({ id: 'SDG:5', label: 'ODD 5 : Égalité entre les sexes' });
    const byId = fr.searchTaxonomy('SDG 5.2', { limit: 3 });
    expect(byId[0]!.entry).toMatchObject({ id: 'SDG:5.2', label: 'Cible 5.2 des ODD' });
    // Treaty articles stay as they are (English only in the data).
    expect(fr.searchTaxonomy('CEDAW 10', { limit: 1 })[0]!.entry.label).toBe('CEDAW article 10: Education');
    // No duplicates when both languages match, and the limit holds.
    const both = fr.searchTaxonomy('pauvreté', { limit: 10 });
    expect(new Set(both.map((h) => h.entry.id)).size).toBe(both.length);
    expect(both.length).toBeLessThanOrEqual(10);
  });

  it('finds SDGs by Chinese words, written without spaces', () => {
    const zh = taxonomy.localizedTaxonomy(taxonomy, labelsOf('zh'), ZH);
    const hits = zh.searchTaxonomy('性别平等', { limit: 5, kinds: ['sdg-goal'] });
    expect(hits[0]!.entry).toMatchObject({ id: 'SDG:5', label: '可持续发展目标5：性别平等' });
  });

  it('describes tags and reports coverage in French', () => {
    expect(fr.describeTag('SDG:5.2').label).toBe('Cible 5.2 des ODD');
    expect(fr.describeTag('ICERD:5').label).toBe(taxonomy.describeTag('ICERD:5').label);
    const doc = new Y.Doc();
    expect(fr.describeReportTag(doc, 'SDG:1').label).toBe('ODD 1 : Pas de pauvreté');
    const coverage = fr.computeCoverage(doc);
    expect(coverage.sdgs.items[4]).toMatchObject({ id: 'SDG:5', label: 'ODD 5 : Égalité entre les sexes' });
    // The English module is untouched.
    expect(taxonomy.computeCoverage(doc).sdgs.items[4]!.label).toBe('SDG 5: Gender equality');
  });
});
