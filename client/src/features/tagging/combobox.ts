/**
 * Keyboard behaviour of the tag picker, the WAI-ARIA combobox with list autocomplete and automatic selection:
 * typing opens the list with its first option active, Up and Down move (and wrap), Enter picks the active
 * option, Escape closes the list and, pressed again, clears the text. Home, End and the other keys stay with
 * the text field. Pure, so it is unit-tested.
 */
export interface ComboboxState {
  open: boolean;
  /** Index of the active option, -1 for none. */
  active: number;
}

export type ComboboxAction = 'none' | 'select' | 'clear';

export interface ComboboxResult {
  state: ComboboxState;
  action: ComboboxAction;
  /** Whether the key was used (the caller then prevents its default). */
  handled: boolean;
}

export const CLOSED: ComboboxState = { open: false, active: -1 };

/** After the text changes: open with the first option active when there is one. */
export function afterInput(query: string, optionCount: number): ComboboxState {
  if (!query.trim()) return CLOSED;
  return { open: true, active: optionCount > 0 ? 0 : -1 };
}

export function comboboxKey(state: ComboboxState, key: string, optionCount: number, query: string): ComboboxResult {
  const result = (next: ComboboxState, action: ComboboxAction = 'none', handled = true): ComboboxResult => ({ state: next, action, handled });
  switch (key) {
    case 'ArrowDown':
      if (optionCount === 0) return result({ open: query.trim() !== '', active: -1 });
      if (!state.open) return result({ open: true, active: 0 });
      return result({ open: true, active: (state.active + 1) % optionCount });
    case 'ArrowUp':
      if (optionCount === 0) return result({ open: query.trim() !== '', active: -1 });
      if (!state.open || state.active <= 0) return result({ open: true, active: optionCount - 1 });
      return result({ open: true, active: state.active - 1 });
    case 'Enter':
      if (state.open && state.active >= 0 && state.active < optionCount) return result(CLOSED, 'select');
      // Nothing to pick: keep Enter from submitting a surrounding form.
      return result(state, 'none', query.trim() !== '');
    case 'Escape':
      if (state.open) return result(CLOSED);
      if (query !== '') return result(CLOSED, 'clear');
      return result(state, 'none', false);
    case 'Tab':
      return result(CLOSED, 'none', false);
    default:
      return result(state, 'none', false);
  }
}
