import { describe, expect, it } from 'vitest';
import { isSafeLinkHref, normaliseHref, safeLinkHref } from './linkPolicy.ts';

describe('safeLinkHref', () => {
  it('keeps absolute web and mail links as given, ends trimmed', () => {
    expect(safeLinkHref('https://ohchr.org/cerd')).toBe('https://ohchr.org/cerd');
    expect(safeLinkHref('HTTP://Example.org')).toBe('HTTP://Example.org');
    expect(safeLinkHref('  https://example.org/a?b=c#d\n')).toBe('https://example.org/a?b=c#d');
    expect(safeLinkHref('https://user@example.org:8443/x')).toBe('https://user@example.org:8443/x');
    expect(safeLinkHref('https://[2001:db8::1]/x')).toBe('https://[2001:db8::1]/x');
    expect(safeLinkHref('https://例え.jp/')).toBe('https://例え.jp/');
    expect(safeLinkHref('mailto:secretariat@ohchr.org?subject=CERD')).toBe('mailto:secretariat@ohchr.org?subject=CERD');
  });

  it('refuses schemes that run code or open files, whatever their case and spacing', () => {
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      '\u0001javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      'java\u0000script:alert(1)',
      'java\u200bscript:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'file://server/share',
      'FILE:\\\\server\\share',
      'ftp://example.org/',
      'tel:+41227917000',
    ]) expect(safeLinkHref(href), JSON.stringify(href)).toBeNull();
  });

  it('refuses UNC paths, relative links and web addresses without a host', () => {
    for (const href of [
      '\\\\attacker\\share',
      '//attacker/share',
      '/api/reports',
      'report.docx',
      '#section-2',
      'https:attacker/share',
      'https:/attacker/share',
      'https://',
      'https:///x',
      'https://.../x',
      'https:\\\\attacker\\share',
      'https://attacker\\share',
      'https://%5c%5cattacker/',
      'https://example.org/a b',
      'https://example.org/\u202eexe.pdf',
      'mailto:',
      'mailto://server/share',
      '',
      '   ',
    ]) expect(safeLinkHref(href), JSON.stringify(href)).toBeNull();
  });

  it('refuses what is not a string', () => {
    for (const value of [null, undefined, 42, {}, ['https://example.org']]) expect(isSafeLinkHref(value)).toBe(false);
  });
});

describe('normaliseHref', () => {
  it('keeps web and mail links, and completes bare addresses', () => {
    expect(normaliseHref('https://ohchr.org/cerd')).toBe('https://ohchr.org/cerd');
    expect(normaliseHref(' ohchr.org ')).toBe('https://ohchr.org');
    expect(normaliseHref('localhost:8080/x')).toBe('https://localhost:8080/x');
    expect(normaliseHref('secretariat@ohchr.org')).toBe('mailto:secretariat@ohchr.org');
  });

  it('refuses schemes that run code, UNC paths and empty input', () => {
    expect(normaliseHref('javascript:alert(1)')).toBeNull();
    expect(normaliseHref('JaVaScRiPt:alert(1)')).toBeNull();
    expect(normaliseHref('java\tscript:alert(1)')).toBeNull();
    expect(normaliseHref('data:text/html,x')).toBeNull();
    expect(normaliseHref('file://server/share')).toBeNull();
    expect(normaliseHref('\\\\attacker\\share')).toBeNull();
    expect(normaliseHref('//attacker/share')).toBeNull();
    expect(normaliseHref('   ')).toBeNull();
  });
});
