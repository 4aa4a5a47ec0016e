import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../../api/http.ts';
import { i18n, initI18n } from '../../i18n/i18n.ts';
import { deadLinkMessage, invitationLink } from './invitations.ts';

describe('invitationLink', () => {
  it('uses the server’s link when its public address is set', () => {
    expect(invitationLink({ token: 'abc_-9', url: 'https://rightsdraft.example.org/invite/abc_-9' }, 'http://10.0.0.5:8787')).toBe('https://rightsdraft.example.org/invite/abc_-9');
  });

  it('points at this app’s own address when the server only guessed its own', () => {
    expect(invitationLink({ token: 'abc_-9', url: 'http://internal:8787/invite/abc_-9', warning: 'PUBLIC_URL is not set' }, 'https://rightsdraft.example.org')).toBe(
      'https://rightsdraft.example.org/invite/abc_-9',
    );
  });
});

describe('deadLinkMessage', () => {
  beforeAll(() => initI18n('en'));
  const title = (err: unknown) => i18n.t(deadLinkMessage(err)?.titleKey ?? '');

  it('tells an expired, used or unknown link apart', () => {
    expect(title(new ApiError(410, 'invitation_expired', 'x'))).toBe('This invitation has expired');
    expect(title(new ApiError(410, 'invitation_used', 'x'))).toBe('This invitation has been used already');
    expect(title(new ApiError(404, 'not_found', 'x'))).toBe('This invitation link is not valid');
  });

  it('leaves other failures to the generic message', () => {
    expect(deadLinkMessage(new NetworkError('offline'))).toBeNull();
    expect(deadLinkMessage(new ApiError(500, 'internal_error', 'x'))).toBeNull();
  });
});
