/**
 * A private redis-server process for one test suite (the machine's Redis on 6379 is shared by every test run and
 * must keep its configuration): on a free port, with a password and optionally TLS, nothing written to disk.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { tempDir } from './server.ts';

export interface TestRedis {
  port: number;
  /** `redis://` or `rediss://` URL, with the password when given. */
  url(password?: string): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A test CA and a certificate it signed for 127.0.0.1, made with the openssl command (files in a temp folder). */
export function makeTestCertificates(): { dir: string; ca: string; cert: string; key: string } {
  const dir = tempDir('rightsdraft-tls-');
  const file = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', file('ca.key'), '-out', file('ca.crt'), '-days', '1', '-subj', '/CN=Rightsdraft test CA');
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', file('redis.key'), '-out', file('redis.csr'), '-subj', '/CN=127.0.0.1');
  fs.writeFileSync(file('san.ext'), 'subjectAltName=IP:127.0.0.1\n');
  openssl('x509', '-req', '-in', file('redis.csr'), '-CA', file('ca.crt'), '-CAkey', file('ca.key'), '-CAcreateserial', '-out', file('redis.crt'), '-days', '1', '-extfile', file('san.ext'));
  return { dir, ca: file('ca.crt'), cert: file('redis.crt'), key: file('redis.key') };
}

export async function startTestRedis(o: { password: string; tls?: { cert: string; key: string; ca: string } }): Promise<TestRedis> {
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const args = ['--save', '', '--appendonly', 'no', '--bind', '127.0.0.1', '--requirepass', o.password];
    if (o.tls) {
      args.push('--port', '0', '--tls-port', String(port), '--tls-cert-file', o.tls.cert, '--tls-key-file', o.tls.key, '--tls-ca-cert-file', o.tls.ca, '--tls-auth-clients', 'no');
    } else args.push('--port', String(port));
    const child: ChildProcess = spawn('/usr/bin/redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const ready = await new Promise<boolean>((resolve) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) resolve(true);
      });
      child.once('exit', () => resolve(false));
    });
    if (!ready) {
      // Someone took the port between the check and the start: try another.
      if (attempt < 3) continue;
      throw new Error(`redis-server did not start: ${output.slice(-500)}`);
    }
    const scheme = o.tls ? 'rediss' : 'redis';
    return {
      port,
      url: (password?: string) => `${scheme}://${password ? `:${encodeURIComponent(password)}@` : ''}127.0.0.1:${port}`,
      stop: () =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    };
  }
}
