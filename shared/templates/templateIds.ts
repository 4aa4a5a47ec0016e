/**
 * Which report templates exist and which mechanism each fits, from the catalogue (catalogue.ts). Kept apart from
 * the section lists (templates.ts, which pulls in the taxonomy) so request validation stays light in the browser.
 */
import type { Mechanism } from '../api/mechanisms.ts';
import { TEMPLATES, type TemplateDefinition } from './catalogue.ts';

export type TemplateId = keyof typeof TEMPLATES;
export const TEMPLATE_IDS = Object.keys(TEMPLATES) as TemplateId[];

export const TEMPLATE_NAMES = Object.fromEntries(TEMPLATE_IDS.map((id) => [id, TEMPLATES[id].name])) as Record<TemplateId, string>;

export function templateDefinition(id: TemplateId): TemplateDefinition {
  return TEMPLATES[id];
}

export function isTemplateId(value: unknown): value is TemplateId {
  return typeof value === 'string' && Object.hasOwn(TEMPLATES, value);
}

export function templateFits(id: TemplateId, mechanism: Mechanism): boolean {
  return (TEMPLATES[id].mechanisms as readonly Mechanism[]).includes(mechanism);
}

/** The templates a mechanism may use, in catalogue order: its own (article) template first. */
export function templatesFor(mechanism: Mechanism): TemplateId[] {
  return TEMPLATE_IDS.filter((id) => templateFits(id, mechanism));
}

/** The template a mechanism gets when a report asks for "a template" without naming one. */
export function defaultTemplateFor(mechanism: Mechanism): TemplateId {
  return templatesFor(mechanism)[0]!;
}
