import { describe, expect, it } from 'vitest';
import { createLogger } from '../log.ts';
import { REFUSALS_LOGGED_PER_WINDOW, REFUSAL_WINDOW_MS, RefusalLog } from './refusalLog.ts';

describe('the log of refused cluster messages', () => {
  it('logs a flood of refusals as a few lines and a count', () => {
    const lines: string[] = [];
    let now = 1_000_000;
    const refusals = new RefusalLog(createLogger('debug', 'test', (l) => lines.push(l)), () => now);
    for (let i = 0; i < 10_000; i++) refusals.refuse('cluster message refused', { channel: 'c', reason: 'bad signature' });
    expect(lines).toHaveLength(REFUSALS_LOGGED_PER_WINDOW);
    now += REFUSAL_WINDOW_MS;
    refusals.refuse('cluster message refused', { channel: 'c', reason: 'bad signature' });
    const entries = lines.map((l) => JSON.parse(l) as { message: string; count?: number; level: string });
    expect(entries.slice(-2).map((e) => e.message)).toEqual(['more cluster messages refused (not logged one by one)', 'cluster message refused']);
    expect(entries.at(-2)!.count).toBe(10_000 - REFUSALS_LOGGED_PER_WINDOW);
    expect(entries.every((e) => e.level === 'warn')).toBe(true);
    refusals.close();
  });
});
