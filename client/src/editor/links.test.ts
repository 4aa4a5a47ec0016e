import { describe, expect, it } from 'vitest';
import { normaliseHref } from './links.ts';

describe('normaliseHref', () => {
  it('keeps web and mail links, and completes bare addresses', () => {
    expect(normaliseHref('https://ohchr.org/cerd')).toBe('https://ohchr.org/cerd');
    expect(normaliseHref(' ohchr.org ')).toBe('https://ohchr.org');
    expect(normaliseHref('secretariat@ohchr.org')).toBe('mailto:secretariat@ohchr.org');
  });

  it('refuses schemes that run code and empty input', () => {
    expect(normaliseHref('javascript:alert(1)')).toBeNull();
    expect(normaliseHref('data:text/html,x')).toBeNull();
    expect(normaliseHref('   ')).toBeNull();
  });
});
