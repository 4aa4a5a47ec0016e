import { describe, expect, it } from 'vitest';
import { checkFeedUrl, isPrivateAddress } from './safeFetch.ts';

describe('isPrivateAddress', () => {
  it('refuses loopback, private, link-local, metadata, mapped and reserved addresses', () => {
    for (const ip of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '224.0.0.1', '[::1]', 'not-an-ip']) {
      expect(isPrivateAddress(ip), ip).toBe(true);
    }
  });
  it('lets public addresses through', () => {
    for (const ip of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8']) expect(isPrivateAddress(ip), ip).toBe(false);
  });
});

describe('checkFeedUrl', () => {
  it('accepts http and https only, without credentials, and literal private hosts only when allowed', () => {
    expect(checkFeedUrl('https://library.example.org/library/feed.json', false).host).toBe('library.example.org');
    expect(() => checkFeedUrl('gopher://x/', false)).toThrow();
    expect(() => checkFeedUrl('http://a:b@example.org/', false)).toThrow();
    expect(() => checkFeedUrl('http://127.0.0.1:80/', false)).toThrow(/private/);
    expect(() => checkFeedUrl('http://app.localhost/', false)).toThrow(/private/);
    expect(checkFeedUrl('http://127.0.0.1:80/', true).hostname).toBe('127.0.0.1');
  });
});
