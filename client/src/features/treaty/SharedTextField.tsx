import { useState, type InputHTMLAttributes, type KeyboardEvent } from 'react';

/**
 * A form field bound to a shared value: it follows co-authors' changes until this user starts typing, then
 * commits the whole value on blur or Enter (Escape reverts), so two people never interleave keystrokes.
 */
export function SharedTextField({
  value,
  onCommit,
  multiline = false,
  rows,
  ...rest
}: {
  value: string;
  onCommit: (value: string) => void;
  multiline?: boolean;
  /** Lines of a multiline field. */
  rows?: number;
} & Omit<InputHTMLAttributes<HTMLInputElement & HTMLTextAreaElement>, 'value' | 'onChange' | 'onFocus' | 'onBlur' | 'onKeyDown'>) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft !== null && draft.trim() !== value) onCommit(draft.trim());
    setDraft(null);
  };
  const props = {
    ...rest,
    className: `input ${rest.className ?? ''}`,
    value: draft ?? value,
    onFocus: () => setDraft(value),
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: commit,
    onKeyDown: (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      if (e.key === 'Enter' && !multiline) {
        e.preventDefault();
        commit();
      } else if (e.key === 'Escape' && draft !== null) {
        e.preventDefault();
        e.stopPropagation();
        setDraft(value);
      }
    },
  };
  return multiline ? <textarea rows={rows} {...props} /> : <input type="text" {...props} />;
}
