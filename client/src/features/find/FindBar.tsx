/**
 * Find and replace across the whole report. Ctrl/Cmd+F opens the bar (Ctrl+H with the replace row); the count
 * ("3 of 12") covers every section, and next/previous open the section that holds the match and select it. Replace
 * writes through Yjs (findInReport.ts), so co-authors receive it; Undo in the bar takes back a Replace all in one
 * step. Readers (viewers, reviewers) find but do not replace.
 */
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type * as Y from 'yjs';
import type { Role } from '../../../../shared/api/roles.ts';
import { replaceBlockedReason } from './replacePermission.ts';
import { listSections, observeReport } from '../../../../shared/report/layout.ts';
import { useReportUiStore } from '../../stores/reportUiStore.ts';
import { useReviewStore } from '../review/reviewStore.ts';
import { useTreatyUiStore } from '../treaty/treatyUiStore.ts';
import { findInReport, replaceAllInReport, replaceMatch, type ReportMatch } from './findInReport.ts';
import { createFindUndo, type FindUndo } from './findUndo.ts';
import { useFindStore } from './findStore.ts';
import './find.css';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
export const FIND_SHORTCUT = isMac ? '⌘F' : 'Ctrl+F';

/** Ctrl/Cmd+F and Ctrl+H anywhere on the report page open the bar instead of the browser's find. */
export function useFindShortcuts(): void {
  const openBar = useFindStore((s) => s.openBar);
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      // In a dialog (share, export ...) the browser's own find is left alone.
      if (e.altKey || e.shiftKey || document.querySelector('dialog[open]')) return;
      const key = e.key.toLowerCase();
      if ((e.ctrlKey || e.metaKey) && key === 'f') {
        e.preventDefault();
        openBar(false);
      } else if (e.ctrlKey && !e.metaKey && key === 'h') {
        e.preventDefault();
        openBar(true);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [openBar]);
}

/** The matches of the current query, kept up to date as anyone edits. */
function useMatches(doc: Y.Doc, query: string, matchCase: boolean, wholeWord: boolean, open: boolean): ReportMatch[] {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!open) return;
    let frame = 0;
    const stop = observeReport(doc, () => {
      // Many changes in one frame (a co-author typing, a Replace all) are searched once.
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setVersion((v) => v + 1));
    });
    return () => {
      cancelAnimationFrame(frame);
      stop();
    };
  }, [doc, open]);
  // `version` makes the search run again after an edit.
  return useMemo(() => (open ? findInReport(doc, query, { matchCase, wholeWord }) : []), [doc, query, matchCase, wholeWord, open, version]);
}

const sameMatch = (a: ReportMatch, b: ReportMatch) => a.sectionId === b.sectionId && a.field === b.field && a.ordinal === b.ordinal && a.index === b.index;

function whereText(match: ReportMatch, doc: Y.Doc, t: TFunction): string {
  const title = listSections(doc).find((s) => s.id === match.sectionId)?.title.trim() || t('outline.untitled');
  if (match.field === 'title') return t('editing.findBar.whereTitle', { title });
  return match.inFootnote ? t('editing.findBar.whereFootnote', { title }) : t('editing.findBar.whereText', { title });
}

export function FindBar({ doc, role, canEdit }: { doc: Y.Doc; role: Role | null; canEdit: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const { open, replacing, query, replacement, matchCase, wholeWord, current, focusRequest, set, close, show, track } = useFindStore();
  const suggesting = useReviewStore((s) => s.suggesting) && canEdit;
  const selectSection = useReportUiStore((s) => s.selectSection);
  const setView = useTreatyUiStore((s) => s.setView);
  const matches = useMatches(doc, query, matchCase, wholeWord, open);
  const inputRef = useRef<HTMLInputElement>(null);
  const [done, setDone] = useState<{ replaced: number } | 'undone' | null>(null);
  const undo = useRef<FindUndo | null>(null);
  const [canUndo, setCanUndo] = useState(false);
  const blocked = replaceBlockedReason(role, canEdit, suggesting);

  useEffect(() => {
    const manager = createFindUndo(doc);
    undo.current = manager;
    const stop = manager.subscribe(() => setCanUndo(manager.canUndo()));
    return () => {
      stop();
      manager.destroy();
      undo.current = null;
    };
  }, [doc]);

  useEffect(() => {
    if (!open) return;
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [open, focusRequest]);

  const goTo = useCallback(
    (match: ReportMatch | null) => {
      show(match);
      if (!match) return;
      setView('sections');
      if (useReportUiStore.getState().selectedSectionId !== match.sectionId) selectSection(match.sectionId);
      if (match.field === 'title') document.getElementById('section-heading')?.scrollIntoView({ block: 'center' });
    },
    [show, selectSection, setView],
  );

  // A new query or option: show the first match from the open section on, as a browser's find does.
  const firstFrom = useCallback(() => {
    if (matches.length === 0) return null;
    const order = listSections(doc).map((s) => s.id);
    const shown = order.indexOf(useReportUiStore.getState().selectedSectionId ?? '');
    return matches.find((m) => order.indexOf(m.sectionId) >= shown) ?? matches[0]!;
  }, [matches, doc]);

  const searchKey = `${query}\u0000${matchCase}\u0000${wholeWord}`;
  const lastKey = useRef('');
  useEffect(() => {
    if (!open) {
      lastKey.current = '';
      return;
    }
    if (lastKey.current !== searchKey) {
      lastKey.current = searchKey;
      setDone(null);
      goTo(firstFrom());
      return;
    }
    // The text changed (an edit anywhere): keep pointing at the same match, without moving the writer's caret.
    if (!current || matches.some((m) => sameMatch(m, current))) return;
    track(matches.find((m) => m.sectionId === current.sectionId && m.field === current.field && m.ordinal >= current.ordinal) ?? null);
  }, [open, searchKey, matches]);

  const position = current ? matches.findIndex((m) => sameMatch(m, current)) : -1;
  const step = (delta: 1 | -1) => {
    if (matches.length === 0) return;
    const from = position < 0 ? (delta === 1 ? -1 : 0) : position;
    goTo(matches[(from + delta + matches.length) % matches.length]!);
  };

  if (!open) return null;

  const options = { matchCase, wholeWord };
  const replaceOne = () => {
    if (blocked || !current || position < 0) return;
    const before = matches.length;
    if (!replaceMatch(doc, current, query, options, replacement)) return;
    const after = findInReport(doc, query, options);
    // The next match takes the replaced one's place, unless the replacement itself matches (then it is skipped).
    const next = after.length < before ? position : position + 1;
    setDone(null);
    goTo(after.length === 0 ? null : after[next % after.length]!);
  };
  const replaceAll = () => {
    if (blocked || matches.length === 0) return;
    const count = replaceAllInReport(doc, query, options, replacement);
    setDone({ replaced: count });
    show(null);
  };

  const status = !query
    ? ''
    : matches.length === 0
      ? t('editing.findBar.noMatches')
      : position >= 0
        ? t('editing.findBar.position', { position: position + 1, total: matches.length })
        : t('editing.findBar.matches', { count: matches.length });

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
      // Back to the text, with the match selected.
      document.querySelector<HTMLElement>('[data-testid="section-editor"] .ProseMirror')?.focus();
    }
  };

  return (
    <div className="find-bar" role="search" aria-label={t('editing.findBar.label')} onKeyDown={onKeyDown} data-testid="find-bar">
      <div className="find-bar__row">
        <input
          ref={inputRef}
          className="input find-bar__input"
          type="search"
          aria-label={t('editing.findBar.query')}
          placeholder={t('editing.findBar.query')}
          value={query}
          maxLength={500}
          onChange={(e) => set({ query: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              step(e.shiftKey ? -1 : 1);
            }
          }}
        />
        <span className="find-bar__count" role="status" aria-live="polite" data-testid="find-count">
          {status}
        </span>
        <button type="button" className="icon-button find-bar__step" aria-label={t('editing.findBar.previous')} title={t('editing.findBar.previousTitle')} disabled={matches.length === 0} onClick={() => step(-1)}>
          <Arrow up />
        </button>
        <button type="button" className="icon-button find-bar__step" aria-label={t('editing.findBar.next')} title={t('editing.findBar.nextTitle')} disabled={matches.length === 0} onClick={() => step(1)}>
          <Arrow />
        </button>
        <label className="find-bar__toggle">
          <input type="checkbox" checked={matchCase} onChange={(e) => set({ matchCase: e.target.checked })} /> {t('editing.findBar.matchCase')}
        </label>
        <label className="find-bar__toggle">
          <input type="checkbox" checked={wholeWord} onChange={(e) => set({ wholeWord: e.target.checked })} /> {t('editing.findBar.wholeWord')}
        </label>
        <button type="button" className="button button--small find-bar__more" aria-expanded={replacing} aria-controls={`${id}-replace`} onClick={() => set({ replacing: !replacing })}>
          {t('editing.findBar.showReplace')}
        </button>
        <button type="button" className="icon-button find-bar__close" aria-label={t('editing.findBar.close')} title={t('editing.findBar.closeTitle')} onClick={() => close()}>
          <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" aria-hidden="true">
            <path d="M6 6l12 12M18 6L6 18" />
          </svg>
        </button>
      </div>
      {replacing && (
        <div className="find-bar__row find-bar__replace" id={`${id}-replace`}>
          {blocked ? (
            <p className="find-bar__blocked" data-testid="find-replace-blocked">
              {t(blocked)}
            </p>
          ) : (
            <>
              <input
                className="input find-bar__input"
                type="text"
                aria-label={t('editing.findBar.replaceWith')}
                placeholder={t('editing.findBar.replaceWith')}
                value={replacement}
                maxLength={500}
                onChange={(e) => set({ replacement: e.target.value })}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    replaceOne();
                  }
                }}
              />
              <button type="button" className="button button--small" disabled={position < 0} onClick={replaceOne}>
                {t('editing.findBar.replace')}
              </button>
              <button type="button" className="button button--small" disabled={matches.length === 0} onClick={replaceAll}>
                {t('editing.findBar.replaceAll')}
              </button>
            </>
          )}
        </div>
      )}
      {current && query && <p className="find-bar__where muted">{whereText(current, doc, t)}</p>}
      {(done || (canUndo && !blocked)) && (
        <div className="find-bar__row find-bar__done">
          {done && (
            <span role="status" data-testid="find-done">
              {done === 'undone' ? t('editing.findBar.undone') : t('editing.findBar.replaced', { count: done.replaced })}
            </span>
          )}
          {canUndo && !blocked && (
            <button type="button" className="button button--small" onClick={() => {
                undo.current?.undo();
                setDone('undone');
              }}>
              {t('editing.findBar.undo')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

function Arrow({ up = false }: { up?: boolean }) {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d={up ? 'M6 15l6-6 6 6' : 'M6 9l6 6 6-6'} />
    </svg>
  );
}

/** "Find" in the report header: opens the bar. */
export function FindButton() {
  const { t } = useTranslation();
  const openBar = useFindStore((s) => s.openBar);
  return (
    <button type="button" className="button button--small report-action" onClick={() => openBar(false)} title={t('find.title', { shortcut: FIND_SHORTCUT })} data-testid="find-button">
      <svg className="icon" width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" aria-hidden="true">
        <circle cx="11" cy="11" r="6" />
        <path d="M20 20l-4.5-4.5" />
      </svg>
      <span className="report-action__label">{t('find.button')}</span>
    </button>
  );
}
