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

describe('safeFetch', () => {
  it('follows redirects, checking each hop, and gives up after three', async () => {
    const http = await import('node:http');
    const { safeFetch, FetchRefused } = await import('./safeFetch.ts');
    const server = http.createServer((req, res) => {
      if (req.url === '/feed') return res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      if (req.url === '/moved') return res.writeHead(302, { location: '/feed' }).end();
      if (req.url === '/to-file') return res.writeHead(302, { location: 'file:///etc/passwd' }).end();
      const n = Number(req.url!.slice(1));
      res.writeHead(302, { location: `/${n + 1}` }).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as import('node:net').AddressInfo).port}`;
    const options = { allowPrivate: true, maxBytes: 1000, timeoutMs: 5000 };
    try {
      const moved = await safeFetch(`${base}/moved`, options);
      expect([moved.status, moved.body.toString(), moved.url]).toEqual([200, '{"ok":true}', `${base}/feed`]);
      await expect(safeFetch(`${base}/to-file`, options)).rejects.toThrow(/Only http and https/);
      await expect(safeFetch(`${base}/1`, options)).rejects.toBeInstanceOf(FetchRefused);
      // Without the private-address allowance the first hop is already refused.
      await expect(safeFetch(`${base}/moved`, { ...options, allowPrivate: false })).rejects.toThrow(/private or local network/);
    } finally {
      server.close();
    }
  });
});
