/**
 * Presence of an end-to-end encrypted report (names, colours, carets, the section open): the y-protocols
 * Awareness of the content document's EncryptedProvider, carried sealed (envelope type `presence`) in `presence`
 * frames that the server relays and never stores. As y-websocket does: this client's own state leaves on every
 * change and on the Awareness keep-alive (every 15 s), a removal when it leaves, and states of clients that
 * vanish time out after 30 s, or sooner when the server says their connection closed (`gone`). The server keeps no presence to give newcomers, so a client that sees a new
 * client answers with its own state once. Each received state passes presenceCheck.ts before it is applied.
 */
import * as encoding from 'lib0/encoding';
import { applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates, type Awareness } from 'y-protocols/awareness';
import { checkPresence, type PresenceMember } from './presenceCheck.ts';

/** A new client seen: answer with this client's state after this long (several newcomers, one answer). */
const GREET_MS = 300;

type Change = { added: number[]; updated: number[]; removed: number[] };

export class EncryptedPresence {
  /** Who spoke for each client id in this session (a member cannot take over another's caret). */
  private readonly owners = new Map<number, string>();
  private queued = false;
  private greetTimer: ReturnType<typeof setTimeout> | null = null;
  private online = false;

  constructor(
    private readonly awareness: Awareness,
    accountId: string,
    /** Seal and send one awareness update; false when it could not leave (no socket, no key). */
    private readonly send: (update: Uint8Array) => boolean,
  ) {
    this.owners.set(awareness.clientID, accountId);
    awareness.on('update', this.handleUpdate);
    if (typeof window !== 'undefined') window.addEventListener('pagehide', this.leave);
  }

  /** Caught up with the server: show this client to the others. */
  connected(): void {
    this.online = true;
    if (this.awareness.getLocalState() !== null) this.queueOwn();
  }

  /** The connection is going away on purpose: others stop showing this client at once. */
  leave = (): void => {
    if (!this.online || this.awareness.getLocalState() === null) return;
    const id = this.awareness.clientID;
    const meta = this.awareness.meta.get(id);
    if (!meta) return;
    // The removal takes the next clock, and the next state the one after it, so others accept both.
    meta.clock += 1;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, id);
    encoding.writeVarUint(encoder, meta.clock);
    encoding.writeVarString(encoder, 'null');
    this.send(encoding.toUint8Array(encoder));
  };

  /** The connection closed: like y-websocket, stop showing the others (they come back with their next state). */
  disconnected(): void {
    this.online = false;
    const others = [...this.awareness.getStates().keys()].filter((id) => id !== this.awareness.clientID);
    removeAwarenessStates(this.awareness, others, this);
  }

  /**
   * A decrypted presence message from `signer`, sent in a frame for `client`: applied when it passes the identity
   * check, else the reason.
   */
  receive(update: Uint8Array, signer: string, members: readonly PresenceMember[], client: number): string | null {
    const checked = checkPresence(update, signer, members, this.owners);
    if (!checked.ok) return checked.detail;
    // The server ends presence by the frame's client id: it must be the one inside (or one member's close could end another's).
    if (checked.clientId !== client) return 'client id is not the frame’s';
    this.owners.set(checked.clientId, signer);
    const isNew = !checked.removal && !this.awareness.getStates().has(checked.clientId);
    applyAwarenessUpdate(this.awareness, checked.update, this);
    if (isNew && this.awareness.getStates().has(checked.clientId)) this.greet();
    return null;
  }

  /** The server says the connections that spoke for these clients closed: stop showing them now. */
  gone(clients: number[]): void {
    const own = this.awareness.clientID;
    removeAwarenessStates(this.awareness, clients.filter((id) => id !== own && this.owners.has(id)), this);
  }

  destroy(): void {
    this.awareness.off('update', this.handleUpdate);
    if (typeof window !== 'undefined') window.removeEventListener('pagehide', this.leave);
    if (this.greetTimer) clearTimeout(this.greetTimer);
  }

  private greet(): void {
    if (this.greetTimer) return;
    this.greetTimer = setTimeout(() => {
      this.greetTimer = null;
      // A new clock, so that the newcomer (and everyone) takes it.
      const state = this.awareness.getLocalState();
      if (this.online && state !== null) this.awareness.setLocalState(state);
    }, GREET_MS);
  }

  private handleUpdate = ({ added, updated, removed }: Change, origin: unknown): void => {
    if (origin === this) return;
    const own = this.awareness.clientID;
    if (![...added, ...updated, ...removed].includes(own)) return;
    // A removal leaves now (the page or the session may be closing); other changes once per task.
    if (this.awareness.getLocalState() === null) this.sendOwn();
    else this.queueOwn();
  };

  private queueOwn(): void {
    if (this.queued) return;
    this.queued = true;
    queueMicrotask(() => {
      this.queued = false;
      this.sendOwn();
    });
  }

  private sendOwn(): void {
    if (this.online) this.send(encodeAwarenessUpdate(this.awareness, [this.awareness.clientID]));
  }
}
