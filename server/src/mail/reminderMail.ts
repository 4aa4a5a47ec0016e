/** The deadline reminder: a week before and a day before a submission or follow-up deadline. */
import type { MailText } from './texts.ts';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function oneLine(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
}

export function reminderMail(f: { name: string; kind: 'week' | 'day'; title: string; detail: string; due: string; link: string }): MailText {
  const when = f.kind === 'week' ? 'in a week' : 'tomorrow';
  const subject = oneLine(`Due ${when}: ${f.title}`);
  const lines = [
    `Hello ${f.name},`,
    `${f.title} is due ${when}, on ${f.due}.`,
    ...(f.detail ? [f.detail] : []),
  ];
  const text = [...lines, `Open it:\n${f.link}`, 'Rightsdraft reminds you a week and a day before each deadline of a report or follow-up you can read.', '— Rightsdraft'].join('\n\n') + '\n';
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:sans-serif;line-height:1.5;max-width:40em">
${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n')}
<p><a href="${escapeHtml(f.link)}">Open “${escapeHtml(f.title)}”</a></p>
<p>Rightsdraft reminds you a week and a day before each deadline of a report or follow-up you can read.</p>
<p>— Rightsdraft</p>
</body></html>`;
  return { subject, text, html };
}
