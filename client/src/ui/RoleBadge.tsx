import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/api/roles.ts';
import { roleAllows, roleName } from '../i18n/roleText.ts';

/**
 * A role as a small badge; its description shows on hover and on keyboard focus (a CSS tooltip, so it works
 * without a mouse) and is part of its accessible name.
 */
export function RoleBadge({ role, prefix, focusable = false }: { role: Role; prefix?: string; focusable?: boolean }) {
  const { t } = useTranslation();
  const tip = t('role.description', { role: roleName(role, t), allows: roleAllows(role, t) });
  return (
    <span
      className={`role-badge role-badge--${role}`}
      data-testid="role-badge"
      data-role={role}
      data-tip={tip}
      tabIndex={focusable ? 0 : undefined}
      aria-label={prefix ? `${prefix} ${tip}` : tip}
      role={focusable ? 'note' : undefined}
    >
      {prefix && <span className="role-badge__prefix">{prefix} </span>}
      {roleName(role, t)}
    </span>
  );
}
