/**
 * Serves the built client. Hashed assets are cached for a year; index.html and the service worker are
 * revalidated on every load so a deploy reaches users on their next visit. Unknown paths that look like app
 * routes get index.html (the client routes them).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function createStaticHandler(root: string) {
  const base = path.resolve(root);
  const index = path.join(base, 'index.html');

  const send = (req: IncomingMessage, res: ServerResponse, file: string, immutable: boolean) => {
    const stat = fs.statSync(file);
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-length': stat.size,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  };

  /** Returns false when there is nothing to serve for this path. */
  return (req: IncomingMessage, res: ServerResponse, pathname: string): boolean => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return false;
    }
    const file = path.resolve(base, '.' + decoded);
    if (file.startsWith(base + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      send(req, res, file, decoded.startsWith('/assets/'));
      return true;
    }
    // Client-side routes: a path without a file extension.
    if (!path.extname(decoded) && fs.existsSync(index)) {
      send(req, res, index, false);
      return true;
    }
    return false;
  };
}
