import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../../api/http.ts';
import { deadLinkMessage, invitationLink } from './invitations.ts';

describe('invitationLink', () => {
  it('points at this app’s own address, whatever the server guessed', () => {
    expect(invitationLink({ token: 'abc_-9' }, 'https://rightsdraft.example.org')).toBe('https://rightsdraft.example.org/invite/abc_-9');
  });
});

describe('deadLinkMessage', () => {
  it('tells an expired, used or unknown link apart', () => {
    expect(deadLinkMessage(new ApiError(410, 'invitation_expired', 'x'))?.title).toBe('This invitation has expired');
    expect(deadLinkMessage(new ApiError(410, 'invitation_used', 'x'))?.title).toBe('This invitation has been used already');
    expect(deadLinkMessage(new ApiError(404, 'not_found', 'x'))?.title).toBe('This invitation link is not valid');
  });

  it('leaves other failures to the generic message', () => {
    expect(deadLinkMessage(new NetworkError('offline'))).toBeNull();
    expect(deadLinkMessage(new ApiError(500, 'internal_error', 'x'))).toBeNull();
  });
});
