import { isProfileUrl, normalizeMemberUrn, normalizeProfileUrl } from '../../domain/identity.js';
import { hash53After, hash53Collapsed, hash53Prefix, type Hash53Prefix } from '../../domain/source-key.js';
import { fieldValue, nameParts } from '../../domain/imported-text.js';
import type { Columns } from './linkedin-columns.js';
import { normalizeName } from '../../domain/text-normalization.js';
import { htmlToText } from './html-to-text.js';
import {
  parseCalendarDate,
  parseLocalUsDateTime,
  parseMonthYear,
  parseUtcTimestamp,
} from './linkedin-dates.js';
import type { LinkedInFormat } from './linkedin-format.registry.js';
import type {
  ConnectionRecord,
  ContactRecord,
  HelpRecord,
  InvitationRecord,
  MessageRecord,
  NoteRecord,
  OwnerHistoryRecord,
  ProfileRecord,
  RowProblem,
} from './linkedin.records.js';
import { MALFORMED } from './linkedin.records.js';

export type RowResult<T> = T | RowProblem | null;

export function isProblem<T extends object>(value: T | RowProblem): value is RowProblem {
  return 'problem' in value;
}

const malformed = (line: number, message: string): RowProblem => ({
  problem: true,
  line,
  reason: MALFORMED,
  message,
});
const skip = (line: number, reason: string): RowProblem => ({ problem: true, line, reason, message: null });
const orNull = (value: string): string | null => (value.length > 0 ? value : null);

export function parseConnectionRow(
  cells: readonly string[],
  c: Columns,
  line: number,
): RowResult<ConnectionRecord> {
  const firstName = c.line(cells, 'firstname');
  const lastName = c.line(cells, 'lastname');
  const url = c.get(cells, 'url');
  const rawDate = c.get(cells, 'connectedon');
  if (!firstName && !lastName && !url) {
    // Hidden or closed profiles export as a bare date (`,,,,,,07 Jun 2023`): counted, no person.
    return rawDate ? skip(line, 'hidden profile') : null;
  }
  const connectedOn = parseCalendarDate(rawDate);
  if (!connectedOn) return malformed(line, `"Connected On" is not a date: "${rawDate}"`);
  return {
    line,
    ...nameParts(firstName, lastName),
    url: orNull(url),
    email: orNull(c.line(cells, 'emailaddress')),
    company: fieldValue(c.get(cells, 'company')),
    position: fieldValue(c.get(cells, 'position')),
    connectedOn,
  };
}

/**
 * Splits RECIPIENT PROFILE URLS on `,` and `;` only where a new profile URL starts
 * (docs/rules/linkedin-export.md#recipients).
 */
export function splitProfileUrls(value: string): string[] {
  if (!value.includes(',') && !value.includes(';')) {
    const only = value.trim();
    return only ? [only] : [];
  }
  const pieces = value.split(/[,;]/);
  const urls: string[] = [];
  for (const piece of pieces) {
    const trimmed = piece.trim();
    if (!trimmed) continue;
    if (urls.length === 0 || isProfileUrl(trimmed) || /^https?:\/\//i.test(trimmed)) urls.push(trimmed);
    else urls[urls.length - 1] += `,${piece}`;
  }
  return urls;
}

/** Message texts are stored up to this length (docs/DECISIONS.md); longer ones end in an ellipsis. */
const SUMMARY_CHARS = 2_000;

/** The same few thousand profile URLs recur in a million messages: each is normalised once. */
const profileKeys = new Map<string, string | null>();

function profileKey(url: string): string | null {
  let key = profileKeys.get(url);
  if (key === undefined) {
    if (profileKeys.size >= 200_000) profileKeys.clear();
    // A cell is a slice of the parser's 64 KB text: kept as a Map key it would keep that text alive (all
    // of messages.csv, measured). The copy holds only its own characters.
    profileKeys.set(unshared(url), (key = normalizeProfileUrl(url)));
  }
  return key;
}

/** A copy of `text` that shares no storage with the string it was sliced from. */
function unshared(text: string): string {
  return (' ' + text).slice(1);
}

/** Hash prefixes of conversation and sender (a conversation's messages share them), bounded. */
const prefixes = new Map<string, Map<string, Hash53Prefix>>();

/** A message's text hash and source-key base (`messageKeys`). */
export interface MessageKeys {
  textHash: number;
  sourceBase: number;
}

/**
 * The logical message (docs/rules/identity-and-imports.md#source-keys: never the file name): its text hash,
 * and `hash53('message', conversation, sender, DATE as written, text hash)` with the first three (most of
 * each key's characters) hashed once per conversation and sender. Computed by the importing thread; the text
 * hash by whichever thread has time (linkedin-records.worker.ts).
 */
export function messageKeys(record: MessageRecord): MessageKeys {
  if (record.sourceBase !== null && record.textHash !== null)
    return { textHash: record.textHash, sourceBase: record.sourceBase };
  const textHash = record.textHash ?? hash53Collapsed(record.summary);
  const conversation = record.conversationId ?? '';
  const sender = record.senderKey ?? normalizeName(record.fromName);
  let senders = prefixes.get(conversation);
  if (!senders) {
    if (prefixes.size >= 50_000) prefixes.clear();
    // Kept as keys: copies, not slices of the parser's text (see `unshared`).
    prefixes.set(unshared(conversation), (senders = new Map<string, Hash53Prefix>()));
  }
  let prefix = senders.get(sender);
  if (!prefix) senders.set(unshared(sender), (prefix = hash53Prefix('message', conversation, sender)));
  return { textHash, sourceBase: hash53After(prefix, [record.rawDate, textHash]) };
}

/** Whether the parser hashes a text the importing thread could hash as well (see `messageKeys`). */
export type TextHashing = () => boolean;
const always: TextHashing = () => true;

export function parseMessageRow(
  cells: readonly string[],
  c: Columns,
  line: number,
  zone: string,
  hashTexts: TextHashing = always,
): RowResult<MessageRecord> {
  const rawDate = c.get(cells, 'date');
  const content = c.get(cells, 'content');
  const fromName = c.line(cells, 'from');
  if (!rawDate && !content && !fromName) return null;
  const is2018 = c.has('direction') && !c.has('conversationid');
  const at = parseUtcTimestamp(rawDate) ?? parseLocalUsDateTime(rawDate, zone);
  if (at === null) return malformed(line, `DATE is not a date: "${rawDate}"`);
  const folder = c.get(cells, 'folder').toUpperCase();
  const directionText = c.get(cells, 'direction').toUpperCase();
  const conversationId = orNull(c.get(cells, 'conversationid'));
  const senderUrl = orNull(c.get(cells, 'senderprofileurl'));
  const senderKey = senderUrl ? profileKey(senderUrl) : null;
  const recipientUrls = splitProfileUrls(c.get(cells, 'recipientprofileurls'));
  const text = htmlToText(content);
  const cut = text.length > SUMMARY_CHARS;
  return {
    line,
    conversationId,
    fromName,
    senderUrl,
    senderKey,
    toNames: c.line(cells, 'to'),
    recipientUrls,
    recipientKeys: recipientUrls.map(profileKey),
    at,
    summary: cut ? `${text.slice(0, SUMMARY_CHARS)}…` : text,
    // A cut text is whole only here; a whole one may be left to the importing thread (`hashTexts`).
    textHash: cut || hashTexts() ? hash53Collapsed(text) : null,
    rawDate,
    sourceBase: null,
    closer: null,
    direction: is2018 ? (directionText === 'OUTGOING' || folder === 'SENT' ? 'out' : 'in') : null,
    // Decided here, so that only the verdict crosses to the importing thread.
    skip:
      folder === 'SPAM'
        ? 'spam'
        : /^(yes|true)$/i.test(c.get(cells, 'ismessagedraft')) || folder === 'DRAFT' || folder === 'DRAFTS'
          ? 'draft'
          : content.includes('spinmail-quill-editor')
            ? 'sponsored'
            : null,
    unsignedInMail: !senderKey && c.get(cells, 'subject') !== '' && /^linkedin member$/i.test(fromName),
  };
}

export function parseInvitationRow(
  cells: readonly string[],
  c: Columns,
  line: number,
  zone: string,
): RowResult<InvitationRecord> {
  const fromName = c.line(cells, 'from');
  const toName = c.line(cells, 'to');
  const rawSentAt = c.get(cells, 'sentat');
  if (!fromName && !toName && !rawSentAt) return null;
  const sentAt = parseLocalUsDateTime(rawSentAt, zone) ?? parseUtcTimestamp(rawSentAt);
  if (sentAt === null) return malformed(line, `"Sent At" is not a date: "${rawSentAt}"`);
  const directionText = c.get(cells, 'direction').toUpperCase();
  if (directionText !== 'INCOMING' && directionText !== 'OUTGOING') {
    return malformed(line, `Direction must be INCOMING or OUTGOING, not "${directionText}"`);
  }
  const inviterUrl = c.get(cells, 'inviterprofileurl');
  const inviteeUrl = c.get(cells, 'inviteeprofileurl');
  return {
    line,
    fromName,
    toName,
    sentAt,
    rawSentAt,
    message: orNull(htmlToText(c.get(cells, 'message'))),
    direction: directionText === 'INCOMING' ? 'in' : 'out',
    inviterUrl: isProfileUrl(inviterUrl) ? inviterUrl : null,
    inviteeUrl: isProfileUrl(inviteeUrl) ? inviteeUrl : null,
    inviterUrn: normalizeMemberUrn(c.get(cells, 'inviterprofileurn')),
    inviteeUrn: normalizeMemberUrn(c.get(cells, 'inviteeprofileurn')),
  };
}

export function parseProfileRow(
  cells: readonly string[],
  c: Columns,
  line: number,
): RowResult<ProfileRecord> {
  const firstName = c.line(cells, 'firstname');
  const lastName = c.line(cells, 'lastname');
  if (!firstName && !lastName) return null;
  return {
    line,
    firstName,
    lastName,
    headline: orNull(c.line(cells, 'headline')),
    industry: orNull(c.line(cells, 'industry')),
    location: orNull(c.line(cells, 'geolocation')),
  };
}

export function parseOwnerHistoryRow(
  format: LinkedInFormat,
  cells: readonly string[],
  c: Columns,
  line: number,
): RowResult<OwnerHistoryRecord> {
  if (format === 'linkedin-positions') {
    const name = c.line(cells, 'companyname');
    if (!name) return null;
    return {
      line,
      kind: 'position',
      name,
      detail: orNull(c.line(cells, 'title')),
      started: parseMonthYear(c.get(cells, 'startedon')),
      finished: parseMonthYear(c.get(cells, 'finishedon')),
    };
  }
  if (format === 'linkedin-education') {
    const name = c.line(cells, 'schoolname');
    if (!name) return null;
    return {
      line,
      kind: 'education',
      name,
      detail: orNull(c.line(cells, 'degreename')),
      started: parseMonthYear(c.get(cells, 'startdate')),
      finished: parseMonthYear(c.get(cells, 'enddate')),
    };
  }
  const name = c.line(cells, 'eventname');
  if (!name) return null;
  return {
    line,
    kind: 'event',
    name,
    detail: orNull(c.line(cells, 'eventtime')),
    started: null,
    finished: null,
  };
}

export function parseNoteRow(cells: readonly string[], c: Columns, line: number): RowResult<NoteRecord> {
  const note = c.text(cells, 'note');
  if (!note) return null;
  return {
    line,
    firstName: c.line(cells, 'connectionfirstname'),
    lastName: c.line(cells, 'connectionlastname'),
    url: orNull(c.get(cells, 'connectionprofileurl')),
    note,
    rawDate: c.get(cells, 'createdon'),
  };
}

function splitList(value: string): string[] {
  return value
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter(Boolean);
}

export function parseContactRow(
  cells: readonly string[],
  c: Columns,
  line: number,
): RowResult<ContactRecord> {
  const firstName = c.line(cells, 'firstname');
  const lastName = c.line(cells, 'lastname');
  const emails = splitList(c.line(cells, 'emails') || c.line(cells, 'emailaddress'));
  if (!firstName && !lastName && emails.length === 0) return null;
  return {
    line,
    ...nameParts(firstName, lastName),
    emails,
    phones: splitList(c.line(cells, 'phonenumbers')),
    company: fieldValue(c.get(cells, 'companies')),
    title: fieldValue(c.line(cells, 'title')),
    profiles: splitList(c.get(cells, 'profiles')).filter(isProfileUrl),
  };
}

export function parseHelpRow(
  format: LinkedInFormat,
  cells: readonly string[],
  c: Columns,
  line: number,
  zone: string,
): RowResult<HelpRecord> {
  if (format === 'linkedin-recommendations-given' || format === 'linkedin-recommendations-received') {
    const rawDate = c.get(cells, 'creationdate');
    const firstName = c.line(cells, 'firstname');
    const lastName = c.line(cells, 'lastname');
    if (!firstName && !lastName) return null;
    const at = parseLocalUsDateTime(rawDate, zone) ?? parseUtcTimestamp(rawDate);
    if (at === null) return malformed(line, `"Creation Date" is not a date: "${rawDate}"`);
    const status = c.get(cells, 'status').toUpperCase();
    if (status && status !== 'VISIBLE') return skip(line, `recommendation ${status.toLowerCase()}`);
    return {
      line,
      kind: format === 'linkedin-recommendations-given' ? 'help-given' : 'help-received',
      firstName,
      lastName,
      url: null,
      text: c.text(cells, 'text'),
      at,
      rawDate,
    };
  }
  const given = format === 'linkedin-endorsements-given';
  const role = given ? 'endorsee' : 'endorser';
  const firstName = c.line(cells, `${role}firstname`);
  const lastName = c.line(cells, `${role}lastname`);
  if (!firstName && !lastName) return null;
  const rawDate = c.get(cells, 'endorsementdate');
  const at = parseUtcTimestamp(rawDate) ?? parseLocalUsDateTime(rawDate, zone);
  if (at === null) return malformed(line, `"Endorsement Date" is not a date: "${rawDate}"`);
  const status = c.get(cells, 'endorsementstatus').toUpperCase();
  if (status && status !== 'ACCEPTED') return skip(line, `endorsement ${status.toLowerCase()}`);
  const url = c.get(cells, `${role}publicurl`);
  return {
    line,
    kind: given ? 'endorsement-given' : 'endorsement-received',
    firstName,
    lastName,
    url: orNull(url),
    text: c.line(cells, 'skillname'),
    at,
    rawDate,
  };
}
