/** The UN mechanisms a report can be written for. */
export const MECHANISMS = ['CERD', 'CEDAW', 'UPR', 'CCPR', 'CESCR', 'CAT', 'CRC', 'CRPD', 'CMW', 'CED'] as const;
export type Mechanism = (typeof MECHANISMS)[number];

/** Human-readable names, for menus and cover pages. */
export const MECHANISM_NAMES: Record<Mechanism, string> = {
  CERD: 'Committee on the Elimination of Racial Discrimination (ICERD)',
  CEDAW: 'Committee on the Elimination of Discrimination against Women (CEDAW)',
  UPR: 'Universal Periodic Review (UPR)',
  CCPR: 'Human Rights Committee (ICCPR)',
  CESCR: 'Committee on Economic, Social and Cultural Rights (ICESCR)',
  CAT: 'Committee against Torture (CAT)',
  CRC: 'Committee on the Rights of the Child (CRC)',
  CRPD: 'Committee on the Rights of Persons with Disabilities (CRPD)',
  CMW: 'Committee on Migrant Workers (ICMW)',
  CED: 'Committee on Enforced Disappearances (ICPPED)',
};

export function isMechanism(value: unknown): value is Mechanism {
  return typeof value === 'string' && (MECHANISMS as readonly string[]).includes(value);
}
