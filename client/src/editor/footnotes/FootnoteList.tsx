import { useEditorState, type Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { sectionNotes } from './footnoteNumbers.ts';

interface ListedNote {
  pos: number;
  number: number;
  text: string;
}

/** The section's notes at its foot, numbered as in the report, as a preview of the footnotes; each opens its note. */
export function FootnoteList({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const notes = useEditorState({
    editor,
    selector: ({ editor: e }): ListedNote[] => sectionNotes(e.state).map((n) => ({ pos: n.pos, number: n.number, text: n.node.textContent.trim() })),
  });
  if (notes.length === 0) return null;
  return (
    <aside className="footnote-list" aria-labelledby="footnote-list-title" data-testid="footnote-list">
      <h3 id="footnote-list-title" className="footnote-list__title">
        {t('editing.footnoteList.title')}
      </h3>
      <ol className="footnote-list__items">
        {notes.map((n, i) => (
          <li key={i} value={n.number} className="footnote-list__item">
            <button
              type="button"
              className="footnote-list__open"
              onClick={() => editor.commands.openFootnote(n.pos, { focus: editor.isEditable })}
              aria-label={n.text ? t('editing.footnoteList.open', { number: n.number, text: n.text }) : t('editing.footnoteList.openEmpty', { number: n.number })}
            >
              <span className="footnote-list__number" aria-hidden="true">
                {n.number}
              </span>
              <span className={`footnote-list__text${n.text ? '' : ' footnote-list__text--empty'}`}>{n.text || t('editing.footnoteList.empty')}</span>
            </button>
          </li>
        ))}
      </ol>
    </aside>
  );
}
