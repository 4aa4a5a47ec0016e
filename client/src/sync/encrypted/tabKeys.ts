/**
 * What the encrypted transports of one report share in a tab (one per document: the content and the discussion):
 * key loads run one at a time, or both would find a rotation needed and both make a new key; and a rotation made by
 * one of them re-seals every document of the report.
 */
import type { AccountKeyPairs } from '../../../../shared/e2ee/accountKeys.ts';
import { loadReportKeys } from '../../e2ee/reportKeyring.ts';

type Loaded = Awaited<ReturnType<typeof loadReportKeys>>;

const keyLoads = new Map<string, Promise<Loaded>>();
const rotationListeners = new Map<string, Set<(generation: number) => void>>();

/** Load the report's keys after any load of them already under way in this tab. */
export function loadKeysInTurn(reportId: string, accountId: string, own: AccountKeyPairs): Promise<Loaded> {
  const at = `${accountId}:${reportId}`;
  const load = (keyLoads.get(at) ?? Promise.resolve(null)).catch(() => null).then(() => loadReportKeys(reportId, accountId, own));
  keyLoads.set(at, load);
  const forget = () => {
    if (keyLoads.get(at) === load) keyLoads.delete(at);
  };
  load.then(forget, forget);
  return load;
}

/** Hear of rotations this tab makes of a report's key; returns the function that stops listening. */
export function onRotation(reportId: string, listener: (generation: number) => void): () => void {
  let listeners = rotationListeners.get(reportId);
  if (!listeners) rotationListeners.set(reportId, (listeners = new Set()));
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && rotationListeners.get(reportId) === listeners) rotationListeners.delete(reportId);
  };
}

export function announceRotation(reportId: string, generation: number): void {
  for (const listener of rotationListeners.get(reportId) ?? []) listener(generation);
}
