/**
 * Review on the open report: the discussion session, who is reviewing with which role, and the report's
 * members (for mentions). Wraps the report workspace; every review component reads it with `useReview()`.
 */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { atLeast, canWriteDocument, type Role } from '../../../../shared/api/roles.ts';
import type { Author } from '../../../../shared/discussion/layout.ts';
import type { Transport } from '../../sync/providers.ts';
import type { ReportSession } from '../../sync/ReportSession.ts';
import { useSessionSnapshot } from '../../sync/useReportSession.ts';
import { useCurrentUser } from './currentUser.ts';
import { DiscussionSession } from './DiscussionSession.ts';
import { fetchMembers, type Member } from './reviewApi.ts';
import { useReportRole } from './useReportRole.ts';
import { useReviewStore } from './reviewStore.ts';

export interface ReviewContextValue {
  reportId: string;
  session: ReportSession;
  discussion: DiscussionSession;
  me: Author | null;
  /** Undefined while being asked for, null when it cannot be known. */
  role: Role | null | undefined;
  /** May write comments and suggestions (reviewers and up, once the account is known). */
  canComment: boolean;
  /** May change the text. Unknown role: the content session decides, as before roles were known. */
  canWriteContent: boolean;
  /** May accept or reject suggestions, save and restore versions. */
  canDecide: boolean;
  /** Reviewers: every edit they attempt becomes a suggestion. */
  suggestOnly: boolean;
  members: Member[];
}

const ReviewContext = createContext<ReviewContextValue | null>(null);

export function useReview(): ReviewContextValue | null {
  return useContext(ReviewContext);
}

/** The discussion session lives as long as the report is open; made in an effect so StrictMode's second run gets a fresh one. */
function useDiscussionSession(reportId: string, transport: Transport): DiscussionSession | null {
  const [discussion, setDiscussion] = useState<DiscussionSession | null>(null);
  // The transport object is the session's, made once; its parts are what matter.
  const accountId = transport.encrypted ? transport.accountId : null;
  useEffect(() => {
    const created = new DiscussionSession(reportId, accountId ? { encrypted: true, accountId } : { encrypted: false });
    created.start();
    setDiscussion(created);
    return () => {
      created.destroy();
      setDiscussion(null);
    };
  }, [reportId, accountId]);
  return discussion;
}

export function ReviewProvider({ session, children }: { session: ReportSession; children: ReactNode }) {
  const discussion = useDiscussionSession(session.reportId, session.transport);
  const { facts } = useSessionSnapshot(session);
  const account = useCurrentUser();
  // The session's role (the accounts UI reads it before each connection and after a 4403) when it knows it;
  // otherwise the review's own request, which also says when the role is still being asked for.
  const askedRole = useReportRole(session.reportId, facts.online);
  const role = facts.role ?? askedRole;
  const [members, setMembers] = useState<Member[]>([]);

  useEffect(() => {
    discussion?.setServerReady(facts.handshakeDone);
  }, [discussion, facts.handshakeDone]);

  useEffect(() => {
    if (!facts.online) return;
    let live = true;
    fetchMembers(session.reportId).then(
      (m) => live && setMembers(m),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [session.reportId, facts.online]);

  useEffect(() => () => useReviewStore.getState().reset(), []);

  const meId = account?.id;
  const meName = account?.name;
  const value = useMemo<ReviewContextValue | null>(() => {
    if (!discussion) return null;
    const me = meId && meName ? { id: meId, name: meName } : null;
    return {
      reportId: session.reportId,
      session,
      discussion,
      me,
      role,
      canComment: !!me && canWriteDocument(role ?? null, 'discussion'),
      canWriteContent: role === null || (role !== undefined && canWriteDocument(role, 'content')),
      canDecide: atLeast(role ?? null, 'editor'),
      suggestOnly: role === 'reviewer',
      members,
    };
  }, [discussion, session, meId, meName, role, members]);

  return <ReviewContext.Provider value={value}>{children}</ReviewContext.Provider>;
}
