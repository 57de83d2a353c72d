import type { MailHeaders } from './mail-headers.js';

/** Why a message is no conversation with a person (docs/rules/mail.md#automated): counted, never stored. */
export const MAIL_SKIPS = {
  list: 'mailing list',
  bulk: 'bulk mail',
  automated: 'automated message',
  robot: 'automated sender',
  spam: 'spam',
  draft: 'draft',
} as const;

/** Local parts that robots send from: noreply, no-reply, do-not-reply, mailer-daemon, notifications… */
const ROBOT_SENDER =
  /^(no[-_.]?reply|do[-_.]?not[-_.]?reply|dont[-_.]?reply|mailer[-_.]?daemon|postmaster|bounces?|notifications?|notify|alerts?|newsletters?|news|digest|automated|auto[-_.]?confirm|system)([-_.+].*)?$/;
/** Gmail's labels, in the languages Takeout writes them in most (they are localised). */
const SPAM_LABELS = new Set(['spam', 'junk']);
const DRAFT_LABELS = new Set(['drafts', 'draft', 'entwürfe', 'brouillons', 'borradores']);

/** The reason a message is a list's, a robot's, spam or a draft; null for a message between people. */
export function automatedReason(headers: MailHeaders): string | null {
  const labels = headers.gmailLabels.map((label) => label.toLowerCase());
  if (labels.some((label) => SPAM_LABELS.has(label))) return MAIL_SKIPS.spam;
  if (labels.some((label) => DRAFT_LABELS.has(label))) return MAIL_SKIPS.draft;
  if (headers.listId !== null || headers.listUnsubscribe) return MAIL_SKIPS.list;
  if (headers.precedence && /^(bulk|list|junk)\b/.test(headers.precedence)) return MAIL_SKIPS.bulk;
  if (headers.autoSubmitted && !headers.autoSubmitted.startsWith('no')) return MAIL_SKIPS.automated;
  const local = headers.from?.address.split('@')[0] ?? '';
  if (ROBOT_SENDER.test(local)) return MAIL_SKIPS.robot;
  return null;
}

/** Gmail's "Sent" label (localised): the message is the owner's. */
export function isSentLabel(labels: readonly string[]): boolean {
  return labels.some((label) => /^(sent|gesendet|envoyés|enviados|inviati|verzonden)$/i.test(label));
}
