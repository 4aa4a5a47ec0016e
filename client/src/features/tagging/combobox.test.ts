import { describe, expect, it } from 'vitest';
import { afterInput, CLOSED, comboboxKey } from './combobox.ts';

describe('Tag picker keyboard', () => {
  it('opens on typing with the first option active, so Enter takes the best match', () => {
    const state = afterInput('sdg 5.2', 12);
    expect(state).toEqual({ open: true, active: 0 });
    expect(comboboxKey(state, 'Enter', 12, 'sdg 5.2')).toMatchObject({ action: 'select', state: CLOSED, handled: true });
  });

  it('moves with the arrow keys and wraps at both ends', () => {
    let state = afterInput('icerd', 3);
    state = comboboxKey(state, 'ArrowDown', 3, 'icerd').state;
    state = comboboxKey(state, 'ArrowDown', 3, 'icerd').state;
    expect(state.active).toBe(2);
    expect(comboboxKey(state, 'ArrowDown', 3, 'icerd').state.active).toBe(0);
    expect(comboboxKey({ open: true, active: 0 }, 'ArrowUp', 3, 'icerd').state.active).toBe(2);
  });

  it('reopens a closed list from the arrow keys', () => {
    expect(comboboxKey(CLOSED, 'ArrowDown', 4, 'x').state).toEqual({ open: true, active: 0 });
    expect(comboboxKey(CLOSED, 'ArrowUp', 4, 'x').state).toEqual({ open: true, active: 3 });
  });

  it('closes on the first Escape and clears the text on the second', () => {
    const first = comboboxKey({ open: true, active: 1 }, 'Escape', 4, 'housing');
    expect(first).toMatchObject({ state: CLOSED, action: 'none', handled: true });
    expect(comboboxKey(first.state, 'Escape', 4, 'housing')).toMatchObject({ action: 'clear', handled: true });
    // With nothing to close or clear, Escape is left to the page (a drawer or dialog around the picker).
    expect(comboboxKey(CLOSED, 'Escape', 0, '').handled).toBe(false);
  });

  it('selects nothing when no option matches, and leaves Home, End and Tab to the text field', () => {
    const none = afterInput('zzzz', 0);
    expect(none).toEqual({ open: true, active: -1 });
    expect(comboboxKey(none, 'Enter', 0, 'zzzz').action).toBe('none');
    expect(comboboxKey(none, 'ArrowDown', 0, 'zzzz').state.active).toBe(-1);
    expect(comboboxKey({ open: true, active: 1 }, 'Home', 3, 'a').handled).toBe(false);
    expect(comboboxKey({ open: true, active: 1 }, 'Tab', 3, 'a')).toMatchObject({ state: CLOSED, handled: false });
  });

  it('closes when the text is emptied', () => {
    expect(afterInput('  ', 5)).toEqual(CLOSED);
  });
});
