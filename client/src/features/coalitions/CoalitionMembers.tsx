/**
 * A coalition's members with their role on its reports. Managers change roles and the manager flag and remove
 * members; everyone can leave.
 */
import { useId, useState } from 'react';
import { ROLE_LABELS, ROLES, type Role } from '../../../../shared/api/roles.ts';
import { removeMember, updateMember, type CoalitionDetail, type CoalitionMember } from '../../api/coalitionsApi.ts';
import { describeError } from '../../api/http.ts';
import { roleDescription } from '../../auth/permissions.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { RoleBadge } from '../../ui/RoleBadge.tsx';

export function CoalitionMembers({
  coalition,
  onChanged,
  onLeft,
}: {
  coalition: CoalitionDetail;
  onChanged: (next: CoalitionDetail) => void;
  onLeft: () => void;
}) {
  const id = useId();
  const manager = coalition.me.manager;
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<CoalitionMember | null>(null);
  const [status, setStatus] = useState('');

  const change = async (member: CoalitionMember, fields: { role?: Role; manager?: boolean }) => {
    setError(null);
    try {
      onChanged(await updateMember(coalition.id, member.userId, fields));
      setStatus(
        fields.role ? `${member.name} is now ${ROLE_LABELS[fields.role].toLowerCase()} on the coalition’s reports.` : `${member.name} is ${fields.manager ? 'now' : 'no longer'} a manager.`,
      );
    } catch (err) {
      setError(describeError(err));
    }
  };

  const leaving = removing?.userId === coalition.me.userId;

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel__title">
        Members <span className="muted panel__count">{coalition.members.length}</span>
      </h2>
      <p className="muted">
        Each member’s role applies to every report of the coalition, unless the report gives them another.
        {manager ? ' Managers invite and manage members.' : ''}
      </p>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <ul className="member-list" aria-label="Members">
        {coalition.members.map((m) => {
          const isMe = m.userId === coalition.me.userId;
          return (
            <li key={m.userId} className="member" data-testid="member" data-user-id={m.userId}>
              <div className="member__who">
                <span className="member__name">
                  {m.name}
                  {isMe && <span className="muted"> (you)</span>}
                </span>
                <span className="member__email muted">{m.email}</span>
              </div>
              <div className="member__role">
                {manager ? (
                  <select
                    className="input select input--small"
                    aria-label={`Role of ${m.name}`}
                    title={roleDescription(m.role)}
                    value={m.role}
                    onChange={(e) => void change(m, { role: e.target.value as Role })}
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {ROLE_LABELS[r]}
                      </option>
                    ))}
                  </select>
                ) : (
                  <RoleBadge role={m.role} />
                )}
              </div>
              <div className="member__manager">
                {manager ? (
                  <label className="checkbox">
                    <input type="checkbox" checked={m.manager} onChange={(e) => void change(m, { manager: e.target.checked })} aria-label={`${m.name} is a manager`} />
                    <span aria-hidden="true">Manager</span>
                  </label>
                ) : (
                  m.manager && <span className="badge">Manager</span>
                )}
              </div>
              <div className="member__actions">
                {isMe ? (
                  <button type="button" className="button button--small" onClick={() => setRemoving(m)}>
                    Leave
                  </button>
                ) : (
                  manager && (
                    <button type="button" className="button button--small button--danger-ghost" onClick={() => setRemoving(m)} aria-label={`Remove ${m.name}`}>
                      Remove
                    </button>
                  )
                )}
              </div>
            </li>
          );
        })}
      </ul>
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
      <ConfirmDialog
        open={removing !== null}
        title={leaving ? `Leave ${coalition.name}?` : `Remove ${removing?.name ?? ''}?`}
        confirmLabel={leaving ? 'Leave the coalition' : 'Remove from the coalition'}
        danger
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          const target = removing!;
          await removeMember(coalition.id, target.userId);
          setRemoving(null);
          if (target.userId === coalition.me.userId) onLeft();
          else {
            onChanged({ ...coalition, members: coalition.members.filter((m) => m.userId !== target.userId) });
            setStatus(`${target.name} was removed.`);
          }
        }}
      >
        {leaving ? (
          <p>You will lose access to the coalition’s reports, unless a report gave you a role of its own. Copies on this device stay.</p>
        ) : (
          <p>
            {removing?.name} loses access to the coalition’s reports at once, including any they have open, unless a report gave them a role
            of its own.
          </p>
        )}
      </ConfirmDialog>
    </section>
  );
}
