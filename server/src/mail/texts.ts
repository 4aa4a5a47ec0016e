/**
 * Every mail the app sends, in one place so translations can come: each function takes the recipient's
 * language and the facts, and returns the subject and matching plain-text and HTML parts. Only English exists
 * yet; `lang` picks it for every language.
 */
import type { MailMessage } from './Mailer.ts';

export type MailLanguage = 'en';
export type MailText = Omit<MailMessage, 'to'>;

/** The recipient's language when the app knows it; English until accounts carry one. */
export function languageFor(_user: { id: string } | null): MailLanguage {
  return 'en';
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A paragraph of text or a link, written once and rendered to both parts. */
type Block = { p: string } | { link: string; label: string } | { quote: string } | { heading: string };

/** One line: names people chose end up in subjects, where a line break must not start a header. */
function oneLine(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
}

function render(rawSubject: string, blocks: Block[]): MailText {
  const subject = oneLine(rawSubject);
  const text = blocks
    .map((b) => ('p' in b ? b.p : 'link' in b ? `${b.label}:\n${b.link}` : 'quote' in b ? b.quote.split('\n').map((l) => `> ${l}`).join('\n') : `== ${b.heading} ==`))
    .join('\n\n');
  const body = blocks
    .map((b) =>
      'p' in b
        ? `<p>${escapeHtml(b.p)}</p>`
        : 'link' in b
          ? `<p><a href="${escapeHtml(b.link)}">${escapeHtml(b.label)}</a></p>`
          : 'quote' in b
            ? `<blockquote style="margin:0 0 1em;padding-left:1em;border-left:3px solid #ccc">${escapeHtml(b.quote).replace(/\n/g, '<br>')}</blockquote>`
            : `<h2 style="font-size:1.1em">${escapeHtml(b.heading)}</h2>`,
    )
    .join('\n');
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:sans-serif;line-height:1.5;max-width:40em">\n${body}\n</body></html>`;
  return { subject, text: text + '\n', html };
}

const SIGN_OFF: Block = { p: '— Rightsdraft' };

export function passwordResetMail(_lang: MailLanguage, f: { name: string; link: string }): MailText {
  return render('Choose a new Rightsdraft password', [
    { p: `Hello ${f.name},` },
    { p: 'Someone asked to reset the password of your Rightsdraft account. If it was you, choose a new password here within an hour:' },
    { link: f.link, label: 'Choose a new password' },
    { p: 'The link works once. Choosing a new password signs you out everywhere.' },
    { p: 'If you did not ask for this, you can ignore this mail: your password stays as it is.' },
    SIGN_OFF,
  ]);
}

export function signupConfirmMail(_lang: MailLanguage, f: { name: string; link: string }): MailText {
  return render('Confirm your new Rightsdraft account', [
    { p: `Hello ${f.name},` },
    { p: 'Open this link within a day to finish creating your Rightsdraft account:' },
    { link: f.link, label: 'Confirm my account' },
    { p: 'If you did not ask for an account, ignore this mail: nothing is created.' },
    SIGN_OFF,
  ]);
}

export function signupTakenMail(_lang: MailLanguage, f: { name: string; signInLink: string; resetLink: string }): MailText {
  return render('Someone tried to create a Rightsdraft account with your address', [
    { p: `Hello ${f.name},` },
    { p: 'Someone tried to create a new Rightsdraft account with your e-mail address. You have an account already, so nothing was created.' },
    { p: 'If it was you, sign in instead:' },
    { link: f.signInLink, label: 'Sign in' },
    { p: 'If you have forgotten your password, choose a new one:' },
    { link: f.resetLink, label: 'Forgot password' },
    { p: 'If it was not you, you need not do anything.' },
    SIGN_OFF,
  ]);
}

const ROLE_WORDS: Record<string, string> = { owner: 'an owner', editor: 'an editor', reviewer: 'a reviewer', viewer: 'a viewer' };

export function reportInvitationMail(_lang: MailLanguage, f: { inviterName: string; reportTitle: string; role: string; link: string }): MailText {
  return render(`${f.inviterName} invited you to a report on Rightsdraft`, [
    { p: 'Hello,' },
    { p: `${f.inviterName} invited you to work on “${f.reportTitle}” as ${ROLE_WORDS[f.role] ?? f.role}.` },
    { p: 'Open this link to accept. If you have no Rightsdraft account yet, you can create one there.' },
    { link: f.link, label: 'Open the invitation' },
    { p: 'The link works once, for one week. If you do not know this person, ignore this mail.' },
    SIGN_OFF,
  ]);
}

export interface DigestEntry {
  kind: 'mention' | 'reply';
  authorName: string;
  body: string;
  quote: string;
}

export function digestMail(_lang: MailLanguage, f: { name: string; reports: { title: string; link: string; entries: DigestEntry[] }[] }): MailText {
  const count = f.reports.reduce((n, r) => n + r.entries.length, 0);
  const blocks: Block[] = [{ p: `Hello ${f.name},` }, { p: count === 1 ? 'One new comment is waiting for you.' : `${count} new comments are waiting for you.` }];
  for (const r of f.reports) {
    blocks.push({ heading: r.title });
    for (const e of r.entries) {
      blocks.push({ p: e.kind === 'mention' ? `${e.authorName} mentioned you${e.quote ? ` about “${e.quote}”` : ''}:` : `${e.authorName} replied in your thread${e.quote ? ` about “${e.quote}”` : ''}:` });
      blocks.push({ quote: e.body });
    }
    blocks.push({ link: r.link, label: `Open “${r.title}”` });
  }
  blocks.push({ p: 'Rightsdraft gathers mentions of you and replies to your comments into one mail like this, rather than one mail per comment.' }, SIGN_OFF);
  return render(count === 1 ? 'A new comment for you on Rightsdraft' : `${count} new comments for you on Rightsdraft`, blocks);
}

export function newDeviceMail(_lang: MailLanguage, f: { name: string; when: string; device: string; resetLink: string }): MailText {
  return render('New sign-in to your Rightsdraft account', [
    { p: `Hello ${f.name},` },
    { p: `Your Rightsdraft account was signed in to from a device or browser it has not seen before, on ${f.when} (UTC).` },
    { p: `Browser: ${f.device}` },
    { p: 'If this was you, you need not do anything.' },
    { p: 'If it was not you, someone knows your password. Choose a new one now: that signs everyone out.' },
    { link: f.resetLink, label: 'Choose a new password' },
    SIGN_OFF,
  ]);
}

export function passwordChangedMail(_lang: MailLanguage, f: { name: string; when: string; resetLink: string }): MailText {
  return render('Your Rightsdraft password was changed', [
    { p: `Hello ${f.name},` },
    { p: `The password of your Rightsdraft account was changed on ${f.when} (UTC), and every other session was signed out.` },
    { p: 'If this was you, you need not do anything.' },
    { p: 'If it was not you, choose a new password now and tell your coalition’s coordinator:' },
    { link: f.resetLink, label: 'Choose a new password' },
    SIGN_OFF,
  ]);
}
