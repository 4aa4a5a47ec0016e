import { describe, expect, it } from 'vitest';
import { replaceBlockedReason } from './replacePermission.ts';

describe('replaceBlockedReason', () => {
  it('lets owners and editors replace, and explains to everyone else', () => {
    expect(replaceBlockedReason('owner', true, false)).toBeNull();
    expect(replaceBlockedReason('editor', true, false)).toBeNull();
    // A device copy whose role was never fetched edits like any offline edit.
    expect(replaceBlockedReason(null, true, false)).toBeNull();
    expect(replaceBlockedReason('viewer', false, false)).toMatch(/viewers read the report/);
    expect(replaceBlockedReason('reviewer', false, false)).toMatch(/suggest it/);
    // An editor whose text is read-only for now (a newer schema, a refused session) or who is suggesting.
    expect(replaceBlockedReason('editor', false, false)).toMatch(/cannot be changed right now/);
    expect(replaceBlockedReason('editor', true, true)).toMatch(/Suggesting is on/);
  });
});
