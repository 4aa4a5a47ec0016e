import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ClusterEnvelope, MAX_AGE_MS, MAX_SKEW_MS } from './envelope.ts';

const secret = crypto.randomBytes(32).toString('hex');
const channel = 'rightsdraft:doc:0b5c3c1e-6f0e-4a43-9a55-0c0f3d5e1a11';
const text = (s: string) => new TextEncoder().encode(s);

describe('the sealed envelope of cluster messages', () => {
  it('gives another node holding the secret exactly what was sealed, and hides it from Redis', () => {
    const a = new ClusterEnvelope(secret);
    const b = new ClusterEnvelope(secret);
    const sealed = a.seal(channel, text('The State should adopt a law.'));
    expect(sealed.includes(Buffer.from('adopt a law'))).toBe(false);
    const opened = b.open(channel, sealed);
    expect(opened.ok && new TextDecoder().decode(opened.payload)).toBe('The State should adopt a law.');
    expect(ClusterEnvelope.senderOf(sealed)?.equals(a.nodeId)).toBe(true);
  });

  it('refuses a message sealed with another secret, changed on the way, or moved to another channel', () => {
    const a = new ClusterEnvelope(secret);
    const b = new ClusterEnvelope(secret);
    const stranger = new ClusterEnvelope(crypto.randomBytes(32).toString('hex'));
    expect(b.open(channel, stranger.seal(channel, text('hello')))).toEqual({ ok: false, reason: 'bad signature' });
    const sealed = a.seal(channel, text('hello'));
    for (const at of [1, 20, 30, sealed.length - 20, sealed.length - 1]) {
      const changed = Buffer.from(sealed);
      changed[at]! ^= 1;
      expect(b.open(channel, changed)).toEqual({ ok: false, reason: 'bad signature' });
    }
    expect(b.open('rightsdraft:doc:another-report', sealed)).toEqual({ ok: false, reason: 'bad signature' });
    expect(b.open(channel, sealed.subarray(0, 40))).toEqual({ ok: false, reason: 'malformed' });
    // The genuine message still opens after all those attempts.
    expect(b.open(channel, sealed).ok).toBe(true);
  });

  it('refuses a message played again, an older one after a newer one, and one outside the time window', () => {
    let now = 1_800_000_000_000;
    const clock = () => now;
    const a = new ClusterEnvelope(secret, crypto.randomBytes(16), clock);
    const b = new ClusterEnvelope(secret, crypto.randomBytes(16), clock);
    const first = a.seal(channel, text('1'));
    const second = a.seal(channel, text('2'));
    expect(b.open(channel, second).ok).toBe(true);
    expect(b.open(channel, second)).toEqual({ ok: false, reason: 'replayed' });
    expect(b.open(channel, first)).toEqual({ ok: false, reason: 'replayed' });

    const late = a.seal(channel, text('3'));
    now += MAX_AGE_MS + 1;
    expect(b.open(channel, late)).toEqual({ ok: false, reason: 'too old' });
    const ahead = new ClusterEnvelope(secret, crypto.randomBytes(16), () => now + MAX_SKEW_MS + 1000);
    expect(b.open(channel, ahead.seal(channel, text('4')))).toEqual({ ok: false, reason: 'from the future' });
    // A clock a little ahead is fine.
    const slightly = new ClusterEnvelope(secret, crypto.randomBytes(16), () => now + 1000);
    expect(b.open(channel, slightly.seal(channel, text('5'))).ok).toBe(true);
  });

  it('will not start with a short secret', () => {
    expect(() => new ClusterEnvelope('too short')).toThrow(/at least 32/);
  });
});
