import { useTranslation } from 'react-i18next';
import type { Peer } from '../../stores/presenceStore.ts';
import { Avatar } from '../../ui/Avatar.tsx';
import { formatList } from '../../i18n/format.ts';

/** Co-authors in a section, as a row of initials; at most `max`, then "+n". */
export function PeerDots({ peers, max = 3 }: { peers: Peer[]; max?: number }) {
  const { t } = useTranslation();
  if (peers.length === 0) return null;
  const shown = peers.slice(0, max);
  const names = formatList(peers.map((p) => p.name));
  const said = t('peers.inSection', { names, count: peers.length });
  return (
    <span className="peer-dots" role="img" aria-label={said} title={said} data-testid="peer-dots">
      {shown.map((p) => (
        <Avatar key={p.clientId} name={p.name} color={p.color} size="sm" label="" />
      ))}
      {peers.length > max && <span className="peer-dots__more">+{peers.length - max}</span>}
    </span>
  );
}
