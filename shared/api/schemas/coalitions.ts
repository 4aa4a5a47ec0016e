/** Request bodies of /api/coalitions and its invitations. */
import { z } from 'zod';
import { body, requiredText, role } from './common.ts';

const organisations = z.array(requiredText(200)).max(100).meta({ description: 'The organisations in the coalition, as named on a cover page.' });

export const NewCoalition = body({
  name: requiredText(200, 'The coalition’s name.'),
  organisations: organisations.optional(),
}).meta({ examples: [{ name: 'Freedonia CERD coalition', organisations: ['Freedonia Human Rights City', 'Roma Rights Freedonia'] }] });

export const CoalitionChange = body({
  name: requiredText(200).optional(),
  organisations: organisations.optional(),
});

export const NewCoalitionInvitation = body({
  role,
  expiresInHours: z.number().gt(0).max(30 * 24).optional(),
}).meta({ examples: [{ role: 'editor', expiresInHours: 72 }] });

export const CoalitionMemberChange = body({
  role: role.optional(),
  manager: z.boolean().optional(),
});
