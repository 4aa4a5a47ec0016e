/**
 * Names of our own editor nodes, with no editor code, so that code reading documents as data (the server's
 * content, export and versions) does not load TipTap. The nodes themselves: footnote.ts, recommendation.ts.
 */
export const FOOTNOTE_NODE = 'footnote';
export const RECOMMENDATION_NODE = 'recommendation';
export const IMAGE_NODE = 'image';
/** The mark linking a passage to a testimony record (testimonyLink.ts). */
export const TESTIMONY_LINK_MARK = 'testimonyLink';
