import { describe, expect, it } from 'vitest';
import en from '../../i18n/areas/editing/en.json';
import { replaceBlockedReason } from './replacePermission.ts';

/** The English text the find bar shows for the reason's key. */
const english = (...args: Parameters<typeof replaceBlockedReason>) => {
  const key = replaceBlockedReason(...args);
  return key === null ? null : (en as Record<string, string>)[key];
};

describe('replaceBlockedReason', () => {
  it('lets owners and editors replace, and explains to everyone else', () => {
    expect(replaceBlockedReason('owner', true, false)).toBeNull();
    expect(replaceBlockedReason('editor', true, false)).toBeNull();
    // A device copy whose role was never fetched edits like any offline edit.
    expect(replaceBlockedReason(null, true, false)).toBeNull();
    expect(english('viewer', false, false)).toMatch(/viewers read the report/);
    expect(english('reviewer', false, false)).toMatch(/suggest it/);
    // An editor whose text is read-only for now (a newer schema, a refused session) or who is suggesting.
    expect(english('editor', false, false)).toMatch(/cannot be changed right now/);
    expect(english('editor', true, true)).toMatch(/Suggesting is on/);
  });
});
