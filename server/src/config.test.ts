import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('PUBLIC_URL and LOG_IP', () => {
  it('keeps an http(s) address without its trailing slash, and is unset by default', () => {
    expect(loadConfig({}).publicUrl).toBeNull();
    expect(loadConfig({ PUBLIC_URL: 'https://rightsdraft.example.org/' }).publicUrl).toBe('https://rightsdraft.example.org');
    expect(loadConfig({ PUBLIC_URL: ' https://example.org/rightsdraft// ' }).publicUrl).toBe('https://example.org/rightsdraft');
    expect(loadConfig({ PUBLIC_URL: 'http://10.0.0.5:8787' }).publicUrl).toBe('http://10.0.0.5:8787');
  });

  it('refuses what is not a plain web address', () => {
    for (const value of ['rightsdraft.example.org', 'ftp://example.org', 'javascript:alert(1)', 'https://user:pw@example.org', 'https://example.org/?a=1', 'https://example.org/#x']) {
      expect(() => loadConfig({ PUBLIC_URL: value }), value).toThrow(ConfigError);
    }
  });

  it('keeps IP addresses whole only when LOG_IP says so', () => {
    expect(loadConfig({}).logIp).toBe(false);
    expect(loadConfig({ LOG_IP: '1' }).logIp).toBe(true);
    expect(loadConfig({ LOG_IP: 'true' }).logIp).toBe(true);
    expect(loadConfig({ LOG_IP: '0' }).logIp).toBe(false);
    expect(() => loadConfig({ LOG_IP: 'yes please' })).toThrow(ConfigError);
  });
});

describe('METRICS and METRICS_ALLOW', () => {
  it('is off by default and allows only loopback', () => {
    expect(loadConfig({}).metrics).toBe(false);
    expect(loadConfig({}).metricsAllow).toEqual(['127.0.0.0/8', '::1']);
    expect(loadConfig({ METRICS: '1', METRICS_ALLOW: ' 10.1.2.3, 192.168.0.0/16,fd00::/8 ' })).toMatchObject({ metrics: true, metricsAllow: ['10.1.2.3', '192.168.0.0/16', 'fd00::/8'] });
  });

  it('refuses what is not an address or a range', () => {
    for (const value of ['prometheus.internal', '10.0.0.0/33', '::1/129', '10.0.0.0/8/1', '10.0.0/8', '10.0.0.0/x']) {
      expect(() => loadConfig({ METRICS_ALLOW: value }), value).toThrow(ConfigError);
    }
  });
});
