import { useState } from 'react';

/**
 * A one-line text field bound to a shared value: it shows remote changes until the user starts typing,
 * then commits on Enter or blur (Escape reverts). Writes are whole values, so a title never interleaves
 * two people's keystrokes.
 */
export function EditableText({
  value,
  onCommit,
  label,
  className = '',
  placeholder,
  disabled,
  maxLength,
  id,
}: {
  value: string;
  onCommit: (value: string) => void;
  label: string;
  className?: string;
  placeholder?: string;
  disabled?: boolean;
  maxLength?: number;
  id?: string;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft !== null && draft.trim() !== value) onCommit(draft.trim());
    setDraft(null);
  };
  return (
    <input
      id={id}
      className={`editable-text ${className}`}
      // A title or State name runs in its own direction (an English title in the Arabic interface).
      dir="auto"
      aria-label={label}
      value={draft ?? value}
      placeholder={placeholder}
      readOnly={disabled}
      maxLength={maxLength}
      onFocus={() => setDraft(value)}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
          e.currentTarget.blur();
        } else if (e.key === 'Escape') {
          e.preventDefault();
          setDraft(null);
          // Blur without committing: the draft is gone, so the blur handler commits nothing.
          requestAnimationFrame(() => e.currentTarget?.blur());
        }
      }}
    />
  );
}
