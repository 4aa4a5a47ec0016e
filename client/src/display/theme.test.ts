/**
 * The theme choice: "system" follows `prefers-contrast: more`, a choice overrides it; and the script that applies
 * it before the first paint (client/public/theme.js) agrees with theme.ts for every kept value.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { HIGH_CONTRAST_QUERY, isThemeChoice, resolveTheme, THEME_CHOICES, THEME_KEY } from './theme.ts';

const SCRIPT = fs.readFileSync(path.resolve(import.meta.dirname, '../../public/theme.js'), 'utf8');

/** Runs theme.js as the browser would, with this kept value and device setting; returns the data-theme it set. */
function prePaint(kept: string | null, more: boolean, { storageThrows = false } = {}): string | undefined {
  const attributes: Record<string, string> = {};
  const window = {
    matchMedia: (query: string) => ({ matches: query === HIGH_CONTRAST_QUERY && more }),
  };
  const context = {
    window,
    localStorage: {
      getItem: (key: string) => {
        if (storageThrows) throw new Error('SecurityError');
        return key === THEME_KEY ? kept : null;
      },
    },
    document: { documentElement: { setAttribute: (name: string, value: string) => (attributes[name] = value) } },
  };
  vm.runInNewContext(SCRIPT, context);
  return attributes['data-theme'];
}

describe('display theme', () => {
  it('resolves "system" from the device and keeps an explicit choice', () => {
    expect(resolveTheme('system', false)).toBe('standard');
    expect(resolveTheme('system', true)).toBe('high-contrast');
    expect(resolveTheme('standard', true)).toBe('standard');
    expect(resolveTheme('high-contrast', false)).toBe('high-contrast');
    expect(isThemeChoice('dark')).toBe(false);
  });

  it('is applied before the first paint by public/theme.js exactly as theme.ts resolves it', () => {
    for (const kept of [null, 'nonsense', ...THEME_CHOICES]) {
      for (const more of [false, true]) {
        const choice = isThemeChoice(kept) ? kept : 'system';
        expect(prePaint(kept, more), `${kept} ${more}`).toBe(resolveTheme(choice, more));
      }
    }
    expect(prePaint('high-contrast', false, { storageThrows: true })).toBe('standard');
    expect(prePaint(null, true, { storageThrows: true })).toBe('high-contrast');
  });
});
