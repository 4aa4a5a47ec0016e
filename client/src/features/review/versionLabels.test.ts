import { describe, expect, it } from 'vitest';
import { versionBadge } from './versionLabels.ts';

describe('version badges', () => {
  it('marks a version kept before a large deletion so people find it', () => {
    expect(versionBadge({ auto: true, kind: 'before-deletion' })).toMatchObject({ text: 'reviewUi.versionBadge.beforeDeletion', tone: 'safeguard' });
  });
  it('shows none for a named version, and Automatic for the others (and for servers that send no kind)', () => {
    expect(versionBadge({ auto: false, kind: 'named' })).toBeNull();
    expect(versionBadge({ auto: false })).toBeNull();
    expect(versionBadge({ auto: true, kind: 'periodic' })?.text).toBe('reviewUi.versionBadge.automatic');
    expect(versionBadge({ auto: true })?.text).toBe('reviewUi.versionBadge.automatic');
    expect(versionBadge({ auto: true, kind: 'before-restore' })?.text).toBe('reviewUi.versionBadge.beforeRestore');
  });
});
