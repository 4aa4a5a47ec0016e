import { describe, expect, it } from 'vitest';
import { chooseView } from './chooseView.ts';

describe('chooseView', () => {
  it('syncs the device copy for anyone who may write, and for an unknown role', () => {
    expect(chooseView({ role: 'editor', unsyncedChanges: 4, refusedWrite: false })).toBe('device');
    expect(chooseView({ role: 'owner', unsyncedChanges: 0, refusedWrite: true })).toBe('device');
    expect(chooseView({ role: null, unsyncedChanges: 2, refusedWrite: false })).toBe('device');
  });

  it('syncs the device copy read-only for a reader with nothing of their own to send', () => {
    expect(chooseView({ role: 'viewer', unsyncedChanges: 0, refusedWrite: false })).toBe('device');
    expect(chooseView({ role: 'reviewer', unsyncedChanges: 0, refusedWrite: false })).toBe('device');
  });

  it('shows the server’s text to a reader whose device copy holds changes the server refuses', () => {
    expect(chooseView({ role: 'viewer', unsyncedChanges: 3, refusedWrite: false })).toBe('server');
    expect(chooseView({ role: 'reviewer', unsyncedChanges: 0, refusedWrite: true })).toBe('server');
  });
});
