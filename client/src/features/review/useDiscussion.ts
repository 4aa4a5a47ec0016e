/** React views of the discussion and content documents: threads, suggestions, and a revision to re-read on. */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { listSuggestions, listThreads, type SuggestionInfo, type ThreadInfo } from '../../../../shared/discussion/layout.ts';
import type { DiscussionSession, DiscussionSnapshot } from './DiscussionSession.ts';

export function useDiscussionSnapshot(discussion: DiscussionSession): DiscussionSnapshot {
  return useSyncExternalStore(discussion.subscribe, discussion.getSnapshot);
}

export function useThreads(discussion: DiscussionSession): ThreadInfo[] {
  const { revision } = useDiscussionSnapshot(discussion);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => listThreads(discussion.doc), [discussion, revision]);
}

export function useSuggestions(discussion: DiscussionSession): SuggestionInfo[] {
  const { revision } = useDiscussionSnapshot(discussion);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => listSuggestions(discussion.doc), [discussion, revision]);
}

/** A number that changes (at most once a frame) whenever `doc` changes: anchored text moves with edits. */
export function useDocRevision(doc: Y.Doc): number {
  const [revision, setRevision] = useState(0);
  useEffect(() => {
    let frame = 0;
    const handleUpdate = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setRevision((r) => r + 1);
      });
    };
    doc.on('update', handleUpdate);
    return () => {
      doc.off('update', handleUpdate);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [doc]);
  return revision;
}
