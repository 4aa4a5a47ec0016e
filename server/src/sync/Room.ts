/**
 * The connections editing one document, and their presence (awareness). Document changes reach the other
 * connections only from the LiveDocument's commit event, i.e. after they are stored; presence is not
 * stored and is relayed at once.
 */
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type { LiveDocument, CommittedUpdate } from '../documents/LiveDocument.ts';
import { MessageType } from './messages.ts';

/** How long presence changes (carets, selections, names) are gathered before they are relayed. */
const PRESENCE_BATCH_MS = 20;

/** Origin of presence that came from another server node. */
export const REMOTE_PRESENCE = Symbol('remote-presence');

/** What a room needs of a connection. */
export interface RoomMember {
  send(message: Uint8Array): void;
  /** Awareness client ids this connection has announced, removed when it leaves. */
  readonly awarenessIds: Set<number>;
  /** The account it was opened with. */
  readonly userId: string;
  /** Client ids whose presence this connection speaks for (see presence.ts). */
  readonly presenceClaims: Set<number>;
}

export class Room {
  readonly awareness: awarenessProtocol.Awareness;
  readonly members = new Set<RoomMember>();
  private readonly stopCommitted: () => void;
  private readonly destroyListeners: (() => void)[] = [];
  /** Set in a cluster: receives this node's presence changes (an awareness update) to tell the other nodes. */
  publishPresence: ((update: Uint8Array) => void) | null = null;
  /** Presence changed by this node's connections since the last batch (what other nodes need to hear). */
  private pendingLocal = new Set<number>();
  /** Which connection here speaks for each client id. */
  private readonly presenceOwners = new Map<number, RoomMember>();

  constructor(readonly live: LiveDocument) {
    this.awareness = new awarenessProtocol.Awareness(live.doc);
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.handleAwarenessUpdate);
    this.stopCommitted = live.onCommitted(this.handleCommitted);
  }

  join(member: RoomMember): void {
    this.members.add(member);
  }

  leave(member: RoomMember): void {
    this.members.delete(member);
    for (const id of member.presenceClaims) if (this.presenceOwners.get(id) === member) this.presenceOwners.delete(id);
    if (member.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...member.awarenessIds], member);
    }
  }

  /**
   * Whether `member` may start speaking for a client id: nobody here holds it and it has no presence from another
   * node, or another connection of the same account holds it (the same device reconnected).
   */
  mayClaimPresence(member: RoomMember, clientId: number): boolean {
    const owner = this.presenceOwners.get(clientId);
    if (owner && owner !== member) return owner.userId === member.userId;
    return owner === member || !this.awareness.states.has(clientId);
  }

  /** `member` now speaks for these ids; a connection of the same account that held one lets it go. */
  claimPresence(member: RoomMember, clientIds: number[]): void {
    for (const id of clientIds) {
      const before = this.presenceOwners.get(id);
      if (before && before !== member) {
        before.presenceClaims.delete(id);
        before.awarenessIds.delete(id);
      }
      this.presenceOwners.set(id, member);
    }
  }

  private handleCommitted = (batch: CommittedUpdate[]) => {
    for (const { update, origin } of batch) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.Sync);
      syncProtocol.writeUpdate(encoder, update);
      const message = encoding.toUint8Array(encoder);
      // The sender already has its own change.
      for (const m of this.members) if (m !== origin) m.send(message);
    }
  };

  private handleAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    const from = origin as RoomMember | null;
    if (from && this.members.has(from)) {
      for (const id of added) from.awarenessIds.add(id);
      for (const id of removed) from.awarenessIds.delete(id);
    }
    for (const id of added.concat(updated, removed)) {
      this.pendingPresence.add(id);
      if (origin !== REMOTE_PRESENCE) this.pendingLocal.add(id);
    }
    // Carets move on every keystroke: relaying each one to every member costs (members x keystrokes) frames.
    // Gathering them for PRESENCE_BATCH_MS sends one message per member with everyone's latest position.
    this.presenceTimer ??= setTimeout(this.flushPresence, PRESENCE_BATCH_MS);
  };

  private pendingPresence = new Set<number>();
  private presenceTimer: NodeJS.Timeout | null = null;

  private flushPresence = () => {
    this.presenceTimer = null;
    if (this.pendingPresence.size === 0) return;
    const changed = [...this.pendingPresence];
    this.pendingPresence.clear();
    if (this.publishPresence && this.pendingLocal.size > 0) this.publishPresence(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.pendingLocal]));
    this.pendingLocal.clear();
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Awareness);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    const message = encoding.toUint8Array(encoder);
    for (const m of this.members) m.send(message);
  };

  /** Presence another node published: shown to this node's connections, never sent back. */
  applyRemotePresence(update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE_PRESENCE);
  }

  /** The presence of this node's own connections (for another node that just opened this document). */
  localPresence(): Uint8Array | null {
    const ids = [...this.members].flatMap((m) => [...m.awarenessIds]);
    return ids.length > 0 ? awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids) : null;
  }

  onDestroy(listener: () => void): void {
    this.destroyListeners.push(listener);
  }

  /** The full presence of everyone here, for a newcomer. */
  awarenessMessage(): Uint8Array | null {
    const states = this.awareness.getStates();
    if (states.size === 0) return null;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Awareness);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()]));
    return encoding.toUint8Array(encoder);
  }

  destroy(): void {
    for (const listener of this.destroyListeners.splice(0)) listener();
    if (this.presenceTimer) clearTimeout(this.presenceTimer);
    this.stopCommitted();
    this.awareness.off('update', this.handleAwarenessUpdate);
    this.awareness.destroy();
  }
}
