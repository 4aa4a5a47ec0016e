/** The words the Library shows for its kinds, levels, visibilities and adoption statuses, in the interface language. */
import type { AdoptionStatus, LibraryKind, LibraryLevel, LibraryVisibility } from '../../../../shared/library/entry.ts';
import { t } from '../../i18n/i18n.ts';

export const kindLabel = (kind: LibraryKind): string => t(`library.kind.${kind}`);

export const levelLabel = (level: LibraryLevel): string => t(`library.level.${level}`);

export const visibilityLabel = (visibility: LibraryVisibility): string => t(`library.visibility.${visibility}`);

export const statusLabel = (status: AdoptionStatus): string => t(`library.status.${status}`);

/** The host of another instance, for "From library.example.org". */
export function originHost(instance: string): string {
  try {
    return new URL(instance).host;
  } catch {
    return instance;
  }
}
