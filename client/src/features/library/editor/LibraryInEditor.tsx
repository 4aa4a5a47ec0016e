/**
 * The library inside a section's editor (issue 14): "Insert from library" puts an entry in at the cursor as a
 * recommendation block or as a quotation of the model text, keeping the entry's id and version
 * (shared/report/libraryBlocks.ts) and telling the server the report used it. A block whose entry has changed
 * since is offered its newer version — "Review" shows both texts, "Update" replaces the block — and is never
 * changed otherwise.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditorState, type Editor } from '@tiptap/react';
import type { LibraryEntry } from '../../../../../shared/library/entry.ts';
import { searchLibrary } from '../../../../../shared/library/search.ts';
import { libraryBlock, libraryRefOf, type LibraryBlockForm } from '../../../../../shared/report/libraryBlocks.ts';
import { describeError } from '../../../api/http.ts';
import { useAccount } from '../../../auth/useAccount.ts';
import { useRoute } from '../../../app/router.ts';
import { useToastStore } from '../../../stores/toastStore.ts';
import { Dialog } from '../../../ui/Dialog.tsx';
import { Icon } from '../../../ui/Icon.tsx';
import { kindLabel } from '../labels.ts';
import { recordUse } from '../libraryApi.ts';
import { ModelText } from '../ModelText.tsx';
import { useLibrary } from '../useLibrary.ts';
import '../library.css';

interface BlockInText {
  pos: number;
  size: number;
  entryId: string;
  version: number;
  form: LibraryBlockForm;
  text: string;
}

function blocksIn(editor: Editor): BlockInText[] {
  const out: BlockInText[] = [];
  editor.state.doc.descendants((node, pos) => {
    const ref = libraryRefOf(node.type.name, node.attrs);
    if (ref) out.push({ pos, size: node.nodeSize, ...ref, text: node.textBetween(0, node.content.size, '\n') });
    return !ref;
  });
  return out;
}

export function LibraryInEditor({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const account = useAccount();
  const route = useRoute();
  const reportId = route.name === 'report' ? route.reportId : null;
  const library = useLibrary(account?.id ?? null);
  const [picking, setPicking] = useState(false);
  const [reviewing, setReviewing] = useState<{ block: BlockInText; entry: LibraryEntry } | null>(null);
  const showToast = useToastStore((s) => s.show);
  const blocks = useEditorState({ editor, selector: ({ editor: e }) => blocksIn(e), equalityFn: (a, b) => JSON.stringify(a) === JSON.stringify(b) });

  const byId = useMemo(() => new Map((library.entries ?? []).map((e) => [e.id, e])), [library.entries]);
  const outdated = blocks.flatMap((b) => {
    const entry = byId.get(b.entryId);
    return entry && entry.version > b.version ? [{ block: b, entry }] : [];
  });

  const noteUse = (entry: LibraryEntry) => {
    if (!reportId) return;
    recordUse(entry.id, reportId, entry.version).catch((err: unknown) => showToast({ message: t('libraryEditor.useNotNoted', { title: entry.title, problem: describeError(err) }) }));
  };

  const insert = (entry: LibraryEntry, form: LibraryBlockForm) => {
    editor.chain().focus().insertContent(libraryBlock(entry, form)).run();
    setPicking(false);
    noteUse(entry);
  };

  const update = (block: BlockInText, entry: LibraryEntry) => {
    // Find the block again: the text may have moved since the offer was shown.
    const current = blocksIn(editor).find((b) => b.entryId === block.entryId && b.version === block.version && b.form === block.form);
    if (!current) return;
    editor.chain().focus().insertContentAt({ from: current.pos, to: current.pos + current.size }, libraryBlock(entry, current.form)).run();
    setReviewing(null);
    noteUse(entry);
  };

  return (
    <>
      <div className="library-editor-bar">
        <button type="button" className="button button--ghost button--small" onClick={() => setPicking(true)}>
          <Icon name="plus" /> {t('libraryEditor.insert')}
        </button>
      </div>
      {outdated.map(({ block, entry }) => (
        <div key={`${block.pos}`} className="notice library-newer" role="status" data-testid="library-newer">
          <Icon name="cloud" />
          <span>
            {t('libraryEditor.newer', { title: entry.title, version: entry.version, reportVersion: block.version })}
          </span>
          <span className="library-newer__actions">
            <button type="button" className="button button--small" onClick={() => setReviewing({ block, entry })}>
              {t('libraryEditor.review')}
            </button>
            <button type="button" className="button button--small button--primary" onClick={() => update(block, entry)}>
              {t('libraryEditor.update')}
            </button>
          </span>
        </div>
      ))}
      <Dialog open={picking} onClose={() => setPicking(false)} title={t('libraryEditor.insertTitle')} className="dialog--wide">
        <LibraryPicker entries={library.entries} onInsert={insert} />
      </Dialog>
      <Dialog open={reviewing !== null} onClose={() => setReviewing(null)} title={t('libraryEditor.newerTitle')} className="dialog--wide">
        {reviewing && (
          <div className="form library-review">
            <div>
              <h3 className="library-entry__h2">{t('libraryEditor.inReport', { version: reviewing.block.version })}</h3>
              <p className="library-review__old">{reviewing.block.text}</p>
            </div>
            <div>
              <h3 className="library-entry__h2">{t('libraryEditor.inLibrary', { version: reviewing.entry.version })}</h3>
              <div className="library-review__new">
                <ModelText content={reviewing.entry.content} />
              </div>
            </div>
            <div className="form__actions">
              <button type="button" className="button" onClick={() => setReviewing(null)}>
                {t('libraryEditor.keep')}
              </button>
              <button type="button" className="button button--primary" onClick={() => update(reviewing.block, reviewing.entry)}>
                {t('libraryEditor.updateTo', { version: reviewing.entry.version })}
              </button>
            </div>
          </div>
        )}
      </Dialog>
    </>
  );
}

function LibraryPicker({ entries, onInsert }: { entries: LibraryEntry[] | null; onInsert: (entry: LibraryEntry, form: LibraryBlockForm) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const hits = useMemo(() => searchLibrary(entries ?? [], { q, limit: 30 }).map((h) => h.entry), [entries, q]);
  return (
    <div className="form">
      <label className="field">
        <span>{t('library.search')}</span>
        <input className="input" type="search" value={q} onChange={(e) => setQ(e.target.value)} maxLength={200} data-autofocus />
      </label>
      {entries === null ? (
        <p className="muted">{t('library.loading')}</p>
      ) : hits.length === 0 ? (
        <p className="muted">{q ? t('libraryEditor.noMatch') : t('libraryEditor.empty')}</p>
      ) : (
        <ul className="library-picker" aria-label={t('library.entries')}>
          {hits.map((e) => (
            <li key={e.id} className="library-picker__item">
              <div>
                <strong>{e.title}</strong>
                <span className="muted"> · {kindLabel(e.kind)} · {t('libraryEditor.version', { version: e.version })}</span>
              </div>
              <div className="library-picker__actions">
                <button type="button" className="button button--small" onClick={() => onInsert(e, 'recommendation')} aria-label={t('libraryEditor.asRecommendationLabel', { title: e.title })}>
                  {t('libraryEditor.asRecommendation')}
                </button>
                <button type="button" className="button button--small" onClick={() => onInsert(e, 'quote')} aria-label={t('libraryEditor.asQuoteLabel', { title: e.title })}>
                  {t('libraryEditor.asQuote')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
