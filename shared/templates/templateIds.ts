/**
 * Which report templates exist and which mechanism each fits. Kept apart from the section lists (templates.ts,
 * which pulls in the taxonomy) so request validation stays light in the browser.
 */
import type { Mechanism } from '../api/mechanisms.ts';

export const TEMPLATE_IDS = ['cerd', 'cedaw', 'upr', 'treaty'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export const TEMPLATE_NAMES: Record<TemplateId, string> = {
  cerd: 'CERD shadow report (ICERD articles 2 to 7)',
  cedaw: 'CEDAW shadow report (articles 1 to 16)',
  upr: 'UPR stakeholder submission (individual or joint)',
  treaty: 'Shadow report to a treaty body (generic)',
};

const FITS: Record<TemplateId, readonly Mechanism[]> = {
  cerd: ['CERD'],
  cedaw: ['CEDAW'],
  upr: ['UPR'],
  treaty: ['CERD', 'CEDAW', 'CCPR', 'CESCR', 'CAT', 'CRC', 'CRPD'],
};

export function isTemplateId(value: unknown): value is TemplateId {
  return typeof value === 'string' && (TEMPLATE_IDS as readonly string[]).includes(value);
}

export function templateFits(id: TemplateId, mechanism: Mechanism): boolean {
  return FITS[id].includes(mechanism);
}

/** The template a mechanism gets when a report asks for "a template" without naming one. */
export function defaultTemplateFor(mechanism: Mechanism): TemplateId {
  if (mechanism === 'CERD') return 'cerd';
  if (mechanism === 'CEDAW') return 'cedaw';
  if (mechanism === 'UPR') return 'upr';
  return 'treaty';
}

/** The templates a mechanism may use, its default first. */
export function templatesFor(mechanism: Mechanism): TemplateId[] {
  const first = defaultTemplateFor(mechanism);
  return [first, ...TEMPLATE_IDS.filter((id) => id !== first && templateFits(id, mechanism))];
}
