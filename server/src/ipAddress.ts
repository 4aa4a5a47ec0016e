/**
 * People's IP addresses in logs: kept whole only when the operator asks (LOG_IP=1), otherwise cut to the
 * network (IPv4 to its /24, IPv6 to its /48), enough to tell a flood from one place without naming a household.
 */
import net from 'node:net';

function truncateV4(ip: string): string {
  const [a, b, c] = ip.split('.');
  return `${a}.${b}.${c}.0/24`;
}

/** The eight 16-bit groups of an IPv6 address (embedded IPv4 tail included). */
function hextets(ip: string): number[] {
  let text = ip;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4[1]!.split('.').map(Number) as [number, number, number, number];
    text = text.slice(0, -v4[1]!.length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, null];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = tail === null ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((h) => parseInt(h || '0', 16));
}

/** An address cut to its network, or the value unchanged when it is not an IP address. */
export function truncateIp(value: string): string {
  const ip = value.replace(/%.*$/, '');
  const kind = net.isIP(ip);
  if (kind === 4) return truncateV4(ip);
  if (kind !== 6) return value;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return truncateV4(mapped[1]!);
  const [a, b, c] = hextets(ip);
  return `${a!.toString(16)}:${b!.toString(16)}:${c!.toString(16)}::/48`;
}

/** Log keys whose values are people's addresses. */
export const IP_KEY = /^(ip|address|remote|remoteAddress|clientIp|forwardedFor|x-forwarded-for)$/i;

/** A logged value under an address key: each IP in it (a forwarded list has several) cut to its network. */
export function privateAddress(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return value
    .split(',')
    .map((part) => truncateIp(part.trim()))
    .join(', ');
}
