/**
 * The stock y-websocket provider sends every presence change it sees back to the server, including the ones
 * the server has just sent it: each collaborator's caret move comes back from every other open tab. On a poor
 * connection that is upload spent on nothing (the server already has them and ignores them). This keeps the
 * provider to sending its own presence.
 */
import type { WebsocketProvider } from 'y-websocket';

export function sendOwnPresenceOnly(provider: WebsocketProvider): void {
  const send = provider._awarenessUpdateHandler;
  provider.awareness.off('update', send);
  // Changes the provider applied from the server carry the provider as their origin.
  provider._awarenessUpdateHandler = (changes, origin) => {
    if (origin !== provider) send(changes, origin);
  };
  // provider.destroy() unsubscribes whatever handler the provider holds, so this one goes with it.
  provider.awareness.on('update', provider._awarenessUpdateHandler);
}
