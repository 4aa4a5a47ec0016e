import { describe, expect, it } from 'vitest';
import { coalitionPath, fragmentParam, nextPath, parseRoute, reportPath, signInPath } from './routes.ts';

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

  it('knows the account, coalition and invitation pages', () => {
    expect(parseRoute('/signin')).toEqual({ name: 'signin' });
    expect(parseRoute('/signup/')).toEqual({ name: 'signup' });
    expect(parseRoute('/coalitions')).toEqual({ name: 'coalitions' });
    expect(parseRoute('/account')).toEqual({ name: 'account' });
    expect(parseRoute('/admin/')).toEqual({ name: 'admin' });
    expect(parseRoute(coalitionPath(id))).toEqual({ name: 'coalition', coalitionId: id });
    expect(parseRoute('/invite/Ab3_x-9')).toEqual({ name: 'invite', token: 'Ab3_x-9' });
    expect(parseRoute('/invite/a%20b')).toEqual({ name: 'not-found' });
    expect(parseRoute('/invite')).toEqual({ name: 'not-found' });
  });
});

describe('nextPath', () => {
  it('comes back to the page that asked for a sign-in', () => {
    expect(nextPath(new URL('http://x' + signInPath(reportPath(id))).search)).toBe(reportPath(id));
    expect(signInPath('/')).toBe('/signin');
  });

  it('never leaves the app', () => {
    expect(nextPath('?next=https://evil.example')).toBe('/');
    expect(nextPath('?next=//evil.example')).toBe('/');
    expect(nextPath('?next=/\\evil.example')).toBe('/');
    expect(nextPath('')).toBe('/');
  });
});

describe('pages opened from mails', () => {
  it('knows them by path, and reads their token from the fragment', () => {
    expect(parseRoute('/forgot-password')).toEqual({ name: 'forgot-password' });
    expect(parseRoute('/reset-password')).toEqual({ name: 'reset-password' });
    expect(parseRoute('/confirm-account/')).toEqual({ name: 'confirm-account' });
    expect(parseRoute('/report-invitation')).toEqual({ name: 'report-invitation' });
    expect(fragmentParam('#token=Ab3_x-9', 'token')).toBe('Ab3_x-9');
    expect(fragmentParam('#token=Ab3&next=%2Finvite%2Fxyz', 'next')).toBe('/invite/xyz');
    expect(fragmentParam('', 'token')).toBeNull();
  });
});
