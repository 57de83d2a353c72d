import { firstNameOf, snippet } from '../suggestions.js';
import { collapseWhitespace, foldedWords } from '../text-normalization.js';
import { organizationMention, sameOrganization } from '../organization-name.js';
import { isGenericInvitationNote } from './generic-note.js';
import { personalNoteCues } from './personal-cues.js';
import { salesPitchCues } from './pitch-cues.js';
import { draftReply } from './reply.js';
import { eventMention, headlineTopics, topicsNamed } from './shared-history.js';
import type { NoteKind, TriageInput, TriageResult, TriageVerdict } from './triage-types.js';

/**
 * Triage of incoming invitations (docs/rules/invitations.md#verdict): accept only with a basis — a
 * relationship that already exists, or a note that names something specific — ask the "collector" where you
 * met, and decline a stranger's sales pitch. Pure: the caller gathers what is known about the sender.
 */

/**
 * Raise when the verdict rules or texts change: stored results are reused only while this and the
 * inputs' hash are the same (services/triage.service.ts).
 */
export const TRIAGE_RULES_VERSION = 3;

const BANDS: Readonly<Record<TriageVerdict, readonly [number, number]>> = {
  accept: [60, 100],
  ask: [25, 59],
  decline: [0, 24],
};

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function plural(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}

function quoted(items: readonly string[]): string {
  return items.map((item) => `“${item}”`).join(', ');
}

function positive(count: number): number {
  return Number.isFinite(count) && count > 0 ? Math.floor(count) : 0;
}

export function triageInvitation(input: TriageInput): TriageResult {
  const given = collapseWhitespace(input.name);
  const name = given || 'the sender';
  const nameAtStart = capitalized(name);
  const first = given ? firstNameOf(given) : 'them';
  const ownerFirst = input.owner.name?.trim() ? firstNameOf(collapseWhitespace(input.owner.name)) : null;
  const message = input.message && input.message.trim() ? input.message : null;
  const reasons: string[] = [];

  // Do I know them already? One-way contact is no relationship (docs/rules/invitations.md#known), so earlier
  // messages alone do not make the sender known; a two-way exchange, the address book, mail or calendar do.
  const exchanges = positive(input.known.twoWayExchanges);
  const earlier = positive(input.known.earlierMessages);
  const known = exchanges > 0 || input.known.inAddressBook || input.known.inMailOrCalendar;
  let score = 30;
  if (exchanges > 0) {
    reasons.push(
      `You have had ${exchanges} two-way ${plural(exchanges, 'exchange', 'exchanges')} with ${name}.`,
    );
    score += 35 + Math.min(15, 5 * exchanges);
  }
  if (input.known.inAddressBook) {
    reasons.push(`${nameAtStart} is in your address book.`);
    score += 30;
  }
  if (input.known.inMailOrCalendar) {
    reasons.push(`${nameAtStart} appears in your mail or calendar.`);
    score += 30;
  }
  if (!known && earlier > 0) {
    reasons.push(
      `There ${plural(earlier, 'is', 'are')} ${earlier} earlier ${plural(earlier, 'message', 'messages')} with ${name}, but never a two-way exchange: one-way contact is no relationship yet.`,
    );
    score += 5;
  }
  if (!known && earlier === 0) {
    reasons.push(
      `You have no history with ${name} yet: no earlier messages, no address-book entry, no mail or meetings.`,
    );
  }

  // Shared history: named in the note, or on the sender's profile.
  let sharedEmployer: string | null = null;
  let sharedSchool: string | null = null;
  let sharedEvent: string | null = null;
  const entityCues: string[] = [];
  if (message) {
    for (const company of input.owner.companies) {
      const mention = organizationMention(message, company);
      if (mention) {
        sharedEmployer = company;
        entityCues.push(mention);
        reasons.push(`The note names ${company}${asWritten(mention, company)}, where you have worked.`);
        break;
      }
    }
    for (const school of input.owner.schools) {
      const mention = organizationMention(message, school);
      if (mention) {
        sharedSchool = school;
        entityCues.push(mention);
        reasons.push(`The note names ${school}${asWritten(mention, school)}, where you studied.`);
        break;
      }
    }
    for (const event of input.owner.events) {
      const mention = eventMention(message, event);
      if (mention) {
        sharedEvent = event;
        entityCues.push(mention);
        reasons.push(`The note names ${event}, an event you attended.`);
        break;
      }
    }
  }
  const senderCompany = input.sender?.company?.trim() ? input.sender.company.trim() : null;
  if (!sharedEmployer && senderCompany) {
    const match = input.owner.companies.find((company) => sameOrganization(company, senderCompany));
    if (match) {
      sharedEmployer = match;
      reasons.push(`${nameAtStart}'s profile says ${senderCompany}, where you have worked too.`);
    }
  }
  if (sharedEmployer) score += 12;
  if (sharedSchool) score += 10;
  if (sharedEvent) score += 8;

  // The note.
  let note: NoteKind = 'none';
  let pitchCues: string[] = [];
  let personalCues: string[] = [];
  let template = false;
  if (!message) {
    reasons.push(`There is no note: ${name} did not say why they want to connect.`);
  } else {
    pitchCues = salesPitchCues(message);
    template = isGenericInvitationNote(message);
    const phraseCues = template ? [] : personalNoteCues(message);
    const topics = template ? [] : topicsNamed(message, headlineTopics(input.owner));
    personalCues = [...entityCues, ...phraseCues, ...topics];
    if (pitchCues.length > 0) {
      note = 'pitch';
      reasons.push(`The note reads as a sales pitch: ${quoted(pitchCues)}.`);
      score -= 35;
    } else if (personalCues.length > 0) {
      note = 'personal';
      if (phraseCues.length > 0) reasons.push(`The note is personal: it says ${quoted(phraseCues)}.`);
      if (topics.length > 0)
        reasons.push(`The note mentions ${quoted(topics)}, which your headline names as your work.`);
      score += 28 + Math.min(10, 3 * (personalCues.length - 1));
    } else if (template) {
      note = 'generic';
      reasons.push(
        `The note is a generic template (“${snippet(message, 90) ?? ''}”): it says nothing about why ${name} wants to connect.`,
      );
    } else {
      note = 'generic';
      reasons.push(
        `The note (“${snippet(message, 90) ?? ''}”) names nothing specific: no event, shared employer or school, your work or a concrete topic.`,
      );
    }
  }

  // Verdict: an existing relationship wins; a stranger's pitch is declined unless they share your history;
  // a personal note is a basis; everything else is a question back.
  let verdict: TriageVerdict;
  const sharedHistory = sharedEmployer !== null || sharedSchool !== null;
  if (known) {
    verdict = 'accept';
    reasons.push(
      note === 'pitch'
        ? `Accept: you already know ${name}, even though the note is a pitch.`
        : `Accept: you already know ${name}.`,
    );
  } else if (note === 'pitch') {
    verdict = sharedHistory ? 'ask' : 'decline';
    reasons.push(
      sharedHistory
        ? `Ask: a pitch, but ${sharedEmployer ?? sharedSchool ?? ''} is in both your histories; ask ${first} where your paths crossed before connecting.`
        : `Decline: a stranger's sales pitch is no basis for a relationship.`,
    );
  } else if (note === 'personal') {
    verdict = 'accept';
    reasons.push(`Accept: the note gives a real basis for connecting.`);
  } else {
    verdict = 'ask';
    reasons.push(
      `Ask: nothing yet shows why you should connect; the drafted reply asks ${first} where you met and what they would like to talk about.`,
    );
  }

  const [low, high] = BANDS[verdict];
  score = Math.max(low, Math.min(high, Math.round(score)));

  return {
    verdict,
    score,
    reasons,
    reply: draftReply(verdict, {
      name: given,
      ownerFirst,
      note,
      template,
      earlier,
      sharedEmployer,
      sharedSchool,
    }),
    signals: { note, known, sharedEmployer, sharedSchool, sharedEvent, pitchCues, personalCues },
  };
}

/** " (as “KTH”)" when the note used another form of the name than the owner's. */
function asWritten(mention: string, full: string): string {
  return foldedWords(full) === foldedWords(mention) ? '' : ` (as “${mention}”)`;
}
