import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { checkPresence, type PresenceMember } from './presenceCheck.ts';

const members: PresenceMember[] = [
  { userId: 'amina', name: 'Amina Diallo', role: 'owner' },
  { userId: 'vik', name: 'Vik Petrov', role: 'viewer' },
];

function updateOf(state: Record<string, unknown> | null, clientId = 7): { update: Uint8Array; awareness: Awareness } {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const awareness = new Awareness(doc);
  awareness.setLocalState(state);
  const update = encodeAwarenessUpdate(awareness, [clientId]);
  awareness.destroy();
  return { update, awareness };
}

const none = new Map<number, string>();

describe('Encrypted presence: identity check', () => {
  it('takes a member’s own state, with the role the member list gives (not the one claimed)', () => {
    const { update } = updateOf({ user: { name: 'Vik Petrov', userId: 'vik', color: '#B4441B', role: 'owner' }, section: 's1' });
    const checked = checkPresence(update, 'vik', members, none);
    expect(checked.ok).toBe(true);
    const target = new Awareness(new Y.Doc());
    applyAwarenessUpdate(target, (checked as { update: Uint8Array }).update, 'test');
    expect(target.getStates().get(7)).toEqual({ user: { name: 'Vik Petrov', userId: 'vik', color: '#b4441b', role: 'viewer' }, section: 's1' });
    target.destroy();
  });

  it('refuses a member appearing under another’s name or account, or with a colour that is not plain hex', () => {
    const asOwner = updateOf({ user: { name: 'Amina Diallo', userId: 'amina', color: '#b4441b' } }).update;
    expect(checkPresence(asOwner, 'vik', members, none)).toMatchObject({ ok: false, detail: 'user id is not the signer' });
    const ownerName = updateOf({ user: { name: 'Amina Diallo', userId: 'vik', color: '#b4441b' } }).update;
    expect(checkPresence(ownerName, 'vik', members, none)).toMatchObject({ ok: false, detail: 'name is not the signer’s' });
    const styled = updateOf({ user: { name: 'Vik Petrov', userId: 'vik', color: 'red;background:url(x)' } }).update;
    expect(checkPresence(styled, 'vik', members, none).ok).toBe(false);
    const nobody = updateOf({ cursor: null }).update;
    expect(checkPresence(nobody, 'vik', members, none)).toMatchObject({ ok: false, detail: 'no user' });
    const stranger = updateOf({ user: { name: 'Eve', userId: 'eve', color: '#b4441b' } }).update;
    expect(checkPresence(stranger, 'eve', members, none)).toMatchObject({ ok: false, detail: 'not a member' });
  });

  it('refuses another member’s client id (taking over or removing their caret) and more than one client', () => {
    const owners = new Map([[7, 'amina']]);
    const takeover = updateOf({ user: { name: 'Vik Petrov', userId: 'vik', color: '#b4441b' } }, 7).update;
    expect(checkPresence(takeover, 'vik', members, owners)).toMatchObject({ ok: false, detail: 'another member’s client' });
    const removal = updateOf(null, 7).update;
    expect(checkPresence(removal, 'vik', members, owners).ok).toBe(false);
    expect(checkPresence(removal, 'amina', members, owners)).toMatchObject({ ok: true, removal: true });
    expect(checkPresence(updateOf(null, 9).update, 'vik', members, owners)).toMatchObject({ ok: false, detail: 'removal of an unknown client' });
    const doc = new Y.Doc();
    const two = new Awareness(doc);
    two.setLocalState({ user: { name: 'Vik Petrov', userId: 'vik', color: '#b4441b' } });
    applyAwarenessUpdate(two, updateOf({ user: { name: 'Vik Petrov', userId: 'vik', color: '#b4441b' } }, 11).update, 'x');
    expect(checkPresence(encodeAwarenessUpdate(two, [doc.clientID, 11]), 'vik', members, none)).toMatchObject({ ok: false, detail: 'not one client' });
    two.destroy();
    expect(checkPresence(new Uint8Array([1, 200]), 'vik', members, none)).toMatchObject({ ok: false });
  });
});
