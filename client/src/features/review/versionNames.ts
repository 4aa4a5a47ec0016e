/**
 * The names of automatic versions in the interface language. The server names them in English when it keeps them
 * ("Editing session ended (Amina Diallo)", "Before Edwin Okafor deleted 3 sections (360 words)": see
 * server/src/versions/VersionService.ts); the kind says which sentence it is, and the person, target or counts are
 * read back from that name. A named version keeps the name a person gave it; a name that does not read as its
 * kind expects stays as it is.
 */
import { text } from '../../app/text.ts';
import type { Version } from './reviewApi.ts';

const BEFORE_RESTORE = /^Before restoring “(.*)”$/s;
const BEFORE_DELETION = /^Before (.+) deleted (?:(a section|([\d,]+) sections) \(([\d,]+) words?\)|([\d,]+) words?)$/s;

const count = (digits: string) => Number(digits.replace(/,/g, ''));

export function versionDisplayName(v: Pick<Version, 'name' | 'kind' | 'authorName'>): string {
  switch (v.kind) {
    case 'session-end':
      return text('versionNames.sessionEnd', { name: v.authorName });
    case 'periodic':
      return text('versionNames.periodic', { name: v.authorName });
    case 'before-restore': {
      const m = BEFORE_RESTORE.exec(v.name);
      return m ? text('versionNames.beforeRestore', { target: m[1]! }) : v.name;
    }
    case 'before-deletion': {
      const m = BEFORE_DELETION.exec(v.name);
      if (!m) return v.name;
      const name = m[1]!;
      if (m[5] !== undefined) return text('versionNames.beforeDeletionWords', { name, words: count(m[5]) });
      const sections = m[2] === 'a section' ? 1 : count(m[3]!);
      return text('versionNames.beforeDeletionSections', { name, sections, words: count(m[4]!) });
    }
    default:
      return v.name;
  }
}

/** The version as the interface shows it: its name in the interface language. */
export function withDisplayName<V extends Pick<Version, 'name' | 'kind' | 'authorName'>>(v: V): V {
  return { ...v, name: versionDisplayName(v) };
}
