/** The discussion guard now lives in shared/ (browsers run it on encrypted reports' discussions, issue 11). */
export { MISSING_DEPENDENCIES, refuseDiscussionUpdate, type DiscussionWriter } from '../../../shared/discussion/guard.ts';
