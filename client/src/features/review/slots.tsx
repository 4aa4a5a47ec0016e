/**
 * A whole sentence as one message with elements inside it: `fillSlots(t(key, { quote: slot('quote') }), { quote: <q>…</q> })`.
 * The message stays one piece for translators (they order the words); each `{placeholder}` given a slot is
 * replaced by its React node. Unlike markup in a message, text inside the nodes (people's words) is never parsed.
 */
import { Fragment, type ReactNode } from 'react';

const OPEN = '\uE000';
const CLOSE = '\uE001';
const SLOTS = new RegExp(`${OPEN}(\\w+)${CLOSE}`);

/** The value to give t() for a placeholder that an element fills. */
export const slot = (name: string): string => `${OPEN}${name}${CLOSE}`;

/** The translated text with each slot replaced by its node. */
export function fillSlots(text: string, nodes: Record<string, ReactNode>): ReactNode {
  return text.split(SLOTS).map((part, i) => <Fragment key={i}>{i % 2 === 1 ? nodes[part] : part}</Fragment>);
}
