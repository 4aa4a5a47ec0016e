import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeTag } from './describeTag.ts';
import { localizeTag, SDG_LABEL_LANGUAGES, sdgLabels, type SdgLabelFile, type SdgLabelFormats } from './localizedLabels.ts';

const dir = path.join(import.meta.dirname, 'generated', 'sdg-labels');
const file = (language: string): SdgLabelFile & { meta: Record<string, string> } => JSON.parse(fs.readFileSync(path.join(dir, `${language}.json`), 'utf8'));

const french: SdgLabelFormats = {
  goal: (n, name) => `ODD ${n} : ${name}`,
  target: (code) => `Cible ${code} des ODD`,
  indicator: (code) => `Indicateur ${code} des ODD`,
};

describe('SDG labels in the interface language', () => {
  const fr = sdgLabels(file('fr'));

  it('labels a goal, a target and an indicator with the data set’s French words', () => {
    expect(localizeTag(describeTag('SDG:5'), fr, french)).toMatchObject({
      id: 'SDG:5',
      kind: 'sdg-goal',
      label: 'ODD 5 : Égalité entre les sexes',
      text: 'Parvenir à l’égalité des sexes et autonomiser toutes les femmes et les filles',
    });
    const target = localizeTag(describeTag('SDG:5.2'), fr, french);
    expect(target.label).toBe('Cible 5.2 des ODD');
    expect(target.text).toMatch(/^Éliminer de la vie publique et de la vie privée toutes les formes de violence/);
    expect(target.parent).toBe('SDG:5');
    const indicator = localizeTag(describeTag('SDG:1.1.1'), fr, french);
    expect(indicator.label).toBe('Indicateur 1.1.1 des ODD');
    expect(indicator.text).toMatch(/^Proportion de la population vivant au-dessous du seuil de pauvreté/);
  });

  it('falls back to English text where the data set has no current translation, keeping the interface words', () => {
    // 11.5.3 has no translation at all; 5.3.2's translation came with an older English wording.
    for (const id of ['SDG:11.5.3', 'SDG:5.3.2']) {
      const english = describeTag(id);
      const shown = localizeTag(english, fr, french);
      expect(shown.label).toBe(`Indicateur ${id.slice(4)} des ODD`);
      expect(shown.text).toBe(english.text);
    }
    // A language file that lacks a goal: the English short title inside the French words.
    const partial = sdgLabels({ goals: [], targets: {}, indicators: {} });
    const goal = localizeTag(describeTag('SDG:5'), partial, french);
    expect(goal.label).toBe('ODD 5 : Gender equality');
    expect(goal.text).toBe(describeTag('SDG:5').text);
  });

  it('leaves everything else as it is: English (no labels), treaty articles, UPR themes, unknown ids', () => {
    const english = describeTag('SDG:5');
    expect(localizeTag(english, null, french)).toBe(english);
    for (const id of ['CEDAW:10', 'ICERD:5(e)(iii)', 'CERD-GR:32', 'SDG:99', 'nonsense']) {
      const d = describeTag(id);
      expect(localizeTag(d, fr, french)).toBe(d);
    }
    // Coverage items carry no kind: the id decides.
    expect(localizeTag({ id: 'SDG:16', label: 'SDG 16: Peace, justice and strong institutions' }, fr, french).label).toBe(
      'ODD 16 : Paix, justice et institutions efficaces',
    );
  });

  it.each(SDG_LABEL_LANGUAGES)('the %s file has all 17 goals and nearly every target and indicator, and says where it came from', (language) => {
    const data = file(language);
    expect(data.goals.map((g) => g.n)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    expect(data.goals.every((g) => g.short && g.title)).toBe(true);
    expect(Object.keys(data.targets)).toHaveLength(169);
    expect(Object.keys(data.indicators).length).toBeGreaterThanOrEqual(240);
    expect(data.indicators['11.5.3']).toBeUndefined();
    expect(data.meta.attribution).toContain('open-sdg/sdg-translations');
    expect(data.meta.language).toBe(language);
  });
});
