import { describe, expect, it } from 'vitest';
import { generateAccountKeys } from './accountKeys.ts';
import { sealEnvelope } from './envelope.ts';
import { newReportKey } from './keyWrap.ts';
import { openVersion, readVersionHeader, sealVersion } from './versionBlob.ts';

const REPORT = '0b7e3f4a-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
const alice = generateAccountKeys();
const mallory = generateAccountKeys();
const key1 = newReportKey();
const key2 = newReportKey();
const version = { name: 'Sent to OHCHR, 15 March', content: new Uint8Array([1, 2, 3, 4]), discussion: new Uint8Array([9, 8]) };
const ctx = {
  reportId: REPORT,
  writerKey: (id: string) => (id === 'alice' ? alice.signPublic : null),
  reportKey: (g: number) => (g === 1 ? key1 : g === 2 ? key2 : null),
};

describe('Sealed versions', () => {
  it('opens with the generation it was sealed with, and neither the name nor the text is readable', () => {
    const sealed = sealVersion({ reportId: REPORT, generation: 1, signer: 'alice' }, version, key1, alice.signSecret);
    const opened = openVersion(sealed, ctx);
    expect(opened.ok && opened.version).toEqual(version);
    expect(readVersionHeader(sealed)).toMatchObject({ type: 'version', generation: 1, signer: 'alice', reportId: REPORT });
    expect(new TextDecoder('latin1').decode(sealed)).not.toContain('OHCHR');
  });

  it('refuses a version signed by a non-writer, tampered, of another report, or without the key', () => {
    const forged = sealVersion({ reportId: REPORT, generation: 1, signer: 'alice' }, version, key1, mallory.signSecret);
    expect(openVersion(forged, ctx)).toMatchObject({ ok: false, reason: 'bad-signature' });
    const sealed = sealVersion({ reportId: REPORT, generation: 1, signer: 'alice' }, version, key1, alice.signSecret);
    const tampered = sealed.slice();
    tampered[tampered.length - 70]! ^= 1;
    expect(openVersion(tampered, ctx).ok).toBe(false);
    expect(openVersion(sealed, { ...ctx, reportId: 'other' })).toMatchObject({ ok: false, reason: 'wrong-report' });
    const later = sealVersion({ reportId: REPORT, generation: 3, signer: 'alice' }, version, newReportKey(), alice.signSecret);
    expect(openVersion(later, ctx)).toMatchObject({ ok: false, reason: 'no-key' });
  });

  it('never takes a sync message for a version', () => {
    const update = sealEnvelope({ type: 'snapshot', generation: 1, kind: 'content', reportId: REPORT, signer: 'alice' }, new Uint8Array([1, 0, 0]), key1, alice.signSecret);
    expect(openVersion(update, ctx)).toMatchObject({ ok: false, reason: 'not-a-version' });
  });
});
