/**
 * How far this device's copy of an encrypted document has come with the server, kept beside the copy: the newest
 * sequence number applied, the state vector of what the server holds (to send only what it lacks), and whether
 * local changes may be unsent. Holds no text.
 */
import * as Y from 'yjs';

const PREFIX = 'rightsdraft:esync:';

export class SyncCursor {
  lastSeq = 0;
  dirty = false;
  private readonly serverState = new Map<number, number>();

  constructor(private readonly key: string) {
    try {
      const raw = JSON.parse(localStorage.getItem(PREFIX + key) ?? 'null') as { lastSeq: number; dirty: boolean; sv: [number, number][] } | null;
      if (raw) {
        this.lastSeq = raw.lastSeq;
        this.dirty = raw.dirty;
        for (const [client, clock] of raw.sv) this.serverState.set(client, clock);
      }
    } catch {
      // A damaged cursor only means fetching everything again.
    }
  }

  /** The server holds this update (received from it, or acknowledged). */
  serverHas(update: Uint8Array, seq?: number): void {
    for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update))) {
      if ((this.serverState.get(client) ?? 0) < clock) this.serverState.set(client, clock);
    }
    if (seq !== undefined && seq > this.lastSeq) this.lastSeq = seq;
    this.save();
  }

  /** Everything of `doc` the server may lack (the whole delete set is always included). */
  missingFrom(doc: Y.Doc): Uint8Array {
    return Y.encodeStateAsUpdate(doc, Y.encodeStateVector(this.serverState));
  }

  /** The device copy was cleared: fetch everything again on the next connection. */
  reset(): void {
    this.lastSeq = 0;
    this.dirty = false;
    this.serverState.clear();
    this.save();
  }

  markDirty(dirty: boolean): void {
    if (this.dirty === dirty) return;
    this.dirty = dirty;
    this.save();
  }

  private save(): void {
    localStorage.setItem(PREFIX + this.key, JSON.stringify({ lastSeq: this.lastSeq, dirty: this.dirty, sv: [...this.serverState] }));
  }
}

/** Forget every cursor on this device (its copies were removed). */
export function forgetAllCursors(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith(PREFIX)) localStorage.removeItem(key);
}
