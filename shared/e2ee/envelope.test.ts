import { describe, expect, it } from 'vitest';
import { generateAccountKeys, newRecoveryCode, unwrapWithPassword, unwrapWithRecoveryCode, wrapWithPassword, wrapWithRecoveryCode } from './accountKeys.ts';
import { fromBase64, toBase64 } from './bytes.ts';
import { openEnvelope, readHeader, sealEnvelope, type OpenContext } from './envelope.ts';
import { newReportKey, unwrapReportKey, wrapReportKey } from './keyWrap.ts';
import { safetyCode } from './safetyCode.ts';

const REPORT = '0b7e3f4a-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
const alice = generateAccountKeys();
const mallory = generateAccountKeys();
const key = newReportKey();
const text = new TextEncoder().encode('testimony of a witness');

function context(overrides: Partial<OpenContext> = {}): OpenContext {
  return {
    reportId: REPORT,
    kind: 'content',
    writerKey: (id) => (id === 'alice' ? alice.signPublic : null),
    reportKey: (g) => (g === 1 ? key : null),
    seen: new Set(),
    ...overrides,
  };
}

const seal = (signer = 'alice', signKey = alice.signSecret) =>
  sealEnvelope({ type: 'update', generation: 1, kind: 'content', reportId: REPORT, signer }, text, key, signKey);

describe('Envelope', () => {
  it('opens what a member sealed, and the server-readable header holds no text', () => {
    const sealed = seal();
    const opened = openEnvelope(sealed, context());
    expect(opened.ok && new TextDecoder().decode(opened.plaintext)).toBe('testimony of a witness');
    expect(readHeader(sealed)?.header).toMatchObject({ type: 'update', generation: 1, signer: 'alice', reportId: REPORT });
    expect(new TextDecoder('latin1').decode(sealed)).not.toContain('witness');
  });

  it('opens presence only as presence, and never an update as presence', () => {
    const presence = sealEnvelope({ type: 'presence', generation: 1, kind: 'content', reportId: REPORT, signer: 'alice' }, text, key, alice.signSecret);
    expect(readHeader(presence)?.header.type).toBe('presence');
    expect(openEnvelope(presence, context())).toMatchObject({ ok: false, reason: 'wrong-type' });
    expect(openEnvelope(presence, context({ presence: true })).ok).toBe(true);
    expect(openEnvelope(seal(), context({ presence: true }))).toMatchObject({ ok: false, reason: 'wrong-type' });
  });

  it('refuses a ciphertext with one bit changed, anywhere', () => {
    const sealed = seal();
    for (const at of [1, 30, sealed.length - 80, sealed.length - 1]) {
      const tampered = sealed.slice();
      tampered[at]! ^= 1;
      expect(openEnvelope(tampered, context()).ok).toBe(false);
    }
  });

  it('refuses the same message played a second time', () => {
    const ctx = context();
    const sealed = seal();
    expect(openEnvelope(sealed, ctx).ok).toBe(true);
    expect(openEnvelope(sealed, ctx)).toMatchObject({ ok: false, reason: 'replayed' });
  });

  it('refuses a message signed by someone who is not a writer, even one claiming to be a member', () => {
    expect(openEnvelope(seal('mallory', mallory.signSecret), context())).toMatchObject({ ok: false, reason: 'unknown-signer' });
    expect(openEnvelope(seal('alice', mallory.signSecret), context())).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('refuses a message moved to another report or document, and one whose key generation it lacks', () => {
    expect(openEnvelope(seal(), context({ reportId: '11111111-1c2d-4e5f-8a9b-0c1d2e3f4a5b' }))).toMatchObject({ reason: 'wrong-report' });
    expect(openEnvelope(seal(), context({ kind: 'discussion' }))).toMatchObject({ reason: 'wrong-report' });
    expect(openEnvelope(seal(), context({ reportKey: () => null }))).toMatchObject({ reason: 'no-key' });
  });
});

describe('Report key wrapping', () => {
  const bob = generateAccountKeys();
  const ctx = { reportId: REPORT, generation: 2, recipient: 'bob' };

  it('opens for the recipient only, in its own context, from the wrapper it names', () => {
    const wrapped = wrapReportKey(key, bob.boxPublic, ctx, alice.signSecret);
    expect(unwrapReportKey(wrapped, { secretKey: bob.boxSecret, publicKey: bob.boxPublic }, ctx, alice.signPublic)).toEqual(key);
    expect(unwrapReportKey(wrapped, { secretKey: mallory.boxSecret, publicKey: mallory.boxPublic }, ctx, alice.signPublic)).toBeNull();
    expect(unwrapReportKey(wrapped, { secretKey: bob.boxSecret, publicKey: bob.boxPublic }, { ...ctx, generation: 3 }, alice.signPublic)).toBeNull();
    expect(unwrapReportKey(wrapped, { secretKey: bob.boxSecret, publicKey: bob.boxPublic }, ctx, mallory.signPublic)).toBeNull();
  });
});

describe('Account keys', () => {
  it('come back with the password or the recovery code, and not with a wrong one', async () => {
    const keys = generateAccountKeys();
    const wrapped = await wrapWithPassword(keys, 'correct horse battery');
    expect((await unwrapWithPassword(wrapped, 'correct horse battery'))?.signSecret).toEqual(keys.signSecret);
    expect(await unwrapWithPassword(wrapped, 'wrong')).toBeNull();
    const code = newRecoveryCode();
    const recovery = wrapWithRecoveryCode(keys, code);
    expect(unwrapWithRecoveryCode(recovery, code.toLowerCase())?.boxSecret).toEqual(keys.boxSecret);
    expect(unwrapWithRecoveryCode(recovery, newRecoveryCode())).toBeNull();
  });

  it('give a safety code that changes when a key changes', () => {
    const a = safetyCode('alice', alice.boxPublic, alice.signPublic);
    expect(a).toMatch(/^\d{5} \d{5} \d{5} \d{5}$/);
    expect(safetyCode('alice', alice.boxPublic, mallory.signPublic)).not.toBe(a);
  });

  it('round-trip bytes through base64', () => {
    for (const n of [0, 1, 2, 3, 31, 32, 33]) {
      const b = new Uint8Array(n).map((_, i) => (i * 37) & 255);
      expect(fromBase64(toBase64(b))).toEqual(b);
    }
    expect(fromBase64('a$==')).toBeNull();
  });
});
