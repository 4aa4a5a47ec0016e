import { describe, expect, it } from 'vitest';
import { privateAddress, truncateIp } from './ipAddress.ts';
import { createLogger } from './log.ts';

describe('truncateIp', () => {
  it('cuts IPv4 to its /24 and IPv6 to its /48', () => {
    expect(truncateIp('203.0.113.77')).toBe('203.0.113.0/24');
    expect(truncateIp('127.0.0.1')).toBe('127.0.0.0/24');
    expect(truncateIp('::ffff:203.0.113.77')).toBe('203.0.113.0/24');
    expect(truncateIp('2001:db8:85a3:8d3:1319:8a2e:370:7348')).toBe('2001:db8:85a3::/48');
    expect(truncateIp('2001:0db8:0a0b::1')).toBe('2001:db8:a0b::/48');
    expect(truncateIp('2001:db8::1')).toBe('2001:db8:0::/48');
    expect(truncateIp('::1')).toBe('0:0:0::/48');
    expect(truncateIp('fe80::1%eth0')).toBe('fe80:0:0::/48');
    expect(truncateIp('64:ff9b::203.0.113.77')).toBe('64:ff9b:0::/48');
  });

  it('leaves what is not an address alone', () => {
    expect(truncateIp('unknown')).toBe('unknown');
    expect(privateAddress('198.51.100.7, 10.0.0.1')).toBe('198.51.100.0/24, 10.0.0.0/24');
    expect(privateAddress(42)).toBe(42);
  });
});

describe('logger', () => {
  const logged = (logIp: boolean) => {
    const lines: string[] = [];
    createLogger('info', 'test', (l) => lines.push(l), { logIp })
      .child('sync')
      .warn('sync connection error', { remote: '203.0.113.77', address: '2001:db8:85a3:8d3::1', nested: { ip: '198.51.100.7' }, doc: 'report:1' });
    return JSON.parse(lines[0]!) as Record<string, unknown>;
  };

  it('truncates addresses under address keys, in children and nested contexts too', () => {
    expect(logged(false)).toMatchObject({ remote: '203.0.113.0/24', address: '2001:db8:85a3::/48', nested: { ip: '198.51.100.0/24' }, doc: 'report:1' });
  });

  it('keeps them whole with LOG_IP', () => {
    expect(logged(true)).toMatchObject({ remote: '203.0.113.77', address: '2001:db8:85a3:8d3::1', nested: { ip: '198.51.100.7' } });
  });
});
