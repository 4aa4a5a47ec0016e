/**
 * Version of the editor schema (the node and mark types below). Raise it whenever a node or mark is added
 * or changes its attributes: reports written with a newer schema then open read-only in older clients,
 * because the Yjs binding deletes content its schema does not know.
 */
export const EDITOR_SCHEMA_VERSION = 7;

// History:
// 1  StarterKit (headings 2-4, no code), links, tables.
// 2  `recommendation` block node (issue 4: paragraphs with addressee and tag attributes). A version-1 editor
//    would delete every recommendation block it met, so reports a version-2 client has written open
//    read-only there.
// 3  `footnote` inline node (issue 6; its text is its own content, so two people editing one note merge).
//    An older editor would delete every note it met.
// 4  `passageTag` mark (issue 10: a tag on a selection or paragraph; one tag id per mark, marks of this type
//    overlap). An older editor would drop the marks, and with them the report's passage tags.
// 5  `image` block node (issue 12: an attachment of the report with alt text, decorative flag, caption, width,
//    and a pending id while the file waits on an offline device). An older editor would delete every image.
// 6  `testimonyLink` mark (issue 12: a passage linked to a testimony record by id). An older editor would drop
//    the links, and with them what keeps a committee-only quote out of a public export.
// 7  `libraryEntryId` and `libraryVersion` attributes on recommendation blocks and quotations (issue 14: a block
//    taken from the library). An older editor could drop them, and with them the offer of a newer version.
