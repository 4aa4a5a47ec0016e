import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { DocDerived } from './docDerived.ts';

describe('DocDerived', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup(throttleMs = 300) {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    const compute = vi.fn((d: Y.Doc) => d.getText('t').length);
    const derived = new DocDerived(doc, compute, throttleMs, () => Date.now());
    return { doc, text, compute, derived };
  }

  it('computes on the first read and not again while nothing changes', () => {
    const { derived, compute } = setup();
    expect(derived.getSnapshot()).toBe(0);
    expect(derived.getSnapshot()).toBe(0);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('recomputes at most once per interval while typing, and once more after the last keystroke', () => {
    const { derived, compute, text } = setup(300);
    const listener = vi.fn();
    derived.getSnapshot();
    derived.subscribe(listener);
    for (let i = 0; i < 10; i++) {
      text.insert(text.length, 'a');
      vi.advanceTimersByTime(50);
    }
    // 500 ms of typing: one run at once (the first change after a quiet spell) and one 300 ms later.
    expect(compute.mock.calls.length).toBeLessThanOrEqual(3);
    vi.advanceTimersByTime(1000);
    expect(derived.getSnapshot()).toBe(10);
    expect(listener).toHaveBeenCalled();
  });

  it('computes nothing while nobody listens, and catches up on the next read', () => {
    const { derived, compute, text } = setup();
    derived.getSnapshot();
    const stop = derived.subscribe(() => undefined);
    stop();
    text.insert(0, 'abc');
    vi.advanceTimersByTime(5000);
    expect(compute).toHaveBeenCalledTimes(1);
    expect(derived.getSnapshot()).toBe(3);
  });

  it('sees deletions, which leave the state vector unchanged', () => {
    const { derived, text } = setup(0);
    text.insert(0, 'abcdef');
    derived.subscribe(() => undefined);
    vi.advanceTimersByTime(10);
    text.delete(0, 4);
    vi.advanceTimersByTime(10);
    expect(derived.getSnapshot()).toBe(2);
  });
});
