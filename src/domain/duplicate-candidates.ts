import { sameOrganization } from './organization-name.js';
import { normalizeName } from './text-normalization.js';

/** What the duplicate rules read of a person. */
export interface DuplicateSubject {
  id: number;
  name: string;
  company: string | null;
  connected: boolean;
  hasProfileUrl: boolean;
  emails: readonly string[];
}

export interface DuplicateCandidate {
  a: number;
  b: number;
  reasons: string[];
}

/**
 * Mail providers anyone can use: an address there says nothing about an employer, so sharing the domain is
 * no evidence (docs/rules/identity-and-imports.md#duplicate-proposals).
 */
const OPEN_MAIL_DOMAINS = new Set(
  (
    'gmail.com googlemail.com yahoo.com yahoo.co.uk yahoo.fr yahoo.de ymail.com hotmail.com hotmail.co.uk ' +
    'hotmail.fr hotmail.de outlook.com outlook.de live.com live.de msn.com aol.com icloud.com me.com mac.com ' +
    'gmx.de gmx.net gmx.com web.de t-online.de freenet.de posteo.de mailbox.org proton.me protonmail.com ' +
    'pm.me yandex.ru yandex.com mail.ru orange.fr free.fr laposte.net wanadoo.fr sfr.fr libero.it ' +
    'rediffmail.com qq.com 163.com 126.com naver.com fastmail.com zoho.com hey.com tutanota.com'
  ).split(' '),
);

/** Short forms of given names that are not prefixes of the long form. */
const NICKNAMES: Record<string, string> = {
  bob: 'robert',
  bobby: 'robert',
  rob: 'robert',
  bill: 'william',
  will: 'william',
  liam: 'william',
  jim: 'james',
  jimmy: 'james',
  mike: 'michael',
  dick: 'richard',
  rick: 'richard',
  liz: 'elizabeth',
  beth: 'elizabeth',
  betty: 'elizabeth',
  kate: 'katherine',
  katie: 'katherine',
  kathy: 'katherine',
  peggy: 'margaret',
  meg: 'margaret',
  chuck: 'charles',
  ted: 'edward',
  ned: 'edward',
  hank: 'henry',
  jack: 'john',
  johnny: 'john',
  jon: 'john',
  tony: 'anthony',
  sasha: 'alexander',
  sandy: 'alexander',
  steve: 'stephen',
  steven: 'stephen',
  sue: 'susan',
  jenny: 'jennifer',
  joe: 'joseph',
  josh: 'joshua',
  nate: 'nathan',
  larry: 'lawrence',
  andy: 'andrew',
};

const canonicalGiven = (word: string) => NICKNAMES[word] ?? word;

/** Edit distance, stopping early once it passes `limit`. */
function withinEdits(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return false;
    previous = current;
  }
  return (previous[b.length] ?? limit + 1) <= limit;
}

/** Two given names for one person: equal, an initial, a short form ("Alex"/"Alexander", "Bob"/"Robert"). */
function closeGivenNames(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === 1 || b.length === 1) return a[0] === b[0];
  const [x, y] = [canonicalGiven(a), canonicalGiven(b)];
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  // No typo rule here: given names one letter apart are mostly different names (Anna/Hanna, Maria/Marta).
  return short.length >= 3 && long.startsWith(short);
}

/** Two family names for one person: equal, or one typo in a name of five letters or more. */
function closeFamilyNames(a: string, b: string): boolean {
  return a === b || (Math.min(a.length, b.length) >= 5 && withinEdits(a, b, 1));
}

interface NameParts {
  key: string;
  given: string;
  family: string;
}

function nameParts(name: string): NameParts | undefined {
  const words = normalizeName(name).split(' ').filter(Boolean);
  if (words.length < 2) return undefined;
  return { key: words.join(' '), given: words[0] ?? '', family: words.at(-1) ?? '' };
}

const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

interface Subject {
  person: DuplicateSubject;
  parts: NameParts;
}

function reasonsFor(a: Subject, b: Subject): string[] {
  const sameName = a.parts.key === b.parts.key;
  const close =
    sameName ||
    (closeGivenNames(a.parts.given, b.parts.given) && closeFamilyNames(a.parts.family, b.parts.family)) ||
    (a.parts.given === b.parts.family && a.parts.family === b.parts.given);
  if (!close) return [];
  const [x, y] = [a.person, b.person];
  const names = sameName ? `same name (${x.name})` : `close names (${x.name} / ${y.name})`;
  const reasons: string[] = [];
  if (x.company && y.company && sameOrganization(x.company, y.company))
    reasons.push(`${names}, both at ${x.company}`);
  const domains = new Set(x.emails.map(domainOf).filter((domain) => !OPEN_MAIL_DOMAINS.has(domain)));
  const shared = [...new Set(y.emails.map(domainOf))].filter((domain) => domains.has(domain));
  if (shared.length > 0) reasons.push(`${names}, both with e-mail at ${shared.join(', ')}`);
  // The rule the plan already uses for one care item (docs/rules/agenda.md#possibly-one-person).
  if (
    reasons.length === 0 &&
    sameName &&
    !(x.connected && y.connected) &&
    !(x.hasProfileUrl && y.hasProfileUrl)
  )
    reasons.push(`${names}, not both LinkedIn connections and no two profiles tell them apart`);
  return reasons;
}

/** The evidence that two people may be one, in plain words; empty when there is none. */
export function duplicateReasons(a: DuplicateSubject, b: DuplicateSubject): string[] {
  const left = nameParts(a.name);
  const right = nameParts(b.name);
  return left && right ? reasonsFor({ person: a, parts: left }, { person: b, parts: right }) : [];
}

/**
 * Pairs of people who may be one, with the reasons. People are compared within blocks, never all pairs, so
 * 30,000 people take a moment: the same family name; the same given name (short forms as the long one) and
 * family initial, for a typo in the family name; the same two names in either order.
 */
export function findDuplicateCandidates(people: readonly DuplicateSubject[]): DuplicateCandidate[] {
  const blocks = new Map<string, Subject[]>();
  const add = (key: string, subject: Subject) => {
    const block = blocks.get(key);
    if (block) block.push(subject);
    else blocks.set(key, [subject]);
  };
  for (const person of people) {
    const parts = nameParts(person.name);
    if (!parts) continue;
    const subject = { person, parts };
    add(`f:${parts.family}`, subject);
    add(`g:${canonicalGiven(parts.given)}:${parts.family[0] ?? ''}`, subject);
    if (parts.given !== parts.family) add(`n:${[parts.given, parts.family].sort().join(' ')}`, subject);
  }
  const candidates: DuplicateCandidate[] = [];
  for (const [key, block] of blocks) {
    const byFamily = key.startsWith('f:');
    for (let i = 0; i < block.length; i++)
      for (let j = i + 1; j < block.length; j++) {
        const [first, second] = [block[i], block[j]] as [Subject, Subject];
        // Pairs with one family name are compared in that name's block only.
        if (!byFamily && first.parts.family === second.parts.family) continue;
        const [a, b] = first.person.id < second.person.id ? [first, second] : [second, first];
        const reasons = reasonsFor(a, b);
        if (reasons.length > 0) candidates.push({ a: a.person.id, b: b.person.id, reasons });
      }
  }
  return candidates.sort((x, y) => x.a - y.a || x.b - y.b);
}
