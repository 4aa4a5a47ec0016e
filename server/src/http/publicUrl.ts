/**
 * The base URL of links the server hands out (invitations, mails): PUBLIC_URL when the operator set it.
 * Otherwise the request's own scheme and Host header, which the client may choose, so the answer carries a
 * warning for the administrator.
 */
import type { IncomingMessage } from 'node:http';
import type { Config } from '../config.ts';
import { isHttps } from './cookies.ts';

export const PUBLIC_URL_UNSET_WARNING =
  'PUBLIC_URL is not set on the server, so this link was built from the address of your request. Check that the people you invite can open it; the administrator can set PUBLIC_URL to the address everyone uses.';

/** A Host header that is a host name or address with an optional port, nothing else. */
const HOST = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

export interface LinkBase {
  /** Scheme, host and optional path, without a trailing slash. */
  base: string;
  /** Set when the base comes from the request rather than PUBLIC_URL. */
  warning?: string;
}

export function linkBase(config: Pick<Config, 'publicUrl' | 'trustProxy' | 'host' | 'port'>, req: IncomingMessage): LinkBase {
  if (config.publicUrl) return { base: config.publicUrl };
  const header = req.headers.host ?? '';
  const host = HOST.test(header) ? header : `${config.host}:${config.port}`;
  return { base: `${isHttps(req, config.trustProxy) ? 'https' : 'http'}://${host}`, warning: PUBLIC_URL_UNSET_WARNING };
}

/** Whether the server listens only where other machines cannot reach it. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
