import { describe, expect, it } from 'vitest';
import { initials, parseColor } from './user.ts';

describe('parseColor', () => {
  it('reads the colour stored on this device, and the one chosen before accounts existed', () => {
    expect(parseColor('#1F5FA8')).toBe('#1f5fa8');
    expect(parseColor('{"name":" Amina ","color":"#0f7a55"}')).toBe('#0f7a55');
  });

  it('rejects anything that is not a plain hex colour, so no CSS is injected through it', () => {
    expect(parseColor(null)).toBeNull();
    expect(parseColor('red;background:url(x)')).toBeNull();
    expect(parseColor('{"color":"red;background:url(x)"}')).toBeNull();
    expect(parseColor('{not json')).toBeNull();
  });
});

describe('initials', () => {
  it('takes the first letters of the first and last words', () => {
    expect(initials('Amina Diallo')).toBe('AD');
    expect(initials('Jean-Paul de la Cruz')).toBe('JC');
    expect(initials('ngo')).toBe('N');
    expect(initials('  ')).toBe('?');
  });
});
