/**
 * How open suggestions beyond the text show in the editor (decorations only, like text suggestions): a new
 * paragraph or list item drawn after its block, a new table row drawn as a pending row below its row, a block to delete struck through whole, a footnote marker at
 * its point, formatting previewed on its words. Each carries the suggestion id, so clicking it opens its card.
 */
import type { EditorState } from '@tiptap/pm/state';
import { Decoration } from '@tiptap/pm/view';
import type { SuggestionInfo } from '../../../../shared/discussion/layout.ts';
import { decodeRowCells } from '../../../../shared/discussion/structure.ts';
import { structureLabel } from './structureLabel.ts';

export function structureDecorations(state: EditorState, s: SuggestionInfo, range: { from: number; to: number }, title: string, cls: string): Decoration[] {
  const change = s.change;
  const spec = { suggestionId: s.id };
  const label = structureLabel(change);
  switch (change.kind) {
    case 'insertBlock':
      if (change.block === 'tableRow') return pendingRow(state, s, range.to, title, label, cls);
      return [
        Decoration.widget(
          range.to,
          () => {
            const el = document.createElement('ins');
            el.className = `rd-sugg-ins rd-sugg-block${change.block === 'listItem' ? ' rd-sugg-block--item' : ''}${cls}`;
            // One line per suggested paragraph (Enter while typing one starts the next).
            for (const line of (s.insertText || '…').split('\n')) {
              const part = document.createElement('span');
              part.className = 'rd-sugg-block__line';
              part.textContent = line || '\u200b';
              el.append(part);
            }
            el.title = title;
            el.dataset.suggestionId = s.id;
            el.setAttribute('aria-label', `${label}: ${s.insertText}`);
            el.contentEditable = 'false';
            return el;
          },
          // After a caret at the end of the block (and after text suggested there), so typing continues it.
          { side: 1, key: `${s.id}:${s.insertText}:${cls}`, ignoreSelection: true, ...spec },
        ),
      ];
    case 'deleteBlock': {
      const $pos = state.doc.resolve(range.from);
      for (let d = $pos.depth; d > 0; d--) {
        const node = $pos.node(d);
        if (node.type.name === change.block || (change.block === 'paragraph' && node.isTextblock)) {
          return [
            Decoration.node($pos.before(d), $pos.after(d), { class: `rd-sugg-del-block${cls}`, title, 'data-suggestion-id': s.id }, spec),
            Decoration.inline(range.from, range.to, { nodeName: 'del', class: `rd-sugg-del${cls}`, title, 'data-suggestion-id': s.id }, spec),
          ];
        }
      }
      return [];
    }
    case 'footnote':
      return [
        Decoration.widget(
          range.to,
          () => {
            const el = document.createElement('ins');
            el.className = `rd-sugg-ins rd-sugg-note${cls}`;
            el.textContent = '[note]';
            el.title = `${title}: ${s.insertText}`;
            el.dataset.suggestionId = s.id;
            el.setAttribute('aria-label', `${label}: ${s.insertText}`);
            el.contentEditable = 'false';
            return el;
          },
          { side: -1, key: `${s.id}:${s.insertText}:${cls}`, ignoreSelection: true, ...spec },
        ),
      ];
    case 'format':
      if (range.from >= range.to) return [];
      return [
        Decoration.inline(
          range.from,
          range.to,
          { class: `rd-sugg-fmt rd-sugg-fmt--${change.mark}-${change.action}${cls}`, title, 'data-suggestion-id': s.id },
          spec,
        ),
      ];
    default:
      return [];
  }
}

/** A suggested new row: a row of the table (not part of the document) drawn after the row it goes below. */
function pendingRow(state: EditorState, s: SuggestionInfo, at: number, title: string, label: string, cls: string): Decoration[] {
  const $pos = state.doc.resolve(at);
  let depth = $pos.depth;
  while (depth > 0 && $pos.node(depth).type.name !== 'tableRow') depth--;
  if (depth === 0) return [];
  const row = $pos.node(depth);
  const texts = decodeRowCells(s.insertText) ?? [];
  return [
    Decoration.widget(
      $pos.after(depth),
      () => {
        const tr = document.createElement('tr');
        tr.className = `rd-sugg-row${cls}`;
        row.forEach((cell, _offset, i) => {
          const td = document.createElement('td');
          const colspan = Number(cell.attrs.colspan ?? 1);
          if (colspan > 1) td.colSpan = colspan;
          const ins = document.createElement('ins');
          ins.className = `rd-sugg-ins${cls}`;
          ins.textContent = texts[i] ?? '';
          td.append(ins);
          tr.append(td);
        });
        tr.title = title;
        tr.dataset.suggestionId = s.id;
        tr.setAttribute('aria-label', `${label}: ${texts.join(' | ')}`);
        tr.contentEditable = 'false';
        return tr;
      },
      { side: -1, key: `${s.id}:${s.insertText}:${cls}`, ignoreSelection: true, suggestionId: s.id },
    ),
  ];
}
