/**
 * A tooltip for one focusable trigger: shown on hover and on keyboard focus, dismissed with Escape, and
 * hoverable itself (WCAG 1.4.13). The text is always in the DOM (hidden while closed), so the trigger's
 * aria-describedby gives screen readers the same text. Rendered in a portal with fixed positioning, so a
 * scrolling pane never clips it. Not for use inside a modal <dialog> (it would sit below the top layer).
 */
import { cloneElement, useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type ReactElement, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import './tooltip.css';

const CLOSE_DELAY_MS = 120;
const MARGIN = 8;

interface TriggerProps {
  'aria-describedby'?: string;
}

export function Tooltip({ content, children, className = '' }: { content: ReactNode; children: ReactElement<TriggerProps>; className?: string }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const anchorRef = useRef<HTMLSpanElement>(null);
  const tipRef = useRef<HTMLDivElement>(null);
  const closeTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [position, setPosition] = useState<{ left: number; top: number } | null>(null);

  const cancelClose = () => {
    if (closeTimer.current) clearTimeout(closeTimer.current);
    closeTimer.current = null;
  };
  const show = () => {
    cancelClose();
    setOpen(true);
  };
  const hideSoon = () => {
    cancelClose();
    closeTimer.current = setTimeout(() => setOpen(false), CLOSE_DELAY_MS);
  };
  const hide = useCallback(() => {
    cancelClose();
    setOpen(false);
  }, []);

  useEffect(() => () => cancelClose(), []);

  useEffect(() => {
    if (!open) return;
    const handleKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') hide();
    };
    const handleScroll = () => hide();
    document.addEventListener('keydown', handleKey, true);
    window.addEventListener('scroll', handleScroll, true);
    return () => {
      document.removeEventListener('keydown', handleKey, true);
      window.removeEventListener('scroll', handleScroll, true);
    };
  }, [open, hide]);

  useLayoutEffect(() => {
    if (!open) {
      setPosition(null);
      return;
    }
    const anchor = anchorRef.current?.getBoundingClientRect();
    const tip = tipRef.current?.getBoundingClientRect();
    if (!anchor || !tip) return;
    const width = document.documentElement.clientWidth;
    const height = document.documentElement.clientHeight;
    const left = Math.max(MARGIN, Math.min(anchor.left, width - tip.width - MARGIN));
    const below = anchor.bottom + 6;
    const top = below + tip.height > height - MARGIN && anchor.top - tip.height - 6 > MARGIN ? anchor.top - tip.height - 6 : below;
    setPosition({ left, top });
  }, [open, content]);

  const trigger = cloneElement(children, {
    'aria-describedby': [children.props['aria-describedby'], id].filter(Boolean).join(' '),
  });

  return (
    <span
      ref={anchorRef}
      className={`tooltip-anchor ${className}`}
      onMouseEnter={show}
      onMouseLeave={hideSoon}
      onFocus={show}
      onBlur={hide}
    >
      {trigger}
      {createPortal(
        <div
          ref={tipRef}
          id={id}
          role="tooltip"
          className="tooltip"
          hidden={!open}
          style={position ? { left: position.left, top: position.top } : { left: -9999, top: 0 }}
          onMouseEnter={cancelClose}
          onMouseLeave={hideSoon}
        >
          {content}
        </div>,
        document.body,
      )}
    </span>
  );
}
