/**
 * The sealed envelope every cluster message travels in over Redis, so that reaching Redis is not enough to
 * read what nodes tell each other or to make them do anything.
 *
 * Layout: version (1 byte) | sender node id (16) | sent at, ms since 1970 (8, big-endian) | sequence (8,
 * big-endian) | AES-256-GCM ciphertext of the payload | GCM tag (16).
 *
 * - Key: each sending node has its own: HMAC-SHA256, keyed with HKDF-SHA256 of CLUSTER_SECRET, of the node id
 *   (random per process); a PRF-based derivation, cheap enough to run for every forged sender id. The GCM nonce
 *   is the sequence number, which a node never repeats: one key, one nonce, never twice.
 * - The header and the channel name are authenticated (GCM additional data), so a message cannot be moved to
 *   another channel (another report) or have its time or sequence changed.
 * - Replays: a message older than MAX_AGE_MS, or dated more than MAX_SKEW_MS ahead, is refused; so is one whose
 *   sequence is not above the last one accepted from that node (Redis delivers one publisher's messages to a
 *   subscriber in order, whatever the channel).
 */
import crypto from 'node:crypto';

export const NODE_ID_BYTES = 16;
const VERSION = 1;
const HEADER_BYTES = 1 + NODE_ID_BYTES + 8 + 8;
const TAG_BYTES = 16;
const MASTER_INFO = Buffer.from('rightsdraft cluster bus v1');
const NODE_KEY_LABEL = Buffer.from('rightsdraft cluster bus v1 node key aes-256-gcm\0');

/** A message sent longer ago than this is refused (nodes keep their clocks in step with NTP). */
export const MAX_AGE_MS = 60_000;
/** How far ahead of this node's clock another node's clock may be. */
export const MAX_SKEW_MS = 30_000;
/** Senders remembered for replay checks; a bigger crowd drops those quiet longest (their old messages are too old anyway). */
const MAX_SENDERS = 10_000;

/** The shortest CLUSTER_SECRET accepted (32 characters: 32 random bytes as hex give 64). */
export const MIN_SECRET_LENGTH = 32;

export type RefusalReason = 'malformed' | 'bad signature' | 'too old' | 'from the future' | 'replayed';

export type Opened = { ok: true; payload: Uint8Array } | { ok: false; reason: RefusalReason };

function nodeKey(master: Buffer, nodeId: Uint8Array): Buffer {
  return crypto.createHmac('sha256', master).update(NODE_KEY_LABEL).update(nodeId).digest();
}

function nonce(seq: bigint): Buffer {
  const iv = Buffer.alloc(12);
  iv.writeBigUInt64BE(seq, 4);
  return iv;
}

function additionalData(header: Uint8Array, channel: string): Buffer {
  return Buffer.concat([header, Buffer.from(channel, 'utf8')]);
}

export class ClusterEnvelope {
  private readonly master: Buffer;
  private readonly ownKey: Buffer;
  private seq = 0n;
  /** Keys of nodes whose messages were genuine (derived again for anyone else, never stored for them). */
  private readonly keys = new Map<string, Buffer>();
  /** Per sender: the last sequence accepted, and when (to forget quiet senders). */
  private readonly lastSeen = new Map<string, { seq: bigint; at: number }>();

  constructor(
    secret: string,
    readonly nodeId: Buffer = crypto.randomBytes(NODE_ID_BYTES),
    private readonly now: () => number = Date.now,
  ) {
    if (secret.length < MIN_SECRET_LENGTH) throw new Error(`the cluster secret must be at least ${MIN_SECRET_LENGTH} characters`);
    if (nodeId.length !== NODE_ID_BYTES) throw new Error('a node id has 16 bytes');
    this.master = Buffer.from(crypto.hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.alloc(0), MASTER_INFO, 32));
    this.ownKey = nodeKey(this.master, nodeId);
  }

  /** The sender's node id of a message, before anything is checked (null if too short to hold one). */
  static senderOf(message: Uint8Array): Buffer | null {
    if (message.length < HEADER_BYTES) return null;
    return Buffer.from(message.buffer, message.byteOffset + 1, NODE_ID_BYTES);
  }

  seal(channel: string, payload: Uint8Array): Buffer {
    const seq = ++this.seq;
    const header = Buffer.alloc(HEADER_BYTES);
    header[0] = VERSION;
    this.nodeId.copy(header, 1);
    header.writeBigUInt64BE(BigInt(this.now()), 1 + NODE_ID_BYTES);
    header.writeBigUInt64BE(seq, 1 + NODE_ID_BYTES + 8);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.ownKey, nonce(seq), { authTagLength: TAG_BYTES });
    cipher.setAAD(additionalData(header, channel));
    const body = Buffer.concat([cipher.update(payload), cipher.final()]);
    return Buffer.concat([header, body, cipher.getAuthTag()]);
  }

  open(channel: string, message: Uint8Array): Opened {
    if (message.length < HEADER_BYTES + TAG_BYTES || message[0] !== VERSION) return { ok: false, reason: 'malformed' };
    const buf = Buffer.from(message.buffer, message.byteOffset, message.length);
    const header = buf.subarray(0, HEADER_BYTES);
    const sender = header.subarray(1, 1 + NODE_ID_BYTES);
    const sentAt = Number(header.readBigUInt64BE(1 + NODE_ID_BYTES));
    const seq = header.readBigUInt64BE(1 + NODE_ID_BYTES + 8);
    const senderHex = sender.toString('hex');
    const key = this.keys.get(senderHex) ?? nodeKey(this.master, sender);
    let payload: Buffer;
    try {
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, nonce(seq), { authTagLength: TAG_BYTES });
      decipher.setAAD(additionalData(header, channel));
      // GCM compares the tag in constant time inside OpenSSL.
      decipher.setAuthTag(buf.subarray(buf.length - TAG_BYTES));
      payload = Buffer.concat([decipher.update(buf.subarray(HEADER_BYTES, buf.length - TAG_BYTES)), decipher.final()]);
    } catch {
      return { ok: false, reason: 'bad signature' };
    }
    // Genuine from here: the time and sequence are the sender's own.
    const now = this.now();
    if (now - sentAt > MAX_AGE_MS) return { ok: false, reason: 'too old' };
    if (sentAt - now > MAX_SKEW_MS) return { ok: false, reason: 'from the future' };
    const last = this.lastSeen.get(senderHex);
    if (last && seq <= last.seq) return { ok: false, reason: 'replayed' };
    this.remember(senderHex, key, seq, now);
    return { ok: true, payload };
  }

  private remember(sender: string, key: Buffer, seq: bigint, now: number): void {
    this.lastSeen.delete(sender);
    this.lastSeen.set(sender, { seq, at: now });
    this.keys.set(sender, key);
    if (this.lastSeen.size <= MAX_SENDERS) return;
    // Maps iterate in insertion order and a sender is re-inserted on each message: the first is the quietest.
    for (const [id, seen] of this.lastSeen) {
      if (this.lastSeen.size <= MAX_SENDERS && now - seen.at <= MAX_AGE_MS + MAX_SKEW_MS) break;
      this.lastSeen.delete(id);
      this.keys.delete(id);
    }
  }
}
