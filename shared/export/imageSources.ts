/** The attachments a report's text shows as images, by `src`, for gathering their bytes before an export. */
import { parseAttachmentPath } from '../attachments/kinds.ts';
import type { PmNode } from '../report/content.ts';
import { IMAGE_NODE } from '../schema/nodeNames.ts';

/** Each distinct image `src` of these sections that points at an attachment of `reportId` (others are never read). */
export function imageSources(sections: { content: PmNode }[], reportId: string): { src: string; attachmentId: string }[] {
  const found = new Map<string, string>();
  const walk = (node: PmNode) => {
    if (node.type === IMAGE_NODE && typeof node.attrs?.src === 'string') {
      const path = parseAttachmentPath(node.attrs.src);
      if (path && path.reportId === reportId) found.set(node.attrs.src, path.attachmentId);
    }
    for (const child of node.content ?? []) walk(child);
  };
  for (const s of sections) walk(s.content);
  return [...found].map(([src, attachmentId]) => ({ src, attachmentId }));
}
