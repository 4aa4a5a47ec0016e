/** Request bodies of /api/follow-up: the tracker of concluding observations and recommendations. */
import { z } from 'zod';
import { FOLLOW_UP_LIMITS as L, FOLLOW_UP_STATUSES } from '../../followup/types.ts';
import { body, isoDate, requiredText, text, uuid } from './common.ts';

export const FollowUpImport = body({
  coalitionId: uuid('The coalition whose tracker gets them; null or absent for your own.').nullable().optional(),
  format: z.enum(['treaty-body', 'upr']).optional().meta({ description: 'How the pasted text is laid out (default treaty-body).' }),
  state: requiredText(L.stateChars, 'The State reviewed.'),
  text: requiredText(L.pasteChars, 'Concluding observations or the UPR recommendations, pasted as printed.'),
  adoptedOn: isoDate('When they were adopted.').nullable().optional(),
  documentSymbol: text(L.symbolChars, 'e.g. CERD/C/FRD/CO/10-12').optional(),
  mechanism: text(20).optional(),
}).meta({ examples: [{ state: 'Freedonia', text: '21. The Committee recommends that the State party…', adoptedOn: '2022-08-30', documentSymbol: 'CERD/C/FRD/CO/10-12' }] });

export const FollowUpChange = z.strictObject({
  text: requiredText(L.textChars).optional(),
  topic: text(L.topicChars).optional(),
  paragraph: text(L.paragraphChars).optional(),
  followUpDue: isoDate('When the follow-up information is due.').nullable().optional(),
});

export const FollowUpLog = body({
  status: z.enum(FOLLOW_UP_STATUSES),
  observedOn: isoDate('The date the evidence is from.'),
  place: text(L.placeChars, 'A city, county or region; empty for the State as a whole.').optional(),
  note: text(L.noteChars).optional(),
  evidenceUrl: text(L.urlChars, 'An http or https address.').nullable().optional(),
}).meta({ examples: [{ status: 'in progress', observedOn: '2026-11-02', place: 'Freedonia City', note: 'The council adopted an action plan.' }] });
