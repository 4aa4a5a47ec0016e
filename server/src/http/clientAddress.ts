/**
 * Who is calling, by network address: the socket's peer, or — with TRUST_PROXY — the address the reverse proxy
 * in front added last to X-Forwarded-For (the only entry a client cannot forge through that proxy).
 *
 * "The server itself" (loopback) is the whole of 127.0.0.0/8 and ::1 (also as ::ffff:127.x.y.z): Linux routes
 * all of 127/8 to this machine, so no other machine can connect from it. A loopback connection that carries a
 * forwarded-address header while TRUST_PROXY is off is NOT taken as the server itself: it most likely comes from
 * a reverse proxy on the same machine relaying someone from anywhere.
 */
import type { IncomingMessage } from 'node:http';
import net from 'node:net';

const FORWARDING_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'];

export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = String(req.headers['x-forwarded-for'] ?? '')
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean);
    const last = forwarded[forwarded.length - 1];
    if (last && net.isIP(last)) return last;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

export function isLoopbackAddress(address: string): boolean {
  if (address === '::1') return true;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return net.isIPv4(v4) && v4.startsWith('127.');
}

/** Whether the request comes from the server's own machine (see above). */
export function isLoopbackRequest(req: IncomingMessage, trustProxy: boolean): boolean {
  if (!trustProxy && FORWARDING_HEADERS.some((h) => req.headers[h] !== undefined)) return false;
  return isLoopbackAddress(clientAddress(req, trustProxy));
}
