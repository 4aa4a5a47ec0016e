import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { normaliseHref } from '../../../shared/schema/linkPolicy.ts';

export function LinkForm({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const { t } = useTranslation();
  const current = (editor.getAttributes('link').href as string | undefined) ?? '';
  const [href, setHref] = useState(current);
  const [error, setError] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.focus(), []);

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    const url = normaliseHref(href);
    if (!url) {
      setError(true);
      return;
    }
    const chain = editor.chain().focus().extendMarkRange('link');
    if (editor.state.selection.empty && !editor.isActive('link')) {
      chain.insertContent({ type: 'text', text: url, marks: [{ type: 'link', attrs: { href: url } }] }).run();
    } else {
      chain.setLink({ href: url }).run();
    }
    onClose();
  };

  return (
    <form
      className="link-form"
      onSubmit={handleSubmit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
          editor.commands.focus();
        }
      }}
    >
      <label htmlFor="link-href" className="link-form__label">
        {t('editing.link.address')}
      </label>
      <input
        id="link-href"
        ref={inputRef}
        className="input link-form__input"
        type="text"
        inputMode="url"
        // i18n-exempt: the URL scheme, the same in every language
        placeholder="https://"
        value={href}
        onChange={(e) => setHref(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'link-href-error' : undefined}
      />
      <button type="submit" className="button button--primary button--small">
        {t('editing.link.apply')}
      </button>
      {current && (
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            editor.chain().focus().extendMarkRange('link').unsetLink().run();
            onClose();
          }}
        >
          {t('structure.removeLink')}
        </button>
      )}
      <button type="button" className="button button--ghost button--small" onClick={onClose}>
        {t('common.cancel')}
      </button>
      {error && (
        <p id="link-href-error" className="field__error link-form__error">
          {t('suggest.linkInvalid')}
        </p>
      )}
    </form>
  );
}
