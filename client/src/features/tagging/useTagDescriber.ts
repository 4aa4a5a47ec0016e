import { useMemo } from 'react';
import type * as Y from 'yjs';
import type { TagDescription } from '../../../../shared/taxonomy/describeTag.ts';
import { useEarlierRecommendations } from '../recommendations/useEarlierRecommendations.ts';
import { t } from '../../i18n/i18n.ts';
import { useTaxonomy } from './taxonomy.ts';
import { earlierLabel } from '../recommendations/earlierLabel.ts';

/** Describes tag ids on this report (its earlier recommendations included); null while the taxonomy loads. */
export type TagDescriber = (id: string) => TagDescription | null;

export function useTagDescriber(doc: Y.Doc): TagDescriber {
  const taxonomy = useTaxonomy();
  const earlier = useEarlierRecommendations(doc);
  return useMemo(() => {
    if (!taxonomy) return () => null;
    const byId = new Map(earlier.map((r) => [r.id, { label: earlierLabel(r), text: r.text }]));
    return (id: string) => taxonomy.describeTag(id, (recId) => byId.get(recId) ?? null);
  }, [taxonomy, earlier]);
}

/** The words a chip shows: the label, or "Unknown tag X" for an id nobody knows (kept, never dropped). */
export function chipLabel(id: string, description: TagDescription | null): string {
  if (!description) return id;
  return description.kind === 'unknown' ? t('submission.tagChip.unknownTag', { id }) : description.label;
}
