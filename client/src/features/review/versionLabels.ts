/** The badge that says why a version exists, in the versions panel and the version viewer. `text` and `help` are message keys. */
import type { Version } from './reviewApi.ts';

export interface VersionBadge {
  /** Message key of the badge's text. */
  text: string;
  /** Message key of the longer explanation (tooltip). */
  help: string;
  tone: 'plain' | 'safeguard';
}

export function versionBadge(v: Pick<Version, 'auto' | 'kind'>): VersionBadge | null {
  switch (v.kind) {
    case 'named':
      return null;
    case 'before-deletion':
      return {
        text: 'reviewUi.versionBadge.beforeDeletion',
        help: 'reviewUi.versionBadge.beforeDeletionHelp',
        tone: 'safeguard',
      };
    case 'before-restore':
      return { text: 'reviewUi.versionBadge.beforeRestore', help: 'reviewUi.versionBadge.beforeRestoreHelp', tone: 'plain' };
    case 'periodic':
      return { text: 'reviewUi.versionBadge.automatic', help: 'reviewUi.versionBadge.periodicHelp', tone: 'plain' };
    case 'session-end':
      return { text: 'reviewUi.versionBadge.automatic', help: 'reviewUi.versionBadge.sessionEndHelp', tone: 'plain' };
    default:
      return v.auto ? { text: 'reviewUi.versionBadge.automatic', help: 'reviewUi.versionBadge.automaticHelp', tone: 'plain' } : null;
  }
}
