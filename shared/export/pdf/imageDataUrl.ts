/** pdfmake takes images as data URLs (in Node and in the browser alike). */
import type { ExportImage } from '../model.ts';

function base64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

export function imageDataUrl(image: ExportImage): string {
  return `data:image/${image.type === 'jpg' ? 'jpeg' : 'png'};base64,${base64(image.bytes)}`;
}
