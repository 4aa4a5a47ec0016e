import { describe, expect, it } from 'vitest';
import { peersFromAwareness } from './peers.ts';

describe('peersFromAwareness', () => {
  it('lists the other people with their section, sorted by name, without this client', () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { user: { name: 'Me', color: '#1f5fa8' }, section: 's1' }],
      [7, { user: { name: 'Zoe', color: '#0f7a55', role: 'reviewer' }, section: 's2' }],
      [3, { user: { name: 'Amina', color: '#a23a8c' }, section: null }],
    ]);
    expect(peersFromAwareness(states, 1)).toEqual([
      { clientId: 3, name: 'Amina', color: '#a23a8c', sectionId: null, role: null },
      { clientId: 7, name: 'Zoe', color: '#0f7a55', sectionId: 's2', role: 'reviewer' },
    ]);
  });

  it('skips states without a name and neutralises colours that are not hex', () => {
    const states = new Map<number, Record<string, unknown>>([
      [2, {}],
      [4, { user: { name: '  ' } }],
      [5, { user: { name: 'Bruno', color: 'red; background: url(https://evil)', role: 'admin' }, section: 42 }],
    ]);
    expect(peersFromAwareness(states, 1)).toEqual([{ clientId: 5, name: 'Bruno', color: '#5c6878', sectionId: null, role: null }]);
  });
});
