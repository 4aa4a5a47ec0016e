import { useEffect, useState } from 'react';
import type { EditorHandle } from '../../editor/review/editorHandle.ts';

/** Re-render after the editor's transactions (at most once a frame): for things placed beside its text. */
export function useHandleTick(handle: EditorHandle | null): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!handle) return;
    let frame = 0;
    const unsubscribe = handle.subscribe(() => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setTick((t) => t + 1);
      });
    });
    return () => {
      unsubscribe();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [handle]);
  return tick;
}
