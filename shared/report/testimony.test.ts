import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addSensitiveName,
  addTestimony,
  consentCovers,
  consentState,
  exclusionReason,
  getTestimony,
  listSensitiveNames,
  listTestimonies,
  observeTestimony,
  updateTestimony,
  withdrawConsent,
} from './testimony.ts';

describe('Testimony records', () => {
  it('number new witnesses A, B, C and keep each field apart', () => {
    const doc = new Y.Doc();
    const a = addTestimony(doc, { takenBy: 'Maria', takenOn: '2026-03-01', consent: 'public-anonymised', consentOn: '2026-03-01' })!;
    const b = addTestimony(doc, {})!;
    expect(listTestimonies(doc).map((t) => t.pseudonym)).toEqual(['Witness A', 'Witness B']);
    updateTestimony(doc, a, { pseudonym: 'Teacher from Bairro Alto', expiresOn: 'next year' });
    const record = getTestimony(doc, a)!;
    expect(record).toMatchObject({ pseudonym: 'Teacher from Bairro Alto', takenBy: 'Maria', consent: 'public-anonymised', expiresOn: '' });
    // A new record's consent is the committee's until someone says otherwise.
    expect(getTestimony(doc, b)!.consent).toBe('committee-only');
  });

  it('merge a withdrawal with a concurrent edit of the pseudonym', () => {
    const one = new Y.Doc();
    const id = addTestimony(one, { consent: 'public-named' })!;
    const two = new Y.Doc();
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one));
    withdrawConsent(one, id, 'Ana (editor)', new Date('2026-05-02T10:00:00Z'));
    updateTestimony(two, id, { pseudonym: 'Witness Z' });
    Y.applyUpdate(one, Y.encodeStateAsUpdate(two));
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one));
    expect(getTestimony(two, id)).toMatchObject({ pseudonym: 'Witness Z', withdrawnBy: 'Ana (editor)', withdrawnAt: '2026-05-02T10:00:00.000Z' });
    expect(consentState(getTestimony(two, id)!)).toBe('withdrawn');
  });

  it('hold no field for a real name or contact', () => {
    const doc = new Y.Doc();
    const id = addTestimony(doc, { realName: 'Maria da Silva', contact: '+351 900 000 000' } as never)!;
    expect(JSON.stringify(doc.toJSON())).not.toContain('Maria da Silva');
    expect(JSON.stringify(doc.toJSON())).not.toContain('+351');
    expect(getTestimony(doc, id)).not.toHaveProperty('realName');
  });

  it('tell observers of every change', () => {
    const doc = new Y.Doc();
    let calls = 0;
    const stop = observeTestimony(doc, () => calls++);
    const id = addTestimony(doc, {})!;
    withdrawConsent(doc, id, 'X');
    addSensitiveName(doc, 'Rua das Flores', 'a street');
    stop();
    addSensitiveName(doc, 'Escola', '');
    expect(calls).toBe(3);
    expect(listSensitiveNames(doc).map((n) => n.name)).toEqual(['Escola', 'Rua das Flores']);
  });
});

describe('Consent and audience', () => {
  it('lets public consent into every export, committee consent into the committee only, internal into none', () => {
    expect(consentCovers('public-named', 'public')).toBe(true);
    expect(consentCovers('public-anonymised', 'public')).toBe(true);
    expect(consentCovers('committee-only', 'public')).toBe(false);
    expect(consentCovers('committee-only', 'committee')).toBe(true);
    expect(consentCovers('internal-only', 'committee')).toBe(false);
  });

  it('says why a passage is left out: withdrawn, expired, or consent too narrow', () => {
    const doc = new Y.Doc();
    const id = addTestimony(doc, { consent: 'public-named', expiresOn: '2026-06-30' })!;
    expect(exclusionReason(getTestimony(doc, id), 'public', '2026-06-30')).toBeNull();
    expect(exclusionReason(getTestimony(doc, id), 'public', '2026-07-01')).toBe('consent expired on 2026-06-30');
    withdrawConsent(doc, id, 'X');
    expect(exclusionReason(getTestimony(doc, id), 'committee', '2026-01-01')).toBe('consent was withdrawn');
    const c = addTestimony(doc, { consent: 'committee-only' })!;
    expect(exclusionReason(getTestimony(doc, c), 'public')).toContain('does not cover a public export');
    expect(exclusionReason(null, 'committee')).toBe('its testimony record was removed');
  });
});
