/**
 * Sign-on: which organisations endorse a coalition's report. The organisations are the coalition's (kept in step
 * with its list) until the report lists organisations of its own (cover field `organisations`); each one's
 * endorsement is pending until an owner or editor confirms it. Confirmations live on the server (who confirmed
 * is stamped there from the signed-in account, never taken from a document anyone can write), so a report's
 * cover names an organisation only after a person with the right confirmed it. A report without a coalition has
 * no one else to sign on: its own list is printed as it is.
 */
export const SIGN_ON_STATUSES = ['pending', 'confirmed'] as const;
export type SignOnStatus = (typeof SIGN_ON_STATUSES)[number];

export function isSignOnStatus(value: unknown): value is SignOnStatus {
  return (SIGN_ON_STATUSES as readonly unknown[]).includes(value);
}

export interface SignOnEntry {
  name: string;
  status: SignOnStatus;
  /** The account that confirmed, with the name it had then; null while pending. */
  confirmedBy: { id: string; name: string } | null;
  confirmedAt: string | null;
}

/** `GET /api/reports/:id/sign-on`. */
export interface SignOnResponse {
  organisations: SignOnEntry[];
  /** Whose list it is: the coalition's, or the report's own. */
  source: 'coalition' | 'report';
  /** Whether the cover waits for confirmations (a coalition's report). */
  required: boolean;
  /** The coalition's list (null without a coalition), so a client can follow the report's own list as it changes. */
  coalitionOrganisations: string[] | null;
}

/** A stored confirmation. */
export interface SignOnConfirmation {
  organisation: string;
  confirmedBy: { id: string; name: string };
  confirmedAt: string;
}

/** The organisations of a report with their sign-on status, from its own list, its coalition's list and the confirmations. */
export function signOnList(own: string[], coalition: string[] | null, confirmations: SignOnConfirmation[]): SignOnResponse {
  const source = coalition !== null && own.length === 0 ? 'coalition' : 'report';
  const names = [...new Set(source === 'coalition' ? coalition! : own)];
  const byName = new Map(confirmations.map((c) => [c.organisation, c]));
  return {
    source,
    required: coalition !== null,
    coalitionOrganisations: coalition,
    organisations: names.map((name) => {
      const c = byName.get(name);
      return c
        ? { name, status: 'confirmed', confirmedBy: c.confirmedBy, confirmedAt: c.confirmedAt }
        : { name, status: 'pending', confirmedBy: null, confirmedAt: null };
    }),
  };
}

/** The sign-on as it stands with the report's own list as it is now (which may have changed since `last` was read). */
export function withOwnList(last: SignOnResponse, own: string[]): SignOnResponse {
  const confirmations = last.organisations.flatMap((o): SignOnConfirmation[] =>
    o.status === 'confirmed' && o.confirmedBy && o.confirmedAt ? [{ organisation: o.name, confirmedBy: o.confirmedBy, confirmedAt: o.confirmedAt }] : [],
  );
  return signOnList(own, last.coalitionOrganisations, confirmations);
}

/** The organisations the cover names: the confirmed ones of a coalition's report, every listed one otherwise. */
export function coverOrganisations(signOn: SignOnResponse): string[] {
  return signOn.organisations.filter((o) => !signOn.required || o.status === 'confirmed').map((o) => o.name);
}

/** The ones still pending, where sign-on is required. */
export function pendingOrganisations(signOn: SignOnResponse): string[] {
  return signOn.required ? signOn.organisations.filter((o) => o.status === 'pending').map((o) => o.name) : [];
}
