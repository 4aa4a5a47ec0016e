/**
 * `describeTag` for pages that bundle the taxonomy (the library), with SDG tags in the interface language once that
 * language's labels have loaded (English meanwhile, and in English).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { describeTag, type TagDescription } from '../../../../shared/taxonomy/describeTag.ts';
import { localizeTag } from '../../../../shared/taxonomy/localizedLabels.ts';
import { useSdgLabels } from './sdgLabelFiles.ts';
import { sdgLabelFormats } from './useTaxonomyInLanguage.ts';

export function useDescribeTagInLanguage(): (id: string) => TagDescription {
  const { i18n: instance } = useTranslation();
  const language = instance?.language;
  const labels = useSdgLabels(language);
  return useMemo(() => {
    if (!labels || !language) return (id: string) => describeTag(id);
    const formats = sdgLabelFormats(language);
    return (id: string) => localizeTag(describeTag(id), labels, formats);
  }, [labels, language]);
}
