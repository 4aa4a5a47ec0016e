/**
 * What the export's live region says. Screen readers hear the progress in quarters, not every percent the
 * progress bar shows (pdfmake reports hundreds of steps), and the file name at the end.
 */
import { t } from '../../i18n/i18n.ts';

export function progressAnnouncement(fraction: number | null, doneFileName: string | null): string {
  if (doneFileName) return t('export.finished', { fileName: doneFileName });
  if (fraction === null) return '';
  const quarter = Math.min(3, Math.floor(Math.max(0, fraction) * 4));
  return quarter === 0 ? t('export.exporting') : t('export.exportingPercent', { percent: quarter * 25 });
}
