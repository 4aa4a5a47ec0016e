/** The search the leak tests rely on finds a marker however it was written down, and nothing else. */
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { tracesOf } from './traces.ts';

describe('tracesOf', () => {
  const marker = 'WITNESS-0123456789abcdef';
  it('finds the marker as UTF-8, hex (either case) and base64 at every alignment', () => {
    expect(tracesOf(`… ${marker} …`, marker)).toEqual(['utf8']);
    expect(tracesOf(`\\x00ff${Buffer.from(marker).toString('hex')}00`, marker)).toEqual(['hex']);
    expect(tracesOf(Buffer.from(marker).toString('hex').toUpperCase(), marker)).toEqual(['hex']);
    for (let lead = 0; lead < 6; lead++) {
      const bytes = Buffer.concat([crypto.randomBytes(lead), Buffer.from(marker), crypto.randomBytes(lead % 3)]);
      expect([lead, tracesOf(`{"data":"${bytes.toString('base64')}"}`, marker)]).toEqual([lead, ['base64']]);
    }
  });
  it('finds nothing in bytes that do not hold it', () => {
    expect(tracesOf(crypto.randomBytes(4096).toString('base64'), marker)).toEqual([]);
    expect(tracesOf('WITNESS-0123456789abcdeX', marker)).toEqual([]);
  });
});
