/**
 * The PDF fonts as files of the built app (hashed asset URLs), by their names in PDF_FONT_FILES. They are fetched
 * only when a PDF is made, and the service worker keeps them in a cache of their own (see sw/exportAssets.ts), so
 * PDF export works offline without the first page load carrying 4 MB of fonts.
 */
import { PDF_FONT_FILES } from '../../../../shared/export/pdf/pdfFonts.ts';
import latinNormal from '../../../../shared/export/fonts/NotoSans-Regular.ttf?url';
import latinBold from '../../../../shared/export/fonts/NotoSans-Bold.ttf?url';
import latinItalics from '../../../../shared/export/fonts/NotoSans-Italic.ttf?url';
import latinBoldItalics from '../../../../shared/export/fonts/NotoSans-BoldItalic.ttf?url';
import arabicNormal from '../../../../shared/export/fonts/NotoNaskhArabic-Regular.ttf?url';
import arabicBold from '../../../../shared/export/fonts/NotoNaskhArabic-Bold.ttf?url';
import cjk from '../../../../shared/export/fonts/DroidSansFallback-Chinese.ttf?url';

const f = PDF_FONT_FILES;

export const PDF_FONT_URLS: Record<string, string> = {
  [f.latin.normal]: latinNormal,
  [f.latin.bold]: latinBold,
  [f.latin.italics]: latinItalics,
  [f.latin.bolditalics]: latinBoldItalics,
  [f.arabic.normal]: arabicNormal,
  [f.arabic.bold]: arabicBold,
  [f.cjk]: cjk,
};
