/**
 * The images of a report as data (for the checklist, export and the offline upload queue), and the one change made
 * to an image outside the editor: giving an image added offline its attachment once the file is uploaded.
 */
import * as Y from 'yjs';
import { IMAGE_NODE } from '../schema/nodeNames.ts';
import { allSectionBodies, listSections } from './layout.ts';

export interface ReportImage {
  sectionId: string;
  sectionTitle: string;
  src: string | null;
  pending: string | null;
  alt: string;
  decorative: boolean;
  caption: string;
}

function imageElements(parent: Y.XmlFragment | Y.XmlElement, out: Y.XmlElement[]): Y.XmlElement[] {
  for (const child of parent.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    if (child.nodeName === IMAGE_NODE) out.push(child);
    else imageElements(child, out);
  }
  return out;
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** Every image, section by section in outline order. */
export function reportImages(doc: Y.Doc): ReportImage[] {
  const bodies = new Map(allSectionBodies(doc).map((b) => [b.id, b.body]));
  const out: ReportImage[] = [];
  for (const section of listSections(doc)) {
    const body = bodies.get(section.id);
    if (!body) continue;
    for (const el of imageElements(body, [])) {
      const decorative = el.getAttribute('decorative') as unknown;
      out.push({
        sectionId: section.id,
        sectionTitle: section.title,
        src: text(el.getAttribute('src')) || null,
        pending: text(el.getAttribute('pending')) || null,
        alt: text(el.getAttribute('alt')).trim(),
        decorative: decorative === true || decorative === 'true',
        caption: text(el.getAttribute('caption')),
      });
    }
  }
  return out;
}

/** Images that are neither described nor marked decorative. */
export function imagesWithoutAlt(doc: Y.Doc): ReportImage[] {
  return reportImages(doc).filter((i) => !i.decorative && i.alt === '');
}

/** Point every image waiting for `pending` at the uploaded attachment; returns how many there were. */
export function resolvePendingImage(doc: Y.Doc, pending: string, src: string, origin?: unknown): number {
  let n = 0;
  doc.transact(() => {
    for (const { body } of allSectionBodies(doc)) {
      for (const el of imageElements(body, [])) {
        if (el.getAttribute('pending') !== pending) continue;
        el.setAttribute('src', src);
        el.removeAttribute('pending');
        n++;
      }
    }
  }, origin);
  return n;
}
