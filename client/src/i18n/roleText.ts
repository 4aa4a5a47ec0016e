/** A role's name and what it allows, in the interface language. */
import type { TFunction } from 'i18next';
import type { Role } from '../../../shared/api/roles.ts';

export function roleName(role: Role, t: TFunction): string {
  switch (role) {
    case 'owner':
      return t('role.owner');
    case 'editor':
      return t('role.editor');
    case 'reviewer':
      return t('role.reviewer');
    default:
      return t('role.viewer');
  }
}

export function roleAllows(role: Role, t: TFunction): string {
  switch (role) {
    case 'owner':
      return t('role.owner.allows');
    case 'editor':
      return t('role.editor.allows');
    case 'reviewer':
      return t('role.reviewer.allows');
    default:
      return t('role.viewer.allows');
  }
}
