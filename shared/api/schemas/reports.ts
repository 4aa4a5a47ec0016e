/** Request bodies of /api/reports and what hangs off a report. */
import { z } from 'zod';
import { MECHANISMS } from '../mechanisms.ts';
import { LIMITS } from '../validate.ts';
import { SUBMISSION_TYPES } from '../../report/submissionTypes.ts';
import { TEMPLATE_IDS } from '../../templates/templateIds.ts';
import { SIGN_ON_STATUSES } from '../../report/signOn.ts';
import { body, email, requiredText, role, text, uuid } from './common.ts';

export const CreateReport = body({
  title: requiredText(LIMITS.titleChars, 'The report’s title.'),
  mechanism: z.enum(MECHANISMS).meta({ description: 'The treaty body or the UPR the report is for.' }),
  stateUnderReview: text(LIMITS.stateChars, 'The State under review.').optional(),
  id: uuid('An id chosen by the client (a report made offline keeps its id).').optional(),
  submissionType: z.enum(SUBMISSION_TYPES).nullable().optional(),
  language: z.string().max(35).optional().meta({ description: 'The report’s language, a BCP 47 tag ("en", "fr", "es-419"); default the creator’s interface language.' }),
  template: z.union([z.boolean(), z.enum(TEMPLATE_IDS)]).optional().meta({ description: 'true for the mechanism’s default template, or a template id; false or absent for an empty report.' }),
  encrypted: z.boolean().optional().meta({ description: 'End-to-end encrypted: the server then stores only ciphertext (docs/ENCRYPTION.md).' }),
  coalitionId: uuid('The coalition the report belongs to; its members get their coalition role on it.').nullable().optional(),
}).meta({ examples: [{ title: 'Shadow report to CERD, 2026', mechanism: 'CERD', stateUnderReview: 'Freedonia', template: true }] });

export const DuplicateReport = body({
  title: requiredText(LIMITS.titleChars, 'The copy’s title (default: the title with “(copy)”).').optional(),
}).meta({ examples: [{ title: 'Copy of the CERD report' }] });

export const Schedule = body({
  session: z.string().max(200).nullable().optional().meta({ description: 'The committee session, as text, or null.' }),
  deadline: z.string().max(100).nullable().optional().meta({ description: 'The submission deadline: an ISO 8601 date, or a date-time with an offset or an IANA zone ("2026-09-01T17:00 Europe/Geneva"), or null.' }),
}).meta({ examples: [{ session: '115th session', deadline: '2026-09-01T12:00:00+02:00' }] });

export const SignOn = body({
  organisation: requiredText(200, 'A submitting organisation as named on the report’s cover (others are refused).'),
  status: z.enum(SIGN_ON_STATUSES),
}).meta({ examples: [{ organisation: 'Freedonia Human Rights City', status: 'confirmed' }] });

export const AddMember = body({
  email,
  role,
}).meta({ examples: [{ email: 'amina@example.org', role: 'reviewer' }] });

export const InvitationToken = body({
  token: requiredText(200, 'The token from the invitation link.'),
});

export const NewVersion = body({
  name: requiredText(200, 'A name for the version, e.g. "Sent to the coalition".'),
}).meta({ examples: [{ name: 'Draft for the coalition meeting' }] });

export const TestimonyContact = body({
  realName: text(200, 'The witness’s real name, kept out of the report and its exports.').optional(),
  contact: text(500, 'How to reach the witness.').optional(),
}).meta({ examples: [{ realName: 'A. B.', contact: '+000 000 000' }] });
