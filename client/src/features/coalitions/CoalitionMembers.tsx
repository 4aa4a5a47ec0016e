/**
 * A coalition's members with their role on its reports. Managers change roles and the manager flag and remove
 * members; everyone can leave.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../shared/api/roles.ts';
import { removeMember, updateMember, type CoalitionDetail, type CoalitionMember } from '../../api/coalitionsApi.ts';
import { describeError } from '../../api/http.ts';
import { formatNumber } from '../../i18n/format.ts';
import { roleAllows, roleName } from '../../i18n/roleText.ts';
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
  const { t } = useTranslation();
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
        fields.role
          ? t('coalitionsUi.members.roleChanged', { name: member.name, role: fields.role })
          : fields.manager
            ? t('coalitionsUi.members.nowManager', { name: member.name })
            : t('coalitionsUi.members.noLongerManager', { name: member.name }),
      );
    } catch (err) {
      setError(describeError(err));
    }
  };

  const leaving = removing?.userId === coalition.me.userId;

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel__title">
        {t('coalitionsUi.members.title')} <span className="muted panel__count">{formatNumber(coalition.members.length)}</span>
      </h2>
      <p className="muted">{manager ? t('coalitionsUi.members.introManager') : t('coalitionsUi.members.intro')}</p>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <ul className="member-list" aria-label={t('coalitionsUi.members.title')}>
        {coalition.members.map((m) => {
          const isMe = m.userId === coalition.me.userId;
          return (
            <li key={m.userId} className="member" data-testid="member" data-user-id={m.userId}>
              <div className="member__who">
                <span className="member__name">
                  {m.name}
                  {isMe && <span className="muted"> {t('coalitionsUi.members.you')}</span>}
                </span>
                <span className="member__email muted">{m.email}</span>
              </div>
              <div className="member__role">
                {manager ? (
                  <select
                    className="input select input--small"
                    aria-label={t('coalitionsUi.members.roleOf', { name: m.name })}
                    title={t('role.description', { role: roleName(m.role, t), allows: roleAllows(m.role, t) })}
                    value={m.role}
                    onChange={(e) => void change(m, { role: e.target.value as Role })}
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {roleName(r, t)}
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
                    <input type="checkbox" checked={m.manager} onChange={(e) => void change(m, { manager: e.target.checked })} aria-label={t('coalitionsUi.members.isManager', { name: m.name })} />
                    <span aria-hidden="true">{t('coalitionsUi.members.manager')}</span>
                  </label>
                ) : (
                  m.manager && <span className="badge">{t('coalitionsUi.members.manager')}</span>
                )}
              </div>
              <div className="member__actions">
                {isMe ? (
                  <button type="button" className="button button--small" onClick={() => setRemoving(m)}>
                    {t('coalitionsUi.members.leave')}
                  </button>
                ) : (
                  manager && (
                    <button type="button" className="button button--small button--danger-ghost" onClick={() => setRemoving(m)} aria-label={t('coalitionsUi.members.removeName', { name: m.name })}>
                      {t('coalitionsUi.members.remove')}
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
        title={leaving ? t('coalitionsUi.members.leaveTitle', { name: coalition.name }) : t('coalitionsUi.members.removeTitle', { name: removing?.name ?? '' })}
        confirmLabel={leaving ? t('coalitionsUi.members.leaveConfirm') : t('coalitionsUi.members.removeConfirm')}
        danger
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          const target = removing!;
          await removeMember(coalition.id, target.userId);
          setRemoving(null);
          if (target.userId === coalition.me.userId) onLeft();
          else {
            onChanged({ ...coalition, members: coalition.members.filter((m) => m.userId !== target.userId) });
            setStatus(t('coalitionsUi.members.removed', { name: target.name }));
          }
        }}
      >
        {leaving ? (
          <p>{t('coalitionsUi.members.leaveText')}</p>
        ) : (
          <p>{t('coalitionsUi.members.removeText', { name: removing?.name ?? '' })}</p>
        )}
      </ConfirmDialog>
    </section>
  );
}
