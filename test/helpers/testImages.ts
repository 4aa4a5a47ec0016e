/** Images made by the test itself: a photograph with a GPS position and camera details, a PNG with text chunks. */
import zlib from 'node:zlib';
import sharp from 'sharp';

/** Where the photograph says it was taken (a family's home, in the story the issue tells). */
export const PHOTO_GPS = { latitude: 48.858, longitude: 2.294 };

/** A 64×48 JPEG whose EXIF names a camera, a serial number and the GPS position above. */
export async function jpegWithGps(): Promise<Uint8Array> {
  const data = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Phone 12', Software: 'Camera 1.0', Orientation: '1' },
      IFD2: { BodySerialNumber: 'SN-4471-XYZ', DateTimeOriginal: '2026:11:30 18:04:00' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 2880/100', GPSLongitudeRef: 'E', GPSLongitude: '2/1 17/1 3840/100' },
    })
    .toBuffer();
  return new Uint8Array(data);
}

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(body.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(typed));
  return Buffer.concat([head, typed, crc]);
}

/** A PNG carrying tEXt chunks (an author and a location written in by some tool) before its image data. */
export async function pngWithText(texts: Record<string, string>): Promise<Uint8Array> {
  const png = await sharp({ create: { width: 32, height: 32, channels: 4, background: { r: 0, g: 120, b: 200, alpha: 1 } } }).png().toBuffer();
  // Signature (8 bytes) and IHDR (8 + 13 + 4) come first; the text chunks go right after.
  const at = 8 + 25;
  const extra = Object.entries(texts).map(([k, v]) => chunk('tEXt', Buffer.from(`${k}\0${v}`, 'latin1')));
  return new Uint8Array(Buffer.concat([png.subarray(0, at), ...extra, png.subarray(at)]));
}

/** The text of every tEXt, zTXt and iTXt chunk of a PNG. */
export function pngTextChunks(png: Uint8Array): string[] {
  const buf = Buffer.from(png);
  const found: string[] = [];
  let at = 8;
  while (at + 8 <= buf.length) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    if (type === 'tEXt' || type === 'zTXt' || type === 'iTXt') found.push(buf.toString('latin1', at + 8, at + 8 + length));
    at += 12 + length;
  }
  return found;
}
