/**
 * Export's files are large (the export worker with docx 0.9 MB, pdfmake 1 MB, the PDF fonts 3.9 MB) and only
 * exporting needs them, so they are kept out of the app shell's precache: installing the app stays light. The
 * service worker stores them in a cache of their own when the page asks (a report has been open a few seconds
 * online) and answers them from there, so export works offline afterwards. Imported by the worker and the page.
 */

/** Not versioned with the shell: the files are content-hashed, so unchanged ones survive app updates. */
export const EXPORT_CACHE = 'rightsdraft-export';

/** The message that asks the service worker to fetch and keep export's files. */
export const CACHE_EXPORT_ASSETS = 'rightsdraft:cache-export-assets';

/**
 * Which built files are export's, for vite.config.ts: the fonts, and the output of web worker builds, which Vite
 * emits as assets rather than chunks (the export worker and the pdfmake chunk it loads are the app's only worker).
 */
export function isExportAsset(fileName: string, kind: 'chunk' | 'asset' | 'public'): boolean {
  return fileName.endsWith('.ttf') || (kind === 'asset' && fileName.endsWith('.js'));
}
