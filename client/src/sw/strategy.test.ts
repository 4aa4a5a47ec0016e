import { describe, expect, it } from 'vitest';
import { strategyFor } from './strategy.ts';

const origin = 'https://drafts.example.org';
const req = (path: string, mode = 'cors', method = 'GET') => ({ url: origin + path, mode, method });

describe('strategyFor', () => {
  it('answers page loads network first with the shell as fallback', () => {
    expect(strategyFor(req('/reports/0f1e', 'navigate'), origin)).toBe('navigate');
    expect(strategyFor(req('/', 'navigate'), origin)).toBe('navigate');
  });

  it('serves hashed build files from the cache first', () => {
    expect(strategyFor(req('/assets/index-abc123.js'), origin)).toBe('cache-first');
  });

  it('keeps the export worker code and fonts in their own cache', () => {
    const exportAssets = new Set(['/assets/NotoSans-Regular-abc123.ttf', '/assets/exportWorker-def456.js']);
    expect(strategyFor(req('/assets/NotoSans-Regular-abc123.ttf'), origin, exportAssets)).toBe('export-asset');
    expect(strategyFor(req('/assets/exportWorker-def456.js'), origin, exportAssets)).toBe('export-asset');
    expect(strategyFor(req('/assets/index-abc123.js'), origin, exportAssets)).toBe('cache-first');
  });

  it('never caches the API, the sync socket or the health check', () => {
    expect(strategyFor(req('/api/reports'), origin)).toBe('bypass');
    expect(strategyFor(req('/api/reports/1/content'), origin)).toBe('bypass');
    expect(strategyFor(req('/sync/0f1e'), origin)).toBe('bypass');
    expect(strategyFor(req('/healthz'), origin)).toBe('bypass');
    expect(strategyFor(req('/api', 'navigate'), origin)).toBe('bypass');
  });

  it('leaves writes and other origins alone', () => {
    expect(strategyFor(req('/api/reports', 'cors', 'POST'), origin)).toBe('bypass');
    expect(strategyFor({ url: 'https://cdn.example.com/x.js', mode: 'cors', method: 'GET' }, origin)).toBe('bypass');
  });

  it('refreshes other shell files in the background', () => {
    expect(strategyFor(req('/icon.svg'), origin)).toBe('stale-while-revalidate');
    expect(strategyFor(req('/manifest.webmanifest'), origin)).toBe('stale-while-revalidate');
  });
});
