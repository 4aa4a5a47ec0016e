import { describe, expect, it } from 'vitest';
import { parseRoute, reportPath } from './routes.ts';

const id = '4f9c2a7e-1b3d-4c5e-8f60-7a8b9c0d1e2f';

describe('parseRoute', () => {
  it('opens the report list at the root', () => {
    expect(parseRoute('/')).toEqual({ name: 'reports' });
    expect(parseRoute('/reports/')).toEqual({ name: 'reports' });
  });

  it('opens a report by its id, and round-trips reportPath', () => {
    expect(parseRoute(reportPath(id))).toEqual({ name: 'report', reportId: id });
  });

  it('does not treat other paths as reports', () => {
    expect(parseRoute('/reports/not-a-uuid')).toEqual({ name: 'not-found' });
    expect(parseRoute(`/reports/${id}/extra`)).toEqual({ name: 'not-found' });
  });
});
