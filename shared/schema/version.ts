/**
 * Version of the editor schema (the node and mark types below). Raise it whenever a node or mark is added
 * or changes its attributes: reports written with a newer schema then open read-only in older clients,
 * because the Yjs binding deletes content its schema does not know.
 */
export const EDITOR_SCHEMA_VERSION = 1;
