/**
 * The sync status shown in every report's header: what the session knows (`SyncFacts`), how events change it
 * (`reduceSync`), and what to tell the user (`describeSync`). Pure, so every state is unit-tested.
 */
import { t } from '../i18n/i18n.ts';
import type { Role } from '../../../shared/api/roles.ts';
import { CloseCodes } from '../../../shared/protocol/closeCodes.ts';
import { isReader } from '../auth/permissions.ts';

export type SyncState = 'connecting' | 'synced' | 'offline' | 'saved-local' | 'unsynced' | 'read-only' | 'signed-out' | 'error';

/**
 * Which copy of the report the page shows. `device`: the copy stored here, synced both ways (read-only for a
 * reader). `server`: a fresh in-memory copy of the server's text, for a reader whose device copy holds changes
 * the server refuses (their role was lowered while they were offline); those stay on the device.
 */
export type ReportView = 'device' | 'server';

export type ConnectionPhase = 'idle' | 'connecting' | 'open';

export interface SyncFacts {
  /** The browser reports a network (navigator.onLine and the online/offline events). */
  online: boolean;
  /** The report's content stored on this device has been loaded. */
  loaded: boolean;
  connection: ConnectionPhase;
  /** The sync handshake finished on the current connection: this device has the server's state. */
  handshakeDone: boolean;
  /** Bursts of local edits the server has not yet confirmed storing. */
  unsyncedChanges: number;
  /** Every local edit has been written to IndexedDB. */
  savedLocally: boolean;
  /** Created on this device, not yet accepted by the server. */
  pendingCreate: boolean;
  /** Connections that closed in a row without finishing a handshake (server down while online). */
  failedAttempts: number;
  /** A handshake has finished at least once since the report was opened. */
  everSynced: boolean;
  /** The last close code the server sent, when it means something to the user (cleared by a handshake). */
  closeCode: number | null;
  /** The report was written with a newer editor schema than this client's. */
  schemaTooNew: boolean;
  /** This user's role on the report: from the server, or cached on the device; null while unknown. */
  role: Role | null;
  view: ReportView;
}

export type SyncEvent =
  | { type: 'loaded'; pendingCreate: boolean; unsyncedChanges: number }
  | { type: 'online' }
  | { type: 'offline' }
  | { type: 'connecting' }
  | { type: 'open' }
  | { type: 'handshake-done' }
  | { type: 'closed'; code: number | null }
  | { type: 'unsynced-changes'; count: number }
  | { type: 'saved-locally'; saved: boolean }
  | { type: 'pending-create' }
  | { type: 'published' }
  | { type: 'schema'; tooNew: boolean }
  | { type: 'role'; role: Role | null }
  /** The API said what a close code would (401: signed out, 404: unknown or no access), without a connection. */
  | { type: 'refused'; code: number }
  | { type: 'view'; view: ReportView };

export function initialSyncFacts(online: boolean): SyncFacts {
  return {
    online,
    loaded: false,
    connection: 'idle',
    handshakeDone: false,
    unsyncedChanges: 0,
    savedLocally: true,
    pendingCreate: false,
    failedAttempts: 0,
    everSynced: false,
    closeCode: null,
    schemaTooNew: false,
    role: null,
    view: 'device',
  };
}

/** Close codes the status explains; a plain network drop (1006) or our own disconnect is not one of them. */
const EXPLAINED_CODES = new Set<number>([
  CloseCodes.ReadOnly.code,
  CloseCodes.UnknownReport.code,
  CloseCodes.ReportDeleted.code,
  CloseCodes.Unauthorized.code,
  CloseCodes.MalformedMessage.code,
  CloseCodes.PresenceTooLarge.code,
  CloseCodes.TooManyConnections.code,
  CloseCodes.LoadFailed.code,
  CloseCodes.ServerShutdown.code,
  CloseCodes.ReportFull.code,
]);

export function reduceSync(facts: SyncFacts, event: SyncEvent): SyncFacts {
  switch (event.type) {
    case 'loaded':
      return { ...facts, loaded: true, pendingCreate: event.pendingCreate, unsyncedChanges: event.unsyncedChanges };
    case 'online':
      return { ...facts, online: true, failedAttempts: 0 };
    case 'offline':
      return { ...facts, online: false, connection: 'idle', handshakeDone: false };
    case 'connecting':
      return { ...facts, connection: 'connecting', handshakeDone: false };
    case 'open':
      return { ...facts, connection: 'open', handshakeDone: false };
    case 'handshake-done':
      // Read-only is a property of this user's role, so a new handshake does not clear it.
      return {
        ...facts,
        connection: 'open',
        handshakeDone: true,
        everSynced: true,
        failedAttempts: 0,
        pendingCreate: false,
        closeCode: facts.closeCode === CloseCodes.ReadOnly.code ? facts.closeCode : null,
      };
    case 'closed': {
      const explained = event.code !== null && EXPLAINED_CODES.has(event.code);
      return {
        ...facts,
        connection: 'idle',
        handshakeDone: false,
        failedAttempts: facts.handshakeDone ? 0 : facts.failedAttempts + 1,
        closeCode: explained ? event.code : facts.closeCode === CloseCodes.ReadOnly.code ? facts.closeCode : null,
      };
    }
    case 'unsynced-changes':
      return { ...facts, unsyncedChanges: event.count };
    case 'saved-locally':
      return { ...facts, savedLocally: event.saved };
    case 'pending-create':
      return { ...facts, pendingCreate: true };
    case 'published':
      return { ...facts, pendingCreate: false, closeCode: facts.closeCode === CloseCodes.UnknownReport.code ? null : facts.closeCode };
    case 'schema':
      return { ...facts, schemaTooNew: event.tooNew };
    case 'role': {
      // A role that may write lifts an earlier refusal to write.
      const lifted = facts.closeCode === CloseCodes.ReadOnly.code && !isReader(event.role);
      return { ...facts, role: event.role, closeCode: lifted ? null : facts.closeCode };
    }
    case 'refused':
      return { ...facts, closeCode: event.code };
    case 'view':
      return { ...facts, view: event.view, connection: 'idle', handshakeDone: false };
  }
}

export interface SyncStatusView {
  state: SyncState;
  /** Full sentence for the header and screen readers. */
  label: string;
  /** A few words for narrow screens. */
  short: string;
  /**
   * A routine, short-lived state ("Saving…" while connected): not announced to screen readers and shown
   * only if it lasts, so typing does not make the status flicker.
   */
  quiet?: boolean;
}


export function describeSync(f: SyncFacts): SyncStatusView {
  const n = f.unsyncedChanges;
  if (f.closeCode === CloseCodes.ReportDeleted.code) {
    return { state: 'error', label: t('sync.deleted'), short: t('sync.deleted.short') };
  }
  if (f.closeCode === CloseCodes.Unauthorized.code) {
    return { state: 'signed-out', label: t('sync.signedOut'), short: t('sync.signedOut.short') };
  }
  if (f.closeCode === CloseCodes.UnknownReport.code && !f.pendingCreate) {
    return { state: 'error', label: t('sync.unknown'), short: t('sync.unknown.short') };
  }
  if (f.schemaTooNew) {
    return { state: 'read-only', label: t('sync.schemaTooNew'), short: t('sync.readOnly.short') };
  }
  if (f.view === 'server' && f.role && n > 0) {
    return { state: 'read-only', label: t('sync.serverView', { n }), short: t('sync.readOnly.short') };
  }
  if (f.role && isReader(f.role)) {
    if (!f.online) return { state: 'offline', label: t('sync.offlineReader'), short: t('sync.offline.short') };
    // The banner says why (the role); the status says what matters besides: the text shown is the latest.
    if (f.connection === 'open' && f.handshakeDone) {
      // A reviewer can do something: say that (their edits are suggestions), not "Read only".
      if (f.role === 'reviewer') return { state: 'read-only', label: t('sync.reviewerUpToDate'), short: t('sync.upToDate.short') };
      return { state: 'read-only', label: t('sync.readerUpToDate'), short: t('sync.readOnly.short') };
    }
  } else if (f.closeCode === CloseCodes.ReadOnly.code) {
    return { state: 'read-only', label: t('sync.readOnly'), short: t('sync.readOnly.short') };
  }
  if (f.closeCode === CloseCodes.ReportFull.code && f.connection === 'idle') {
    return { state: 'error', label: n > 0 ? t('sync.fullKept', { n }) : t('sync.full'), short: t('sync.full.short') };
  }
  if (f.closeCode === CloseCodes.TooManyConnections.code && f.connection === 'idle') {
    return { state: 'error', label: t('sync.tooMany'), short: t('sync.tooMany.short') };
  }
  if ((f.closeCode === CloseCodes.MalformedMessage.code || f.closeCode === CloseCodes.PresenceTooLarge.code) && f.connection === 'idle') {
    return { state: 'error', label: t('sync.malformed'), short: t('sync.malformed.short') };
  }
  if (!f.loaded) return { state: 'connecting', label: t('sync.opening'), short: t('sync.opening') };
  if (!f.online) {
    if (!f.savedLocally) return { state: 'offline', label: t('sync.offlineSaving'), short: t('sync.offline.short') };
    if (n > 0) {
      return {
        state: 'offline',
        label: t('sync.offlineWaiting', { n }),
        short: t('sync.offlineWaiting.short', { n }),
      };
    }
    return { state: 'offline', label: t('sync.offlineNothing'), short: t('sync.offline.short') };
  }
  if (f.pendingCreate) {
    return { state: 'saved-local', label: t('sync.pendingCreate'), short: t('sync.onDevice.short') };
  }
  if (f.connection === 'open' && f.handshakeDone) {
    if (n === 0) return { state: 'synced', label: t('sync.synced'), short: t('sync.synced') };
    return { state: 'unsynced', label: t('sync.saving'), short: t('sync.saving'), quiet: true };
  }
  const unreachable = f.failedAttempts >= 3;
  if (n > 0) {
    return {
      state: 'unsynced',
      label: unreachable ? t('sync.waitingUnreachable', { n }) : t('sync.waiting', { n }),
      short: t('sync.waiting.short', { n }),
    };
  }
  if (f.closeCode === CloseCodes.LoadFailed.code) {
    return { state: 'connecting', label: t('sync.loadFailed'), short: t('sync.retrying.short') };
  }
  if (unreachable) {
    return { state: 'saved-local', label: t('sync.unreachable'), short: t('sync.onDevice.short') };
  }
  return f.everSynced
    ? { state: 'connecting', label: t('sync.reconnecting'), short: t('sync.reconnecting') }
    : { state: 'connecting', label: t('sync.connecting'), short: t('sync.connecting') };
}
