import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const cluster = { DATABASE_URL: 'postgres://db/rightsdraft', REDIS_URL: 'redis://redis:6379' };
const secret = crypto.randomBytes(32).toString('hex');

describe('configuration of several nodes joined by Redis', () => {
  it('refuses REDIS_URL without CLUSTER_SECRET, and says how to make one', () => {
    expect(() => loadConfig(cluster)).toThrow(ConfigError);
    expect(() => loadConfig(cluster)).toThrow(/CLUSTER_SECRET.*openssl rand -hex 32/);
  });

  it('refuses a CLUSTER_SECRET shorter than 32 characters', () => {
    expect(() => loadConfig({ ...cluster, CLUSTER_SECRET: 'correct horse battery' })).toThrow(/at least 32 characters/);
    expect(loadConfig({ ...cluster, CLUSTER_SECRET: secret }).clusterSecret).toBe(secret);
  });

  it('reads REDIS_TLS_CA for rediss:// only, and only a PEM certificate', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rightsdraft-ca-'));
    try {
      const pem = path.join(dir, 'ca.pem');
      fs.writeFileSync(pem, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
      const tls = { ...cluster, REDIS_URL: 'rediss://:pw@redis:6380', CLUSTER_SECRET: secret };
      expect(loadConfig({ ...tls, REDIS_TLS_CA: pem }).redisTlsCa).toContain('BEGIN CERTIFICATE');
      expect(() => loadConfig({ ...cluster, CLUSTER_SECRET: secret, REDIS_TLS_CA: pem })).toThrow(/rediss:\/\//);
      expect(() => loadConfig({ ...tls, REDIS_TLS_CA: path.join(dir, 'missing.pem') })).toThrow(/cannot read/);
      fs.writeFileSync(path.join(dir, 'not.pem'), 'hello');
      expect(() => loadConfig({ ...tls, REDIS_TLS_CA: path.join(dir, 'not.pem') })).toThrow(/PEM certificate/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('needs no secret for a single node', () => {
    expect(loadConfig({}).clusterSecret).toBeNull();
  });
});
