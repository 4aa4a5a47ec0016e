import { describe, expect, it } from 'vitest';
import { parseLayout, withLayout } from './reportLayout.ts';

describe('reportLayout', () => {
  it('reads the whole-report layout from the address and falls back to one section', () => {
    expect(parseLayout('?layout=whole')).toBe('whole');
    expect(parseLayout('?layout=section')).toBe('section');
    expect(parseLayout('?layout=<script>')).toBe('section');
    expect(parseLayout('')).toBe('section');
  });

  it('writes the layout into the address, keeping other parameters and leaving none for the default', () => {
    expect(withLayout('/reports/abc', '', 'whole')).toBe('/reports/abc?layout=whole');
    expect(withLayout('/reports/abc', '?layout=whole', 'section')).toBe('/reports/abc');
    expect(withLayout('/reports/abc', '?x=1&layout=whole', 'section')).toBe('/reports/abc?x=1');
  });
});
