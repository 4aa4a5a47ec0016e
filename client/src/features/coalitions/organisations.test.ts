import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../i18n/i18n.ts';
import { cleanOrganisations, moveItem, organisationsProblem, removeItem } from './organisations.ts';

beforeAll(() => initI18n('en'));

describe('organisations list', () => {
  const orgs = ['Roma Rights Centre', 'Migrants Legal Aid', 'Housing Justice'];

  it('moves an organisation up or down, and not past either end', () => {
    expect(moveItem(orgs, 2, -1)).toEqual(['Roma Rights Centre', 'Housing Justice', 'Migrants Legal Aid']);
    expect(moveItem(orgs, 0, 1)).toEqual(['Migrants Legal Aid', 'Roma Rights Centre', 'Housing Justice']);
    expect(moveItem(orgs, 0, -1)).toEqual(orgs);
    expect(moveItem(orgs, 2, 1)).toEqual(orgs);
  });

  it('removes one, and sends trimmed names without blank rows', () => {
    expect(removeItem(orgs, 1)).toEqual(['Roma Rights Centre', 'Housing Justice']);
    expect(cleanOrganisations(['  Roma Rights Centre ', '', '   ', 'Housing Justice'])).toEqual(['Roma Rights Centre', 'Housing Justice']);
  });

  it('catches a name listed twice or too long', () => {
    expect(organisationsProblem(orgs)).toBeNull();
    expect(organisationsProblem(['Roma Rights Centre', 'roma rights centre '])).toBe('“roma rights centre” is listed twice.');
    expect(organisationsProblem(['x'.repeat(201)])).toMatch(/longer than 200 characters/);
  });
});
