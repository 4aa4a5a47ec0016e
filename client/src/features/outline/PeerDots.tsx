import type { Peer } from '../../stores/presenceStore.ts';
import { Avatar } from '../../ui/Avatar.tsx';

/** Co-authors in one place (a section, the report), as a row of initials; at most `max`, then "+n". */
export function PeerDots({ peers, where, max = 3 }: { peers: Peer[]; where: string; max?: number }) {
  if (peers.length === 0) return null;
  const shown = peers.slice(0, max);
  const names = peers.map((p) => p.name).join(', ');
  return (
    <span className="peer-dots" role="img" aria-label={`${names} ${peers.length === 1 ? 'is' : 'are'} ${where}`} title={`${names} — ${where}`} data-testid="peer-dots">
      {shown.map((p) => (
        <Avatar key={p.clientId} name={p.name} color={p.color} size="sm" label="" />
      ))}
      {peers.length > max && <span className="peer-dots__more">+{peers.length - max}</span>}
    </span>
  );
}
