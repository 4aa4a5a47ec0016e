/**
 * The taxonomy module as the interface language shows it: in English the module itself; in another language,
 * once its SDG labels have loaded, the module with SDG goals, targets and indicators in that language (English
 * where the data set has no translation). One object per language, so memos and caches keyed on the module see
 * a language change.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SdgLabelFormats, SdgLabels } from '../../../../shared/taxonomy/localizedLabels.ts';
import { i18n } from '../../i18n/i18n.ts';
import type { TaxonomyModule } from '../tagging/taxonomy.ts';
import { loadedSdgLabels, useSdgLabels } from './sdgLabelFiles.ts';

const inLanguage = new WeakMap<SdgLabels, TaxonomyModule>();

/** The interface's words around an SDG's number, in `language` (client/src/i18n/areas/taxonomy/). */
export function sdgLabelFormats(language: string): SdgLabelFormats {
  const t = i18n.getFixedT(language);
  return {
    goal: (n, name) => t('taxonomy.sdgGoal', { n, name }),
    target: (code) => t('taxonomy.sdgTarget', { code }),
    indicator: (code) => t('taxonomy.sdgIndicator', { code }),
  };
}

function localized(module: TaxonomyModule, labels: SdgLabels, language: string): TaxonomyModule {
  let out = inLanguage.get(labels);
  if (!out) {
    out = module.localizedTaxonomy(module, labels, sdgLabelFormats(language));
    inLanguage.set(labels, out);
  }
  return out;
}

export function useTaxonomyInLanguage(module: TaxonomyModule | null): TaxonomyModule | null {
  const { i18n: instance } = useTranslation();
  const language = instance?.language;
  const labels = useSdgLabels(language);
  return useMemo(() => (module && labels && language ? localized(module, labels, language) : module), [module, labels, language]);
}

/** Outside React (an editor's hover): the module in the interface language now, if its labels have loaded. */
export function taxonomyInLanguageNow(module: TaxonomyModule): TaxonomyModule {
  const language = i18n.language;
  const labels = language ? loadedSdgLabels(language) : null;
  return labels ? localized(module, labels, language) : module;
}
