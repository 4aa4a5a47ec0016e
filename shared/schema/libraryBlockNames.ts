/** The attribute names of a block taken from the library, without editor code (see libraryBlock.ts). */
export const LIBRARY_ENTRY_ATTR = 'libraryEntryId';
export const LIBRARY_VERSION_ATTR = 'libraryVersion';
