import { ROLE_LABELS, type Role } from '../../../shared/api/roles.ts';
import { roleDescription } from '../auth/permissions.ts';

/**
 * A role as a small badge; its description shows on hover and on keyboard focus (a CSS tooltip, so it works
 * without a mouse) and is part of its accessible name.
 */
export function RoleBadge({ role, prefix, focusable = false }: { role: Role; prefix?: string; focusable?: boolean }) {
  const tip = roleDescription(role);
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
      {ROLE_LABELS[role]}
    </span>
  );
}
