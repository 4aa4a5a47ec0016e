/**
 * Keeps the first screen of the section shown (see firstScreenStore.ts), so the next visit draws it before the
 * app has loaded: when the section is shown and, while people type, at most every few seconds when the page is
 * idle, and as the page is hidden. Not for end-to-end encrypted reports, whose text stays sealed at rest.
 */
import { useEffect } from 'react';
import type * as Y from 'yjs';
import { getReportMeta, getSection, getSectionBody, listSections } from '../../../shared/report/layout.ts';
import { currentLanguage, i18n } from '../i18n/i18n.ts';
import { languageDirection } from '../../../shared/i18n/languages.ts';
import { isStashing } from '../sync/unsavedStash.ts';
import { cachedAccountId, keepFirstScreen } from './firstScreenStore.ts';
import { sectionBlocks } from './sectionBlocks.ts';

const EVERY_MS = 4000;

export function captureFirstScreen(doc: Y.Doc, reportId: string, sectionId: string, accountId: string, language: string): void {
  // Signing out (here or in another tab) removes the copies: a report closing then, or a capture due meanwhile,
  // must not write its text back. Only while this account is the one signed in on the device.
  if (!isStashing() || cachedAccountId(localStorage) !== accountId) return;
  const body = getSectionBody(doc, sectionId);
  const first = listSections(doc)[0];
  const section = getSection(doc, sectionId);
  if (!body || !first || !section) return;
  keepFirstScreen(localStorage, reportId, {
    accountId,
    title: getReportMeta(doc).title,
    language,
    firstSectionId: first.id,
    sectionId,
    section: { title: section.title, blocks: sectionBlocks(body) },
    ui: { lang: currentLanguage(), dir: languageDirection(currentLanguage()), opening: i18n.t('app.openingReport') },
  });
}

export function useFirstScreenCapture(options: { doc: Y.Doc; reportId: string; sectionId: string | null; accountId: string | undefined; language: string; encrypted: boolean; ready: boolean }): void {
  const { doc, reportId, sectionId, accountId, language, encrypted, ready } = options;
  useEffect(() => {
    if (!ready || encrypted || !accountId || !sectionId) return;
    const capture = () => {
      try {
        captureFirstScreen(doc, reportId, sectionId, accountId, language);
      } catch {
        // Storage refused: nothing to keep.
      }
    };
    let timer: ReturnType<typeof setTimeout> | null = null;
    const later = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        if (typeof requestIdleCallback === 'function') requestIdleCallback(capture, { timeout: 2000 });
        else capture();
      }, EVERY_MS);
    };
    const hidden = () => {
      if (document.visibilityState === 'hidden') capture();
    };
    capture();
    // Any change schedules one capture a few seconds later: nothing on the keystroke itself.
    doc.on('update', later);
    const stop = () => doc.off('update', later);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', hidden);
      if (timer) clearTimeout(timer);
      capture();
    };
  }, [doc, reportId, sectionId, accountId, language, encrypted, ready]);
}
