/**
 * Fetching another instance's feed without becoming a way into our own network (docs/security/library.md).
 * Every address a name resolves to is checked at connect time, in the socket's own DNS lookup, so a name that
 * resolves to a public address when checked and a private one when connecting (DNS rebinding) is still refused;
 * a literal IP in the URL is checked before connecting; redirects are followed by hand, each hop checked the same
 * way. Only http and https, bounded time and size. `allowPrivate` (LIBRARY_ALLOW_PRIVATE_URLS=1) lifts the address
 * check, for tests and closed networks.
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';

export class FetchRefused extends Error {
  constructor(
    readonly code: 'private_address' | 'bad_url' | 'too_many_redirects' | 'too_large' | 'timeout' | 'http_error' | 'network',
    message: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
  }
}

const BLOCKED = new net.BlockList();
for (const [prefix, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  BLOCKED.addSubnet(prefix, bits, 'ipv4');
}
for (const [prefix, bits] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 32],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  BLOCKED.addSubnet(prefix, bits, 'ipv6');
}

/** Whether an address is loopback, private, link-local, shared, reserved, multicast or otherwise not the public internet. */
export function isPrivateAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const kind = net.isIP(ip);
  if (kind === 4) return BLOCKED.check(ip, 'ipv4');
  if (kind !== 6) return true;
  // IPv4 written inside IPv6 (::ffff:127.0.0.1, ::127.0.0.1) is that IPv4 address.
  const embedded = /^::(?:ffff:(?:0:)?)?(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (embedded) return BLOCKED.check(embedded[1]!, 'ipv4');
  const hexMapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(ip);
  if (hexMapped) {
    const hi = parseInt(hexMapped[1]!, 16);
    const lo = parseInt(hexMapped[2]!, 16);
    return BLOCKED.check(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`, 'ipv4');
  }
  return BLOCKED.check(ip, 'ipv6');
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/** A socket lookup that refuses a name when any address it resolves to is private. */
function guardedLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    const bad = addresses.find((a) => isPrivateAddress(a.address));
    if (bad || addresses.length === 0) {
      const refusal = new FetchRefused('private_address', `${hostname} resolves to an address on a private or local network (${bad?.address ?? 'none'}).`, { host: hostname, address: bad?.address ?? 'none' });
      return callback(refusal as unknown as NodeJS.ErrnoException, []);
    }
    if (options.all) callback(null, addresses);
    else callback(null, addresses[0]!.address, addresses[0]!.family);
  });
}

export interface SafeFetchOptions {
  allowPrivate: boolean;
  headers?: Record<string, string>;
  maxBytes: number;
  timeoutMs: number;
  maxRedirects?: number;
}

export interface SafeResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** The URL that answered, after redirects. */
  url: string;
}

/** Check a URL's form: http(s), no credentials, and (unless allowed) no literal private address. */
export function checkFeedUrl(raw: string, allowPrivate: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchRefused('bad_url', 'The address is not a URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchRefused('bad_url', 'Only http and https feeds can be read.');
  if (url.username || url.password) throw new FetchRefused('bad_url', 'A feed address may not carry a user name or password.');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && (net.isIP(host) ? isPrivateAddress(host) : /^localhost$|\.localhost$/i.test(host))) {
    throw new FetchRefused('private_address', `${url.hostname} is an address on a private or local network.`, { host: url.hostname });
  }
  return url;
}

function requestOnce(url: URL, options: SafeFetchOptions): Promise<SafeResponse> {
  return new Promise((resolve, reject) => {
    const lib = url.protocol === 'https:' ? https : http;
    const req = lib.request(
      url,
      {
        method: 'GET',
        headers: { accept: 'application/json', 'user-agent': 'Rightsdraft library', ...options.headers },
        ...(options.allowPrivate ? {} : { lookup: guardedLookup as unknown as typeof dns.lookup }),
        timeout: options.timeoutMs,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxBytes) {
            req.destroy(new FetchRefused('too_large', `The feed is larger than ${options.maxBytes} bytes.`, { max: options.maxBytes }));
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), url: url.href }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new FetchRefused('timeout', `No answer within ${options.timeoutMs} ms.`)));
    req.on('error', (err) => reject(err instanceof FetchRefused ? err : new FetchRefused('network', `Could not reach ${url.host}: ${(err as NodeJS.ErrnoException).code ?? err.message}`)));
    req.end();
  });
}

/** GET a URL with the checks above; 3xx redirects are followed (at most `maxRedirects`), each checked again. */
export async function safeFetch(raw: string, options: SafeFetchOptions): Promise<SafeResponse> {
  let url = checkFeedUrl(raw, options.allowPrivate);
  const deadline = Date.now() + options.timeoutMs;
  for (let hop = 0; ; hop++) {
    const res = await requestOnce(url, { ...options, timeoutMs: Math.max(1, deadline - Date.now()) });
    const location = res.headers.location;
    if (res.status < 300 || res.status >= 400 || res.status === 304 || !location) return res;
    if (hop >= (options.maxRedirects ?? 3)) throw new FetchRefused('too_many_redirects', 'The feed redirects too many times.');
    url = checkFeedUrl(new URL(location, url).href, options.allowPrivate);
  }
}
