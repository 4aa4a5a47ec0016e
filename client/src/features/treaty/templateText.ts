/**
 * The templates' names and one-line summaries in the interface language (the catalogue, shared/templates/
 * catalogue.ts, keeps the English ones). The one-section-per-article templates share one pattern.
 */
import type { TFunction } from 'i18next';
import type { TemplateId } from '../../../../shared/templates/templateIds.ts';

/**
 * Mechanism, treaty, first and last article of the templates that follow the treaty's articles. The treaty is its
 * acronym, or the key of its name where the name is written out.
 */
const ARTICLE_TEMPLATES: Partial<Record<TemplateId, [string, string, number, number]>> = {
  cerd: ['CERD', 'ICERD', 2, 7],
  ccpr: ['CCPR', 'ICCPR', 1, 27],
  cescr: ['CESCR', 'ICESCR', 1, 15],
  cat: ['CAT', 'submission.treaty.cat', 1, 16],
  crpd: ['CRPD', 'CRPD', 1, 33],
  cmw: ['CMW', 'ICMW', 1, 71],
  ced: ['CED', 'ICPPED', 1, 25],
};

export function templateText(id: TemplateId, t: TFunction): { name: string; summary: string } {
  const articles = ARTICLE_TEMPLATES[id];
  if (articles) {
    const [mechanism, treatyOrKey, first, last] = articles;
    const treaty = treatyOrKey.startsWith('submission.') ? t(treatyOrKey) : treatyOrKey;
    return {
      name: t('template.articles.name', { mechanism, treaty, first, last }),
      summary: t('template.articles.summary', { treaty, first, last }),
    };
  }
  switch (id) {
    case 'cedaw':
      return { name: t('template.cedaw.name'), summary: t('template.cedaw.summary') };
    case 'crc':
      return { name: t('template.crc.name'), summary: t('template.crc.summary') };
    case 'upr':
      return { name: t('template.upr.name'), summary: t('template.upr.summary') };
    case 'loi':
      return { name: t('template.loi.name'), summary: t('template.loi.summary') };
    case 'followup':
      return { name: t('template.followup.name'), summary: t('template.followup.summary') };
    default:
      return { name: t('template.treaty.name'), summary: t('template.treaty.summary') };
  }
}
