/**
 * Counts local edits the server has not confirmed storing. y-websocket has no acknowledgement, so the
 * tracker asks for one: the server answers every sync step 1 with a step 2 only after it has stored every
 * message received before it, in order. A step 1 sent after our edits therefore confirms them when its
 * answer arrives. At most one such request is in flight; edits made meanwhile wait for the next one.
 *
 * Edits are counted in bursts (a pause of `burstMs` starts a new one), so typing a sentence is one change
 * in "3 changes waiting to sync", the way people think of their work, not one per keystroke.
 */
export interface ChangeTrackerOptions {
  /** Send a sync step 1 on the open connection (after any message already being sent). */
  requestConfirmation: () => void;
  /** Called whenever `unsynced` may have changed. */
  onChange: () => void;
  burstMs?: number;
  /** Unconfirmed bursts left by an earlier visit (from the device catalogue). */
  initialUnsynced?: number;
  now?: () => number;
}

interface Burst {
  lastSeq: number;
  at: number;
}

export class ChangeTracker {
  private seq = 0;
  /** The newest edit the server has been sent on the current connection. */
  private sent = 0;
  private confirmed = 0;
  /** For each step 1 awaiting its answer, the edit its answer confirms. */
  private inflight: number[] = [];
  private wantConfirmation = false;
  private open = false;
  private bursts: Burst[] = [];
  private readonly burstMs: number;
  private readonly now: () => number;

  constructor(private readonly options: ChangeTrackerOptions) {
    this.burstMs = options.burstMs ?? 2000;
    this.now = options.now ?? Date.now;
    this.carryOver(options.initialUnsynced ?? 0);
  }

  /**
   * Add bursts left unconfirmed by an earlier visit (read from the device catalogue). Call it before the
   * first connection: they then reach the server in the answer to its first step 1, like any offline edit.
   */
  carryOver(count: number): void {
    if (count <= 0) return;
    const shift = (n: number) => (n > this.confirmed ? n + count : n);
    const carried = Array.from({ length: count }, (_, i) => ({ lastSeq: this.confirmed + i + 1, at: 0 }));
    this.bursts = [...carried, ...this.bursts.map((b) => ({ ...b, lastSeq: shift(b.lastSeq) }))];
    this.seq += count;
    this.options.onChange();
  }

  /** Bursts of edits not yet confirmed by the server. */
  get unsynced(): number {
    return this.bursts.length;
  }

  /** A change made on this device (not one received from the server or loaded from IndexedDB). */
  localChange(): void {
    const at = this.now();
    this.seq++;
    const last = this.bursts[this.bursts.length - 1];
    if (last && at - last.at < this.burstMs) {
      last.lastSeq = this.seq;
      last.at = at;
    } else {
      this.bursts.push({ lastSeq: this.seq, at });
    }
    // An open provider sends each update as it happens.
    if (this.open) {
      this.sent = this.seq;
      this.confirm();
    }
    this.options.onChange();
  }

  /** The socket opened; the provider has just sent its own step 1, which confirms nothing of ours yet. */
  opened(): void {
    this.open = true;
    this.sent = this.confirmed;
    this.inflight = [this.confirmed];
    this.wantConfirmation = false;
  }

  /** The server sent its step 1; the provider answers with everything the server lacks, edits made offline included. */
  serverAskedForChanges(): void {
    if (!this.open) return;
    this.sent = this.seq;
    this.confirm();
  }

  /** A step 2 arrived: the answer to the oldest step 1 in flight. */
  serverAnswered(): void {
    const tag = this.inflight.shift();
    if (tag !== undefined && tag > this.confirmed) {
      this.confirmed = tag;
      this.bursts = this.bursts.filter((b) => b.lastSeq > tag);
      this.options.onChange();
    }
    if (this.wantConfirmation && this.inflight.length === 0) {
      this.wantConfirmation = false;
      this.confirm();
    }
  }

  closed(): void {
    this.open = false;
    this.inflight = [];
    this.wantConfirmation = false;
    this.sent = this.confirmed;
  }

  private confirm(): void {
    if (!this.open || this.sent <= this.confirmed) return;
    if (this.inflight.some((tag) => tag >= this.sent)) return;
    if (this.inflight.length > 0) {
      this.wantConfirmation = true;
      return;
    }
    this.inflight.push(this.sent);
    this.options.requestConfirmation();
  }
}
