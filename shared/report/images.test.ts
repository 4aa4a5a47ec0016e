import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addSection, getSectionBody, initReport } from './layout.ts';
import { imagesWithoutAlt, reportImages, resolvePendingImage } from './images.ts';

function image(attrs: Record<string, unknown>): Y.XmlElement {
  const el = new Y.XmlElement('image');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v as string);
  return el;
}

describe('Report images', () => {
  const doc = new Y.Doc();
  initReport(doc, { title: 'R', mechanism: 'CEDAW', stateUnderReview: 'Freedonia', editorSchemaVersion: 5 });
  const a = addSection(doc, { title: 'Housing' });
  const b = addSection(doc, { title: 'Schools' });
  getSectionBody(doc, a)!.insert(0, [image({ src: '/api/reports/x/attachments/y', alt: 'A flooded flat', caption: 'Block 4' })]);
  getSectionBody(doc, b)!.insert(0, [image({ pending: 'p1', alt: '' }), image({ src: '/s', decorative: true as unknown as string })]);

  it('lists every image in outline order with its alt text, and those that lack it', () => {
    expect(reportImages(doc).map((i) => [i.sectionTitle, i.alt, i.decorative])).toEqual([
      ['Housing', 'A flooded flat', false],
      ['Schools', '', false],
      ['Schools', '', true],
    ]);
    expect(imagesWithoutAlt(doc)).toHaveLength(1);
  });

  it('gives an image added offline its attachment once uploaded', () => {
    expect(resolvePendingImage(doc, 'p1', '/api/reports/r/attachments/z')).toBe(1);
    const img = reportImages(doc)[1]!;
    expect(img).toMatchObject({ src: '/api/reports/r/attachments/z', pending: null });
    expect(resolvePendingImage(doc, 'p1', '/other')).toBe(0);
  });
});
