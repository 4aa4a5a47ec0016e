/** y-websocket message types (the first varuint of every frame), as the stock client sends them. */
export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
} as const;
