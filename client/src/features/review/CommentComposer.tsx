/**
 * Writing a comment or a reply, with `@` to mention a member of the report (a combobox: arrows choose,
 * Enter or Tab completes, Escape closes the list). Ctrl+Enter sends.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { completeMention, matchMembers, mentionQuery, resolveMentions, type AmbiguousMention } from './mentions.ts';
import type { Member } from './reviewApi.ts';

export function CommentComposer({
  members,
  label,
  submitLabel,
  initial = '',
  autoFocus = false,
  onSubmit,
  onCancel,
}: {
  members: Member[];
  label: string;
  submitLabel: string;
  initial?: string;
  autoFocus?: boolean;
  onSubmit: (body: string, mentions: string[]) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const [caret, setCaret] = useState(initial.length);
  const [highlight, setHighlight] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  // A typed "@Amina" two members answer to: asked before sending, never guessed.
  const [question, setQuestion] = useState<(AmbiguousMention<Member> & { body: string }) | null>(null);
  const ref = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  useFocusWhenShown(ref, autoFocus);
  const query = mentionQuery(text, caret);
  const options = useMemo(() => (query ? matchMembers(members, query.query) : []), [members, query?.query]); // eslint-disable-line react-hooks/exhaustive-deps
  const open = !!query && options.length > 0 && dismissedAt !== query.start;
  const active = open ? options[Math.min(highlight, options.length - 1)] : undefined;

  const choose = (m: Member) => {
    if (!query) return;
    const next = completeMention(text, query.start, caret, m.name);
    setText(next.text);
    setCaret(next.caret);
    requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.setSelectionRange(next.caret, next.caret);
    });
  };

  const submit = () => {
    const body = text.trim();
    if (!body) return;
    const resolved = resolveMentions(body, members);
    if (resolved.ambiguous) {
      setQuestion({ ...resolved.ambiguous, body });
      return;
    }
    onSubmit(resolved.body, resolved.ids);
    setText('');
    setCaret(0);
    setQuestion(null);
  };

  const answer = (m: Member) => {
    if (!question) return;
    const next = question.body.slice(0, question.start) + '@' + m.name + question.body.slice(question.end);
    setText(next);
    setQuestion(null);
    const at = question.start + 1 + m.name.length;
    setCaret(at);
    requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.setSelectionRange(at, at);
    });
  };

  const handleKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open && active) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const delta = e.key === 'ArrowDown' ? 1 : -1;
        setHighlight((h) => (h + delta + options.length) % options.length);
        return;
      }
      if ((e.key === 'Enter' && !e.ctrlKey && !e.metaKey) || e.key === 'Tab') {
        e.preventDefault();
        choose(active);
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        setDismissedAt(query!.start);
        return;
      }
    }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit();
    } else if (e.key === 'Escape' && onCancel) {
      e.preventDefault();
      e.stopPropagation();
      onCancel();
    }
  };

  const sync = () => {
    const el = ref.current;
    if (el) setCaret(el.selectionStart);
  };

  return (
    <form
      className="composer"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="composer__field">
        <textarea
          ref={ref}
          className="input composer__input"
          aria-label={label}
          placeholder={t('reviewUi.composer.placeholder', { label })}
          rows={2}
          value={text}
          autoFocus={autoFocus}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={active ? `${listId}-${active.userId}` : undefined}
          onChange={(e) => {
            setText(e.target.value);
            setCaret(e.target.selectionStart);
            setHighlight(0);
            setQuestion(null);
          }}
          onKeyDown={handleKeyDown}
          onKeyUp={sync}
          onClick={sync}
        />
        {open && (
          <ul id={listId} role="listbox" className="mention-list" aria-label={t('reviewUi.composer.mentionList')}>
            {options.map((m) => (
              <li
                key={m.userId}
                id={`${listId}-${m.userId}`}
                role="option"
                aria-selected={m === active}
                className={`mention-list__option${m === active ? ' mention-list__option--active' : ''}`}
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(m);
                }}
              >
                <span className="mention-list__name">{m.name}</span>
                <span className="mention-list__email">{m.email}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      {question && (
        <div className="composer__question" role="group" aria-label={t('reviewUi.composer.whichLabel', { word: question.word })} data-testid="mention-question">
          <p className="composer__question-text">
            {t('reviewUi.composer.which', { word: question.word })}
          </p>
          {question.candidates.map((m) => (
            <button key={m.userId} type="button" className="button button--small" onClick={() => answer(m)}>
              {m.name} <span className="muted">{m.email}</span>
            </button>
          ))}
        </div>
      )}
      <div className="composer__actions">
        {onCancel && (
          <button type="button" className="button button--small button--ghost" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
        <button type="submit" className="button button--small button--primary" disabled={!text.trim()}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

/**
 * Focus the box once it can take the focus: a margin card is hidden until it is placed beside its text, and
 * `autoFocus` on a hidden element does nothing, which left the focus (and the next keystrokes) in the text.
 */
function useFocusWhenShown(ref: RefObject<HTMLTextAreaElement | null>, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    let frame = 0;
    let tries = 0;
    const attempt = () => {
      const el = ref.current;
      if (!el) return;
      el.focus({ preventScroll: true });
      if (document.activeElement !== el && ++tries < 60) frame = requestAnimationFrame(attempt);
    };
    attempt();
    return () => cancelAnimationFrame(frame);
  }, [ref, enabled]);
}
