/** Who else has the report open: their initials in the header; a click lists their names and roles. */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roleName } from '../../i18n/roleText.ts';
import type { Peer } from '../../stores/presenceStore.ts';
import { Avatar } from '../../ui/Avatar.tsx';

const MAX_SHOWN = 4;

export function PeopleHere({ peers }: { peers: Peer[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const panelId = useId();
  useEffect(() => {
    if (!open) return;
    const handlePointer = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', handlePointer);
    return () => document.removeEventListener('pointerdown', handlePointer);
  }, [open]);
  useEffect(() => {
    if (peers.length === 0) setOpen(false);
  }, [peers.length]);
  if (peers.length === 0) return null;
  const names = peers.map((p) => p.name).join(t('coalitionsUi.list.separator'));
  return (
    <div
      className="people-here"
      ref={rootRef}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
          rootRef.current?.querySelector('button')?.focus();
        }
      }}
    >
      <button
        type="button"
        className="people-here__toggle peer-dots"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t('coalitionsUi.peopleHere.label', { count: peers.length, names })}
        data-testid="peer-dots"
        onClick={() => setOpen(!open)}
      >
        {peers.slice(0, MAX_SHOWN).map((p) => (
          <Avatar key={p.clientId} name={p.name} color={p.color} size="sm" label="" />
        ))}
        {peers.length > MAX_SHOWN && <span className="peer-dots__more">+{peers.length - MAX_SHOWN}</span>}
      </button>
      {open && (
        <div className="people-here__panel" id={panelId}>
          <p className="people-here__title">{t('coalitionsUi.peopleHere.title')}</p>
          <ul className="people-here__list" data-testid="people-here">
            {peers.map((p) => (
              <li key={p.clientId} className="people-here__person">
                <Avatar name={p.name} color={p.color} size="sm" label="" />
                <span className="people-here__name">{p.name}</span>
                {p.role && <span className="people-here__role muted">{roleName(p.role, t)}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
