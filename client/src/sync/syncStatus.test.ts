import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../i18n/i18n.ts';
import { CloseCodes } from '../../../shared/protocol/closeCodes.ts';
import { describeSync, initialSyncFacts, reduceSync, type SyncEvent, type SyncFacts } from './syncStatus.ts';

function run(events: SyncEvent[], start: SyncFacts = initialSyncFacts(true)): SyncFacts {
  return events.reduce(reduceSync, start);
}

const openedAndSynced: SyncEvent[] = [
  { type: 'loaded', pendingCreate: false, unsyncedChanges: 0 },
  { type: 'connecting' },
  { type: 'open' },
  { type: 'handshake-done' },
];

beforeAll(() => initI18n('en'));

describe('sync status', () => {
  it('says the report is full after 4507, with the changes kept here, until a new connection is tried', () => {
    const full = run([...openedAndSynced, { type: 'unsynced-changes', count: 1 }, { type: 'closed', code: CloseCodes.ReportFull.code }]);
    expect(describeSync(full)).toEqual({ state: 'error', label: 'Not saved: the report has reached its size limit — 1 change kept on this device', short: 'Report full' });
    // Try again: while connecting it says so; a handshake clears it.
    const retrying = run([{ type: 'online' }, { type: 'connecting' }], full);
    expect(describeSync(retrying).short).not.toBe('Report full');
    expect(run([{ type: 'open' }, { type: 'handshake-done' }], retrying).closeCode).toBeNull();
  });

  it('shows Opening until the device copy is loaded, then Connecting, then Synced', () => {
    expect(describeSync(run([])).state).toBe('connecting');
    expect(describeSync(run([])).label).toBe('Opening…');
    const connecting = run(openedAndSynced.slice(0, 2));
    expect(describeSync(connecting)).toMatchObject({ state: 'connecting', label: 'Connecting…' });
    expect(describeSync(run(openedAndSynced))).toMatchObject({ state: 'synced', label: 'Synced' });
  });

  it('says why sync stopped when an account has too many connections open (4429)', () => {
    const facts = run([...openedAndSynced, { type: 'closed', code: CloseCodes.TooManyConnections.code }]);
    expect(describeSync(facts)).toMatchObject({ state: 'error', short: 'Too many tabs' });
    expect(describeSync(facts).label).toMatch(/too many reports or tabs open/);
  });

  it('counts changes made offline and says they are on this device', () => {
    const facts = run([...openedAndSynced, { type: 'offline' }, { type: 'unsynced-changes', count: 3 }]);
    expect(describeSync(facts)).toMatchObject({
      state: 'offline',
      label: 'Offline — 3 changes saved on this device, waiting to sync',
    });
    expect(describeSync(reduceSync(facts, { type: 'saved-locally', saved: false })).label).toBe('Offline — saving on this device…');
  });

  it('goes back to Synced only once the server confirmed the offline changes', () => {
    let facts = run([...openedAndSynced, { type: 'offline' }, { type: 'unsynced-changes', count: 1 }, { type: 'online' }]);
    expect(describeSync(facts)).toMatchObject({ state: 'unsynced', label: '1 change saved on this device, waiting to sync' });
    facts = run([{ type: 'connecting' }, { type: 'open' }, { type: 'handshake-done' }], facts);
    expect(describeSync(facts)).toMatchObject({ state: 'unsynced', label: 'Saving…' });
    facts = reduceSync(facts, { type: 'unsynced-changes', count: 0 });
    expect(describeSync(facts).state).toBe('synced');
  });

  it('says Reconnecting after a drop, and that the server is unreachable after repeated failures', () => {
    let facts = run([...openedAndSynced, { type: 'closed', code: 1006 }, { type: 'connecting' }]);
    expect(describeSync(facts)).toMatchObject({ state: 'connecting', label: 'Reconnecting…' });
    for (let i = 0; i < 3; i++) facts = run([{ type: 'closed', code: 1006 }, { type: 'connecting' }], facts);
    expect(describeSync(facts).state).toBe('saved-local');
  });

  it('keeps a report made offline as saved on this device until the server accepts it', () => {
    const facts = run([{ type: 'loaded', pendingCreate: true, unsyncedChanges: 0 }]);
    expect(describeSync(facts).state).toBe('saved-local');
    const unknown = reduceSync(facts, { type: 'closed', code: CloseCodes.UnknownReport.code });
    expect(describeSync(unknown).state).toBe('saved-local');
    expect(describeSync(reduceSync(unknown, { type: 'published' })).state).toBe('connecting');
  });

  it('explains a report the server does not know, a deleted one, and a read-only role', () => {
    const base = run([{ type: 'loaded', pendingCreate: false, unsyncedChanges: 0 }, { type: 'connecting' }]);
    expect(describeSync(reduceSync(base, { type: 'closed', code: CloseCodes.UnknownReport.code }))).toMatchObject({
      state: 'error',
      label: 'This report is not on the server, or you no longer have access',
    });
    expect(describeSync(reduceSync(base, { type: 'closed', code: CloseCodes.ReportDeleted.code })).state).toBe('error');
    const readOnly = reduceSync(base, { type: 'closed', code: CloseCodes.ReadOnly.code });
    expect(describeSync(readOnly).state).toBe('read-only');
    // A later reconnect keeps the role's limit.
    expect(describeSync(run([{ type: 'open' }, { type: 'handshake-done' }], readOnly)).state).toBe('read-only');
  });

  it('retries quietly when the server could not load the report', () => {
    const facts = run([...openedAndSynced.slice(0, 3), { type: 'closed', code: CloseCodes.LoadFailed.code }, { type: 'connecting' }]);
    expect(describeSync(facts)).toMatchObject({ state: 'connecting', label: 'The server could not load this report — retrying…' });
  });

  it('is read-only when the report needs a newer editor', () => {
    expect(describeSync(run([...openedAndSynced, { type: 'schema', tooNew: true }])).state).toBe('read-only');
  });
});

describe('sync status with roles', () => {
  const asReviewer: SyncEvent[] = [{ type: 'loaded', pendingCreate: false, unsyncedChanges: 0 }, { type: 'role', role: 'reviewer' }];

  it('tells a reviewer or viewer they read only, once synced', () => {
    expect(describeSync(run([...asReviewer, { type: 'connecting' }])).state).toBe('connecting');
    expect(describeSync(run([...asReviewer, { type: 'connecting' }, { type: 'open' }, { type: 'handshake-done' }]))).toMatchObject({
      state: 'read-only',
      label: 'Suggesting and commenting — up to date',
    });
    const asViewer: SyncEvent[] = [{ type: 'loaded', pendingCreate: false, unsyncedChanges: 0 }, { type: 'role', role: 'viewer' }];
    expect(describeSync(run([...asViewer, { type: 'connecting' }, { type: 'open' }, { type: 'handshake-done' }]))).toMatchObject({
      state: 'read-only',
      label: 'Read only — up to date',
    });
    expect(describeSync(run([...asReviewer, { type: 'offline' }]))).toMatchObject({ state: 'offline', label: 'Offline — read only' });
  });

  it('says how many changes on this device cannot be sent after the role was lowered', () => {
    const facts = run([
      { type: 'loaded', pendingCreate: false, unsyncedChanges: 3 },
      { type: 'role', role: 'editor' },
      { type: 'open' },
      { type: 'closed', code: CloseCodes.ReadOnly.code },
      { type: 'role', role: 'viewer' },
      { type: 'view', view: 'server' },
      { type: 'open' },
      { type: 'handshake-done' },
    ]);
    expect(describeSync(facts)).toMatchObject({ state: 'read-only', label: 'Read only — 3 changes on this device not sent' });
  });

  it('lifts a refusal to write when the role is raised again', () => {
    const refused = run([...openedAndSynced, { type: 'closed', code: CloseCodes.ReadOnly.code }]);
    expect(refused.closeCode).toBe(CloseCodes.ReadOnly.code);
    expect(reduceSync(refused, { type: 'role', role: 'viewer' }).closeCode).toBe(CloseCodes.ReadOnly.code);
    const raised = reduceSync(refused, { type: 'role', role: 'editor' });
    expect(raised.closeCode).toBeNull();
    expect(describeSync(run([{ type: 'open' }, { type: 'handshake-done' }], raised)).state).toBe('synced');
  });

  it('shows signed out when the session ended, until a new handshake', () => {
    const out = run([...openedAndSynced, { type: 'closed', code: CloseCodes.Unauthorized.code }]);
    expect(describeSync(out)).toMatchObject({ state: 'signed-out', label: 'Signed out — sign in again to sync this report' });
    expect(describeSync(run([{ type: 'connecting' }, { type: 'open' }, { type: 'handshake-done' }], out)).state).toBe('synced');
  });
});
