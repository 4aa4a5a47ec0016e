import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../shared/api/roles.ts';
import { isReader, permissionsFor, readOnlyMessage, roleWithArticle, whatYouCanDo } from './permissions.ts';

describe('permissionsFor', () => {
  it('lets owners do everything, editors write, reviewers discuss and viewers only read', () => {
    expect(permissionsFor('owner')).toEqual({ editContent: true, discuss: true, manageMembers: true, deleteReport: true });
    expect(permissionsFor('editor')).toEqual({ editContent: true, discuss: true, manageMembers: false, deleteReport: false });
    expect(permissionsFor('reviewer')).toEqual({ editContent: false, discuss: true, manageMembers: false, deleteReport: false });
    expect(permissionsFor('viewer')).toEqual({ editContent: false, discuss: false, manageMembers: false, deleteReport: false });
  });

  it('keeps a copy whose role was never fetched editable, and nothing more', () => {
    expect(permissionsFor(null)).toEqual({ editContent: true, discuss: true, manageMembers: false, deleteReport: false });
    expect(isReader(null)).toBe(false);
  });

  it('calls reviewers and viewers readers', () => {
    expect(ROLES.filter(isReader)).toEqual(['reviewer', 'viewer']);
  });
});

describe('readOnlyMessage', () => {
  it('names the role with the right article', () => {
    expect(readOnlyMessage('reviewer')).toBe('Suggesting and commenting — you are a reviewer on this report');
    expect(readOnlyMessage('viewer')).toBe('Read only — you are a viewer on this report');
    expect(roleWithArticle('editor')).toBe('an editor');
    expect(roleWithArticle('owner')).toBe('an owner');
  });
});

describe('whatYouCanDo', () => {
  it('tells the holder what their role lets them do', () => {
    expect(whatYouCanDo('reviewer')).toBe('As a reviewer, you read the text and write comments and suggestions');
    expect(whatYouCanDo('editor')).toBe('As an editor, you write the text');
  });
});
