/**
 * WebSocket close codes the sync server sends and the client switches on. 4000-4999 is the range RFC 6455
 * leaves to applications; the last three digits echo the matching HTTP status.
 */
export const CloseCodes = {
  /**
   * The message could not be decoded as a y-websocket message or Yjs update, or the sync path itself could not
   * be decoded (then the reason says "Malformed sync path").
   */
  MalformedMessage: { code: 4400, reason: 'Malformed sync message' },
  /**
   * A presence (awareness) state over 8 KiB, or one connection speaking for more client ids than a client uses; on
   * `/esync`, a sealed presence envelope over 8 KiB (MAX_PRESENCE_ENVELOPE_BYTES).
   */
  PresenceTooLarge: { code: 4413, reason: 'Presence too large' },
  /** The account already holds the most sync connections one account may hold (`MAX_CONNECTIONS_PER_ACCOUNT`). */
  TooManyConnections: { code: 4429, reason: 'Too many connections' },
  /** No valid session or token, or the session was signed out or expired. */
  Unauthorized: { code: 4401, reason: 'Not signed in' },
  /** The connection's role may not change this document. */
  ReadOnly: { code: 4403, reason: 'Read only' },
  /** A change the connection's user may not make (another person's comment, a reviewer deciding a suggestion). */
  ChangeRefused: { code: 4422, reason: 'Change refused' },
  /** The URL names no report, or one that does not exist. */
  UnknownReport: { code: 4404, reason: 'Unknown report' },
  /** The user's role on the report changed (raised); the client reloads its role and reconnects. */
  RoleChanged: { code: 4409, reason: 'Role changed' },
  /** The report was deleted while connected. */
  ReportDeleted: { code: 4410, reason: 'Report deleted' },
  /** A message exceeded the configured size limit (ws itself uses 1009 when it rejects a frame). */
  MessageTooBig: { code: 1009, reason: 'Message too big' },
  /**
   * The report holds as much as the server allows (REPORT_MAX_BYTES): the change was refused, not applied or
   * relayed. Reconnecting would send it again; the client stops and explains (remove large pasted content, delete
   * old versions, or ask the administrator).
   */
  ReportFull: { code: 4507, reason: 'Report at its size limit' },
  /** The document could not be loaded from storage; the client should retry later. */
  LoadFailed: { code: 4503, reason: 'Report could not be loaded, retry shortly' },
  /** Encrypted sync (issue 11, 4440-4449): a frame that is not a v1 message, or an envelope that cannot be read. */
  EncryptedMalformed: { code: 4440, reason: 'Malformed encrypted message' },
  /** The plain sync path for an encrypted report, or the encrypted path for a plain one: the server relays no plain text for it. */
  WrongSyncKind: { code: 4441, reason: 'Report encryption does not match this sync path' },
  /** An update sealed with a key generation that is not the report's current one (the key was rotated): fetch keys, reconnect. */
  StaleKeyGeneration: { code: 4442, reason: 'Report key rotated' },
  /** An envelope whose signer, report or document is not this connection's. */
  EnvelopeMismatch: { code: 4443, reason: 'Envelope does not match this connection' },
  /** A snapshot that claims to cover updates the server does not have, or one from a connection that may not make one (a reviewer's). */
  SnapshotRefused: { code: 4445, reason: 'Snapshot refused' },
  /** The server is shutting down; the client reconnects. */
  ServerShutdown: { code: 1012, reason: 'Server restarting' },
} as const;

export type CloseCodeName = keyof typeof CloseCodes;

/** Close codes after which reconnecting cannot help until something changes (the user, the URL, the role). */
export const TERMINAL_CLOSE_CODES: ReadonlySet<number> = new Set([
  CloseCodes.Unauthorized.code,
  CloseCodes.UnknownReport.code,
  CloseCodes.ReportDeleted.code,
  CloseCodes.ReportFull.code,
]);

/**
 * For y-websocket's `shouldReconnect`: the stock provider stops by itself only after 4400-4499; a full report
 * (4507) must stop it too, or it would resend the refused change forever.
 */
export function shouldReconnectAfter(code: number): boolean {
  return !(code >= 4400 && code < 4500) && code !== CloseCodes.ReportFull.code;
}

export function closeCodeName(code: number): CloseCodeName | null {
  for (const [name, value] of Object.entries(CloseCodes)) if (value.code === code) return name as CloseCodeName;
  return null;
}
