/** Per State, and per place in it: how many tracked recommendations stand at each status (the latest log entry). */
import { FOLLOW_UP_STATUSES, statusByPlace, WHOLE_STATE, type FollowUpStatus } from '../../../../shared/followup/types.ts';
import { useTranslation } from 'react-i18next';
import type { TrackedItem } from './followUpApi.ts';

type Counts = Record<FollowUpStatus | 'not logged', number>;

const empty = (): Counts => ({ 'no action': 0, 'in progress': 0, 'partly implemented': 0, implemented: 0, regressed: 0, 'not logged': 0 });

export function placeCounts(items: TrackedItem[]): Map<string, Counts> {
  const byPlace = new Map<string, Counts>();
  const row = (place: string) => byPlace.get(place) ?? byPlace.set(place, empty()).get(place)!;
  for (const item of items) {
    const latest = statusByPlace(item.log);
    if (latest.size === 0) row(WHOLE_STATE)['not logged']++;
    for (const [place, entry] of latest) row(place)[entry.status]++;
  }
  return new Map([...byPlace].sort(([a], [b]) => a.localeCompare(b)));
}

export function StateDashboard({ state, items }: { state: string; items: TrackedItem[] }) {
  const { t } = useTranslation();
  const counts = placeCounts(items);
  return (
    <div className="state-dashboard" data-testid="state-dashboard">
      <table>
        <caption>
          {t('followup.dashboardCaption', { state, count: items.length })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('followup.place')}</th>
            {[...FOLLOW_UP_STATUSES, 'not logged'].map((s) => (
              <th key={s} scope="col">
                {t(`followup.status.${s.replace(/ /g, '-')}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...counts].map(([place, c]) => (
            <tr key={place}>
              <th scope="row">{place || t('followup.wholeState')}</th>
              {([...FOLLOW_UP_STATUSES, 'not logged'] as const).map((s) => (
                <td key={s} className={c[s] ? '' : 'muted'}>
                  {c[s]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
