/** The words the Library shows for its kinds, levels, visibilities and adoption statuses. */
import type { AdoptionStatus, LibraryKind, LibraryLevel, LibraryVisibility } from '../../../../shared/library/entry.ts';

export const KIND_LABELS: Record<LibraryKind, string> = {
  'model-resolution': 'Model resolution',
  ordinance: 'Ordinance',
  recommendation: 'Recommendation',
  'policy-practice': 'Policy or practice',
  proclamation: 'Proclamation',
};

export const LEVEL_LABELS: Record<LibraryLevel, string> = {
  city: 'City',
  county: 'County',
  'state-province': 'State or province',
  national: 'National',
};

export const VISIBILITY_LABELS: Record<LibraryVisibility, string> = {
  coalition: 'Coalition only',
  instance: 'Everyone on this instance',
  published: 'Published (anyone, and the public feed)',
};

export const STATUS_LABELS: Record<AdoptionStatus, string> = {
  proposed: 'Proposed',
  adopted: 'Adopted',
  implemented: 'Implemented',
  repealed: 'Repealed',
};

/** The host of another instance, for "From library.example.org". */
export function originHost(instance: string): string {
  try {
    return new URL(instance).host;
  } catch {
    return instance;
  }
}
