import { describe, expect, it } from 'vitest';
import * as sw from '../../sw/exportAssets.ts';
import { CACHE_EXPORT_ASSETS, EXPORT_CACHE } from './fontCache.ts';

describe('export cache names', () => {
  it('are the ones the service worker uses', () => {
    expect(EXPORT_CACHE).toBe(sw.EXPORT_CACHE);
    expect(CACHE_EXPORT_ASSETS).toBe(sw.CACHE_EXPORT_ASSETS);
  });
});

describe('isExportAsset', () => {
  it('defers fonts and worker output, never the app shell', () => {
    expect(sw.isExportAsset('assets/NotoSans-Regular-abc.ttf', 'asset')).toBe(true);
    expect(sw.isExportAsset('assets/exportWorker-abc.js', 'asset')).toBe(true);
    expect(sw.isExportAsset('assets/index-abc.js', 'chunk')).toBe(false);
    expect(sw.isExportAsset('assets/index-abc.css', 'asset')).toBe(false);
    expect(sw.isExportAsset('icon.svg', 'public')).toBe(false);
  });
});
