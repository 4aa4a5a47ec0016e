/**
 * Values computed from a whole report (word counts, checks, coverage) that must follow every keystroke and
 * every co-author's edit without recomputing on each one. A `DocDerived` listens to the doc's updates for the
 * doc's lifetime, marks its value dirty, and recomputes at most once per `throttleMs` while someone displays it
 * (always once more after the last change, so the figure shown is never stale). Nobody displaying it: nothing
 * is computed until someone asks.
 */
import { useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

type Listener = () => void;

export class DocDerived<T> {
  private value: T | undefined;
  private dirty = true;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastRunMs = -Infinity;
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly compute: (doc: Y.Doc) => T,
    private readonly throttleMs: number,
    private readonly now: () => number = () => Date.now(),
  ) {
    const handleUpdate = () => {
      this.dirty = true;
      if (this.listeners.size > 0) this.schedule();
    };
    doc.on('update', handleUpdate);
    doc.once('destroy', () => {
      doc.off('update', handleUpdate);
      if (this.timer) clearTimeout(this.timer);
    });
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    if (this.dirty) this.schedule();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0 && this.timer) {
        clearTimeout(this.timer);
        this.timer = null;
      }
    };
  };

  getSnapshot = (): T => {
    // Nobody was listening when the doc changed, or this is the first read: compute now.
    if (this.value === undefined || (this.dirty && this.listeners.size === 0)) this.run();
    return this.value as T;
  };

  private schedule(): void {
    if (this.timer) return;
    const wait = Math.max(0, this.lastRunMs + this.throttleMs - this.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.dirty) return;
      this.run();
      for (const l of [...this.listeners]) l();
    }, wait);
  }

  private run(): void {
    this.dirty = false;
    this.lastRunMs = this.now();
    this.value = this.compute(this.doc);
  }
}

/** One `DocDerived` per doc for a computation, shared by every component that shows it. */
export function derivedFrom<T>(compute: (doc: Y.Doc) => T, throttleMs: number): (doc: Y.Doc) => DocDerived<T> {
  const cache = new WeakMap<Y.Doc, DocDerived<T>>();
  return (doc) => {
    let derived = cache.get(doc);
    if (!derived) {
      derived = new DocDerived(doc, compute, throttleMs);
      cache.set(doc, derived);
    }
    return derived;
  };
}

export function useDerived<T>(derived: DocDerived<T>): T {
  return useSyncExternalStore(derived.subscribe, derived.getSnapshot);
}
