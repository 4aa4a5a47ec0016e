/** The badge that says why a version exists, in the versions panel and the version viewer. */
import type { Version } from './reviewApi.ts';

export interface VersionBadge {
  text: string;
  /** Longer explanation (tooltip). */
  help: string;
  tone: 'plain' | 'safeguard';
}

export function versionBadge(v: Pick<Version, 'auto' | 'kind'>): VersionBadge | null {
  switch (v.kind) {
    case 'named':
      return null;
    case 'before-deletion':
      return {
        text: 'Before a large deletion',
        help: 'Kept automatically just before a change removed a large part of the report. Open or restore it to get the deleted text back.',
        tone: 'safeguard',
      };
    case 'before-restore':
      return { text: 'Before a restore', help: 'Kept automatically just before an earlier version was restored.', tone: 'plain' };
    case 'periodic':
      return { text: 'Automatic', help: 'Kept automatically during a long editing session (at least every half hour).', tone: 'plain' };
    case 'session-end':
      return { text: 'Automatic', help: 'Kept automatically when everyone had left the report.', tone: 'plain' };
    default:
      return v.auto ? { text: 'Automatic', help: 'Kept automatically.', tone: 'plain' } : null;
  }
}
