/**
 * A person's deadlines as an iCalendar feed (ical-generator): one event per deadline at its exact instant
 * (written in UTC, so no calendar app has to know Geneva's rules), named after the report or recommendation,
 * with a link to it. Calendar apps subscribe to the feed's secret URL and refresh it themselves.
 */
import ical from 'ical-generator';
import type { DeadlineEntry } from './deadlinesFor.ts';

export function calendarFeed(entries: DeadlineEntry[], links: { base: string }): string {
  const calendar = ical({
    name: 'Rightsdraft deadlines',
    prodId: { company: 'Rightsdraft', product: 'deadlines', language: 'EN' },
    ttl: 3600,
  });
  for (const e of entries) {
    const link = e.kind === 'report' ? `${links.base}/reports/${e.id}` : `${links.base}/follow-up#${e.id}`;
    calendar.createEvent({
      id: `${e.key}@rightsdraft`,
      start: new Date(e.deadline.at),
      summary: e.kind === 'report' ? `Deadline: ${e.title}` : e.title,
      description: [e.detail, `Due ${e.deadline.date} ${e.deadline.time} (${e.deadline.zone})`, link].filter(Boolean).join('\n'),
      url: link,
    });
  }
  return calendar.toString();
}
