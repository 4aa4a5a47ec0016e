/**
 * Screen readers hear when a co-author opens the section one is in ("Bruno Costa joined this section"), once per
 * arrival, in a polite live region: not on every caret move, and not for the people already there when the
 * section was opened.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Peer } from '../../stores/presenceStore.ts';

export function PeerJoinAnnouncer({ peers, sectionId }: { peers: Peer[]; sectionId: string }) {
  const { t } = useTranslation();
  const [said, setSaid] = useState('');
  const known = useRef<Set<number> | null>(null);
  useEffect(() => {
    known.current = null;
    setSaid('');
  }, [sectionId]);
  useEffect(() => {
    const here = new Set(peers.map((p) => p.clientId));
    if (known.current) {
      const arrived = peers.filter((p) => !known.current!.has(p.clientId));
      if (arrived.length > 0) setSaid(t('peers.joined', { names: arrived.map((p) => p.name).join(', '), count: arrived.length }));
    }
    known.current = here;
  }, [peers, t]);
  return (
    <span className="visually-hidden" role="status" aria-live="polite" data-testid="peer-join-announcer">
      {said}
    </span>
  );
}
