/**
 * The image block as the editor shows it: the picture (from the device's cache, or the upload queue while it waits),
 * its caption, a warning when it has no alternative text, and for writers a width slider and an Edit button (alt
 * text, decorative, caption). The node and its stored form are the shared schema's (shared/schema/image.ts).
 * Paste and drop of image files open the same dialog as the toolbar (they never insert without alt text).
 */
import type { AnyExtension, Editor } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin } from '@tiptap/pm/state';
import { Image, IMAGE_NODE, imageWidth, type ImageAttrs } from '../../../../shared/schema/image.ts';
import { t } from '../../i18n/i18n.ts';
import { imageUrl } from './attachmentCache.ts';
import { requestImage } from './imageRequests.ts';

function attrsOf(node: PmNode): ImageAttrs {
  const a = node.attrs;
  return {
    src: typeof a.src === 'string' ? a.src : null,
    pending: typeof a.pending === 'string' ? a.pending : null,
    alt: typeof a.alt === 'string' ? a.alt : '',
    decorative: a.decorative === true || a.decorative === 'true',
    caption: typeof a.caption === 'string' ? a.caption : '',
    width: imageWidth(a.width),
  };
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

const ImageWithView = Image.extend({
  addNodeView() {
    return ({ node, editor, getPos }) => {
      let current = attrsOf(node);
      const dom = el('figure', 'rd-image');
      dom.setAttribute('data-image', '');
      const frame = el('div', 'rd-image__frame');
      const img = el('img', 'rd-image__img');
      const placeholder = el('div', 'rd-image__placeholder');
      const caption = el('figcaption', 'rd-image__caption');
      const warning = el('p', 'rd-image__warning', t('image.noAltWarning'));
      const bar = el('div', 'rd-image__bar');
      bar.contentEditable = 'false';
      const width = el('input', 'rd-image__width');
      width.type = 'range';
      width.min = '10';
      width.max = '100';
      width.step = '5';
      width.setAttribute('aria-label', t('image.widthLabel'));
      const edit = el('button', 'button button--small', t('image.editTitle'));
      edit.type = 'button';
      bar.append(width, edit);
      frame.append(img, placeholder);
      dom.append(frame, caption, warning, bar);

      let shownFor = '';
      const setAttrs = (change: Partial<ImageAttrs>) => {
        const pos = getPos();
        if (typeof pos !== 'number') return;
        editor.commands.command(({ tr }) => {
          tr.setNodeMarkup(pos, undefined, { ...current, ...change });
          return true;
        });
      };
      width.addEventListener('change', () => setAttrs({ width: imageWidth(Number(width.value)) }));
      width.addEventListener('input', () => (frame.style.width = `${width.value}%`));
      edit.addEventListener('click', () => {
        const pos = getPos();
        if (typeof pos === 'number') requestImage(editor as Editor, { mode: 'edit', pos, attrs: current });
      });

      const render = () => {
        const a = current;
        frame.style.width = `${a.width}%`;
        width.value = String(a.width);
        img.alt = a.decorative ? '' : a.alt;
        caption.textContent = a.caption;
        caption.hidden = a.caption === '';
        warning.hidden = a.decorative || a.alt.trim() !== '';
        const key = `${a.src ?? ''}|${a.pending ?? ''}`;
        if (key === shownFor) return;
        shownFor = key;
        img.hidden = true;
        placeholder.hidden = false;
        placeholder.textContent = a.src ? t('image.loading') : t('image.waiting');
        imageUrl(a.src, a.pending).then(
          (url) => {
            if (shownFor !== key) return;
            if (!url) return;
            img.src = url;
            img.hidden = false;
            placeholder.hidden = true;
          },
          () => {
            if (shownFor === key) placeholder.textContent = navigator.onLine ? t('image.loadFailed') : t('image.offline');
          },
        );
      };
      render();

      return {
        dom,
        update(updated) {
          if (updated.type.name !== IMAGE_NODE) return false;
          current = attrsOf(updated);
          render();
          return true;
        },
        // The slider and button are the view's own; ProseMirror leaves their events alone.
        stopEvent: (event) => bar.contains(event.target as Node),
        ignoreMutation: () => true,
      };
    };
  },

  addProseMirrorPlugins() {
    const editor = this.editor;
    const imageFile = (files: FileList | null | undefined) => [...(files ?? [])].find((f) => f.type.startsWith('image/')) ?? null;
    return [
      new Plugin({
        props: {
          handlePaste: (_view, event) => {
            const file = imageFile(event.clipboardData?.files);
            if (!file || !editor.isEditable) return false;
            return requestImage(editor, { mode: 'insert', file });
          },
          handleDrop: (view, event) => {
            const file = imageFile((event as DragEvent).dataTransfer?.files);
            if (!file || !editor.isEditable) return false;
            const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
            if (at) editor.commands.setTextSelection(at.pos);
            event.preventDefault();
            return requestImage(editor, { mode: 'insert', file });
          },
        },
      }),
    ];
  },
});

/** The shared list with the image node given its view, paste and drop. */
export function withImageView(extensions: AnyExtension[]): AnyExtension[] {
  return extensions.map((e) => (e.name === IMAGE_NODE ? ImageWithView : e));
}
