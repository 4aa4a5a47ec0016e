import { describe, expect, it } from 'vitest';
import { layoutMargin } from './marginLayout.ts';

describe('layoutMargin', () => {
  it('puts each card at its text when there is room', () => {
    const tops = layoutMargin([{ key: 'a', anchor: 10, height: 50 }, { key: 'b', anchor: 200, height: 50 }], null);
    expect([...tops]).toEqual([['a', 10], ['b', 200]]);
  });

  it('pushes a card down rather than overlap the one above', () => {
    const tops = layoutMargin([{ key: 'b', anchor: 30, height: 40 }, { key: 'a', anchor: 10, height: 50 }], null, 10);
    expect(tops.get('a')).toBe(10);
    expect(tops.get('b')).toBe(70);
  });

  it('keeps the active card at its text and moves the ones above it up', () => {
    const tops = layoutMargin([{ key: 'a', anchor: 100, height: 50 }, { key: 'b', anchor: 110, height: 40 }], 'b', 10);
    expect(tops.get('b')).toBe(110);
    expect(tops.get('a')).toBe(50);
  });

  it('lays out downwards when there is no room above the active card', () => {
    const tops = layoutMargin([{ key: 'a', anchor: 0, height: 50 }, { key: 'b', anchor: 5, height: 40 }], 'b', 10);
    expect(tops.get('a')).toBe(0);
    expect(tops.get('b')).toBe(60);
  });

  it('puts cards without a place in the text after all the others', () => {
    const tops = layoutMargin([{ key: 'gone', anchor: null, height: 30 }, { key: 'a', anchor: 10, height: 50 }], null, 10);
    expect(tops.get('gone')).toBe(70);
  });
});
