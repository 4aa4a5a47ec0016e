import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { ImportError } from './ImportError.ts';
import { unzipDocx } from './unzipDocx.ts';

/** Rewrite every central-directory record's uncompressed size, as a forged archive would. */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, size, true);
  return out;
}

describe('unzipDocx', () => {
  it('never inflates a part past the size its archive declares, so a forged size cannot beat the limit', () => {
    const bomb = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': new Uint8Array(8 * 1024 * 1024).fill(32) }, { level: 9 });
    const forged = lieAboutSizes(bomb, 100);
    const parts = unzipDocx(forged, { maxEntries: 10, maxUncompressedBytes: 1024 * 1024 });
    expect(parts.document.length).toBe(100);
  });

  it('refuses by declared size before inflating anything', () => {
    const big = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': new Uint8Array(2 * 1024 * 1024) }, { level: 9 });
    expect(() => unzipDocx(big, { maxEntries: 10, maxUncompressedBytes: 1024 * 1024 })).toThrow(ImportError);
  });
});
