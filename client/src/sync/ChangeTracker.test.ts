import { describe, expect, it } from 'vitest';
import { ChangeTracker } from './ChangeTracker.ts';

function setup(initialUnsynced = 0) {
  let clock = 1_000_000;
  let requests = 0;
  const tracker = new ChangeTracker({
    requestConfirmation: () => requests++,
    onChange: () => undefined,
    burstMs: 2000,
    initialUnsynced,
    now: () => clock,
  });
  return {
    tracker,
    requests: () => requests,
    advance: (ms: number) => (clock += ms),
  };
}

describe('ChangeTracker', () => {
  it('counts a run of keystrokes as one change and a pause as the start of another', () => {
    const { tracker, advance } = setup();
    tracker.localChange();
    advance(300);
    tracker.localChange();
    expect(tracker.unsynced).toBe(1);
    advance(5000);
    tracker.localChange();
    expect(tracker.unsynced).toBe(2);
  });

  it('keeps offline edits until the answer to a step 1 sent after them arrives', () => {
    const { tracker, requests } = setup();
    tracker.localChange();
    tracker.opened(); // the provider's own step 1 is in flight
    tracker.serverAskedForChanges(); // we answer with the offline edit
    expect(requests()).toBe(0); // waits for the provider's step 1 to be answered first
    tracker.serverAnswered(); // answer to the provider's step 1: sent before our edit
    expect(tracker.unsynced).toBe(1);
    expect(requests()).toBe(1);
    tracker.serverAnswered(); // answer to ours
    expect(tracker.unsynced).toBe(0);
  });

  it('confirms edits made while connected with one request in flight at a time', () => {
    const { tracker, requests, advance } = setup();
    tracker.opened();
    tracker.serverAskedForChanges();
    tracker.serverAnswered();
    tracker.localChange();
    expect(requests()).toBe(1);
    advance(3000);
    tracker.localChange(); // second burst while the first request is in flight
    expect(requests()).toBe(1);
    tracker.serverAnswered(); // confirms the first burst, then asks for the second
    expect(tracker.unsynced).toBe(1);
    expect(requests()).toBe(2);
    tracker.serverAnswered();
    expect(tracker.unsynced).toBe(0);
  });

  it('does not count edits as confirmed when the connection drops before the answer', () => {
    const { tracker } = setup();
    tracker.opened();
    tracker.serverAskedForChanges();
    tracker.serverAnswered();
    tracker.localChange();
    tracker.closed();
    tracker.serverAnswered(); // a stray message after the close changes nothing
    expect(tracker.unsynced).toBe(1);
    tracker.opened();
    tracker.serverAskedForChanges();
    tracker.serverAnswered();
    tracker.serverAnswered();
    expect(tracker.unsynced).toBe(0);
  });

  it('carries changes left unsynced by an earlier visit until the server confirms them', () => {
    const { tracker } = setup(3);
    expect(tracker.unsynced).toBe(3);
    tracker.opened();
    tracker.serverAskedForChanges();
    tracker.serverAnswered();
    expect(tracker.unsynced).toBe(3);
    tracker.serverAnswered();
    expect(tracker.unsynced).toBe(0);
  });
});

describe('ChangeTracker.carryOver', () => {
  it('adds the earlier visit\u2019s changes before this visit\u2019s and confirms them together', () => {
    const { tracker } = setup();
    tracker.localChange();
    tracker.carryOver(2);
    expect(tracker.unsynced).toBe(3);
    tracker.opened();
    tracker.serverAskedForChanges();
    tracker.serverAnswered();
    tracker.serverAnswered();
    expect(tracker.unsynced).toBe(0);
  });
});
