import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Editor } from '@tiptap/react';
import { normaliseHref } from '../../../shared/schema/linkPolicy.ts';

export function LinkForm({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const current = (editor.getAttributes('link').href as string | undefined) ?? '';
  const [href, setHref] = useState(current);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.focus(), []);

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    const url = normaliseHref(href);
    if (!url) {
      setError('Enter a web address (https://…) or an email address.');
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
        Link address
      </label>
      <input
        id="link-href"
        ref={inputRef}
        className="input link-form__input"
        type="text"
        inputMode="url"
        placeholder="https://"
        value={href}
        onChange={(e) => setHref(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'link-href-error' : undefined}
      />
      <button type="submit" className="button button--primary button--small">
        Apply
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
          Remove link
        </button>
      )}
      <button type="button" className="button button--ghost button--small" onClick={onClose}>
        Cancel
      </button>
      {error && (
        <p id="link-href-error" className="field__error link-form__error">
          {error}
        </p>
      )}
    </form>
  );
}
