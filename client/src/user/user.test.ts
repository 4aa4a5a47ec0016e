import { describe, expect, it } from 'vitest';
import { initials, parseUser } from './user.ts';

describe('parseUser', () => {
  it('reads the stored name and colour', () => {
    expect(parseUser('{"name":" Amina ","color":"#1f5fa8"}')).toEqual({ name: 'Amina', color: '#1f5fa8' });
  });

  it('asks again when the stored value is missing, empty or broken', () => {
    expect(parseUser(null)).toBeNull();
    expect(parseUser('{"name":"  "}')).toBeNull();
    expect(parseUser('not json')).toBeNull();
    expect(parseUser('"Amina"')).toBeNull();
  });

  it('replaces a colour that is not a hex colour, so no CSS is injected through it', () => {
    const user = parseUser('{"name":"Amina","color":"red;background:url(x)"}');
    expect(user?.color).toMatch(/^#[0-9a-f]{6}$/i);
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
