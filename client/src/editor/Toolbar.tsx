/**
 * Formatting toolbar. One Tab stop (the WAI-ARIA toolbar pattern): arrow keys move between controls, so
 * keyboard users reach the text quickly.
 */
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useEditorState, type Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from '../ui/Icon.tsx';
import { LinkForm } from './LinkForm.tsx';
import type * as Y from 'yjs';
import { RecommendationButton, RecommendationControls, toggleRecommendation } from '../features/recommendations/editor/RecommendationToolbar.tsx';
import { PassageTagButton, PassageTagControls, TAG_PASSAGE_LABEL } from '../features/tagging/passage/PassageTagToolbar.tsx';
import { usePassageTagShortcut } from '../features/tagging/passage/usePassageTagShortcut.ts';
import { MoreMenu, type MoreAction } from './MoreMenu.tsx';
import { useToolbarOverflow } from './useToolbarOverflow.ts';
import { imageButton } from '../features/evidence/imageRequests.ts';

type Block = 'paragraph' | 'h2' | 'h3' | 'h4';


const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? '⌘' : 'Ctrl+';

/** `doc` is the report's Y.Doc (the recommendation row offers its earlier recommendations as tags). */
export function Toolbar({ editor, doc }: { editor: Editor; doc?: Y.Doc }) {
  const { t } = useTranslation();
  const BLOCK_LABELS: Record<Block, string> = {
    paragraph: t('toolbar.paragraph'),
    h2: t('toolbar.heading'),
    h3: t('toolbar.subheading'),
    h4: t('toolbar.minorHeading'),
  };
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      block: (e.isActive('heading', { level: 2 })
        ? 'h2'
        : e.isActive('heading', { level: 3 })
          ? 'h3'
          : e.isActive('heading', { level: 4 })
            ? 'h4'
            : 'paragraph') as Block,
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      underline: e.isActive('underline'),
      strike: e.isActive('strike'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      blockquote: e.isActive('blockquote'),
      link: e.isActive('link'),
      table: e.isActive('table'),
      recommendation: e.isActive('recommendation'),
      image: e.isActive('image'),
      canRecommend: e.can().setRecommendation(),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const [linkOpen, setLinkOpen] = useState(false);
  const [passageOpen, setPassageOpen] = useState(false);
  usePassageTagShortcut(editor, () => setPassageOpen(true));
  const barRef = useRef<HTMLDivElement>(null);
  const [focusIndex, setFocusIndex] = useState(0);

  // On a narrow screen the items that do not fit go into the "More" menu (hidden here, listed there).
  const overflow = useToolbarOverflow(barRef, state.table ? 'table' : 'text');
  const isHidden = (key: string) => overflow.includes(key);
  const moreActions: MoreAction[] = [];

  // Shown controls only (hidden ones are in the "More" menu).
  const allControls = () => [...(barRef.current?.querySelectorAll<HTMLElement>('[data-toolbar-item]') ?? [])].filter((el) => !el.hidden);

  const handleKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) return;
    // Up and Down are left to the text-style select.
    const all = allControls();
    const items = all.filter((el) => !(el as HTMLButtonElement).disabled);
    const current = items.indexOf(document.activeElement as HTMLElement);
    if (current < 0) return;
    e.preventDefault();
    // The arrow that points along the reading direction moves forward: Left in right-to-left.
    const forward = getComputedStyle(e.currentTarget).direction === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const next =
      e.key === 'Home' ? 0 : e.key === 'End' ? items.length - 1 : (current + (e.key === forward ? 1 : -1) + items.length) % items.length;
    const target = items[next];
    if (!target) return;
    target.focus();
    setFocusIndex(all.indexOf(target));
  };

  let itemIndex = 0;
  const tabIndexFor = () => (itemIndex++ === focusIndex ? 0 : -1);

  // Overflow keys are the icons' names (the labels change with the language).
  const button = (icon: IconName, label: string, run: () => void, options: { active?: boolean; disabled?: boolean; shortcut?: string } = {}): ReactNode => {
    const hidden = isHidden(icon);
    if (hidden) moreActions.push({ key: icon, label, run, active: options.active, disabled: options.disabled });
    return (
    <button
      type="button"
      className="toolbar__button"
      data-toolbar-item
      data-overflow-key={icon}
      hidden={hidden}
      tabIndex={hidden ? -1 : tabIndexFor()}
      aria-label={label}
      title={options.shortcut ? `${label} (${options.shortcut})` : label}
      aria-pressed={options.active === undefined ? undefined : options.active}
      disabled={options.disabled}
      onMouseDown={(e) => e.preventDefault()}
      onClick={run}
    >
      <Icon name={icon} />
    </button>
    );
  };

  const textButton = (key: string, label: string, run: () => void) => {
    const hidden = isHidden(key);
    if (hidden) moreActions.push({ key, label, run });
    return (
      <button
        type="button"
        className="toolbar__text-button"
        data-toolbar-item
        data-overflow-key={key}
        hidden={hidden}
        tabIndex={hidden ? -1 : tabIndexFor()}
        onMouseDown={(e) => e.preventDefault()}
        onClick={run}
      >
        {label}
      </button>
    );
  };

  const setBlock = (block: Block) => {
    const chain = editor.chain().focus();
    if (block === 'paragraph') chain.setParagraph().run();
    else chain.setHeading({ level: Number(block.slice(1)) as 2 | 3 | 4 }).run();
  };

  return (
    <div className="toolbar-wrap">
      <div
        className="toolbar"
        role="toolbar"
        aria-label={t('toolbar.label')}
        ref={barRef}
        onKeyDown={handleKeyDown}
        onBlur={(e) => {
          // Back to the first control when focus leaves, so the single Tab stop is never a disabled button.
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocusIndex(0);
        }}
      >
        <div className="toolbar__group">
          <select
            className="toolbar__select"
            aria-label={t('toolbar.textStyle')}
            data-toolbar-item
            tabIndex={tabIndexFor()}
            value={state.block}
            onChange={(e) => setBlock(e.target.value as Block)}
          >
            {(Object.keys(BLOCK_LABELS) as Block[]).map((b) => (
              <option key={b} value={b}>
                {BLOCK_LABELS[b]}
              </option>
            ))}
          </select>
        </div>
        <div className="toolbar__group">
          {button('bold', t('toolbar.bold'), () => editor.chain().focus().toggleBold().run(), { active: state.bold, shortcut: `${MOD}B` })}
          {button('italic', t('toolbar.italic'), () => editor.chain().focus().toggleItalic().run(), { active: state.italic, shortcut: `${MOD}I` })}
          {button('underline', t('toolbar.underline'), () => editor.chain().focus().toggleUnderline().run(), { active: state.underline, shortcut: `${MOD}U` })}
          {button('strike', t('toolbar.strike'), () => editor.chain().focus().toggleStrike().run(), { active: state.strike })}
        </div>
        <div className="toolbar__group">
          {button('bulletList', t('toolbar.bulletList'), () => editor.chain().focus().toggleBulletList().run(), { active: state.bulletList })}
          {button('orderedList', t('toolbar.orderedList'), () => editor.chain().focus().toggleOrderedList().run(), { active: state.orderedList })}
          {button('quote', t('toolbar.quote'), () => editor.chain().focus().toggleBlockquote().run(), { active: state.blockquote })}
          {button('link', state.link ? t('toolbar.editLink') : t('toolbar.addLink'), () => setLinkOpen((o) => !o), { active: state.link || linkOpen })}
          {button('footnote', t('toolbar.footnote'), () => editor.commands.insertFootnote(), { shortcut: `${MOD}Alt+F` })}
          {button('image', state.image ? t('image.editTitle') : t('image.insert'), () => imageButton(editor))}
          {button('table', t('toolbar.table'), () => editor.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(), {
            disabled: state.table,
          })}
        </div>
        <div className="toolbar__group">
          {(() => {
            const hidden = isHidden('Recommendation');
            if (hidden) {
              moreActions.push({ key: 'Recommendation', label: t('toolbar.recommendation'), run: () => toggleRecommendation(editor, state.recommendation), active: state.recommendation, disabled: !state.canRecommend && !state.recommendation });
            }
            return <RecommendationButton editor={editor} active={state.recommendation} disabled={!state.canRecommend} tabIndex={hidden ? -1 : tabIndexFor()} hidden={hidden} />;
          })()}
          {doc &&
            (() => {
              const hidden = isHidden(TAG_PASSAGE_LABEL);
              const toggle = () => setPassageOpen((o) => !o);
              if (hidden) moreActions.push({ key: TAG_PASSAGE_LABEL, label: t('passage.button'), run: toggle, active: passageOpen });
              return <PassageTagButton editor={editor} open={passageOpen} onToggle={toggle} tabIndex={hidden ? -1 : tabIndexFor()} hidden={hidden} />;
            })()}
        </div>
        <div className="toolbar__group toolbar__group--end">
          {button('undo', t('toolbar.undo'), () => editor.chain().focus().undo().run(), { disabled: !state.canUndo, shortcut: `${MOD}Z` })}
          {button('redo', t('toolbar.redo'), () => editor.chain().focus().redo().run(), { disabled: !state.canRedo, shortcut: isMac ? '⇧⌘Z' : 'Ctrl+Y' })}
        </div>
        {state.table && (
          <div className="toolbar__group toolbar__group--table" aria-label={t('toolbar.tableGroup')}>
            {textButton('addRow', t('toolbar.addRow'), () => editor.chain().focus().addRowAfter().run())}
            {textButton('addColumn', t('toolbar.addColumn'), () => editor.chain().focus().addColumnAfter().run())}
            {textButton('deleteRow', t('toolbar.deleteRow'), () => editor.chain().focus().deleteRow().run())}
            {textButton('deleteColumn', t('toolbar.deleteColumn'), () => editor.chain().focus().deleteColumn().run())}
            {textButton('deleteTable', t('toolbar.deleteTable'), () => editor.chain().focus().deleteTable().run())}
          </div>
        )}
        {moreActions.length > 0 && <MoreMenu actions={moreActions} tabIndex={tabIndexFor()} />}
      </div>
      {linkOpen && <LinkForm editor={editor} onClose={() => setLinkOpen(false)} />}
      {state.recommendation && doc && <RecommendationControls editor={editor} doc={doc} />}
      {doc && <PassageTagControls editor={editor} doc={doc} open={passageOpen} onClose={() => setPassageOpen(false)} />}
    </div>
  );
}
