import { addressedTo, mentions } from './addressed-to.js';
import { AppError } from './errors.js';
import type { PairFit } from './introduction-types.js';
import type { Person } from './person.js';
import { firstNameOf } from './suggestions.js';
import { addDays, toLocalDate } from './time.js';

/**
 * The double opt-in introduction (docs/rules/introductions-and-paths.md#states): ask A, A agrees, ask B, B
 * agrees, introduce both, record the outcome. Pure: the state machine, what each step records, the drafts
 * tend writes for me at each state, and when a waiting state has stalled.
 */

export const INTRODUCTION_STATES = [
  'proposed',
  'asked-a',
  'agreed-a',
  'declined-a',
  'asked-b',
  'agreed-b',
  'declined-b',
  'introduced',
  'outcome',
] as const;
export type IntroductionState = (typeof INTRODUCTION_STATES)[number];

/** A step is named by the state it leads to; `proposed` is where every introduction starts. */
export type IntroductionStep = Exclude<IntroductionState, 'proposed'>;
export const INTRODUCTION_STEPS = INTRODUCTION_STATES.filter(
  (state): state is IntroductionStep => state !== 'proposed',
);

export const NEXT_STEPS: Readonly<Record<IntroductionState, readonly IntroductionStep[]>> = {
  proposed: ['asked-a'],
  'asked-a': ['agreed-a', 'declined-a'],
  'agreed-a': ['asked-b'],
  'declined-a': [],
  'asked-b': ['agreed-b', 'declined-b'],
  'agreed-b': ['introduced'],
  'declined-b': [],
  introduced: ['outcome'],
  outcome: [],
};

export function isIntroductionStep(value: string): value is IntroductionStep {
  return (INTRODUCTION_STEPS as readonly string[]).includes(value);
}

export function isFinished(state: IntroductionState): boolean {
  return NEXT_STEPS[state].length === 0;
}

/** The state after `step`, or a `conflict` error that names the steps allowed from `state`. */
export function advanceIntroduction(state: IntroductionState, step: IntroductionStep): IntroductionState {
  const allowed = NEXT_STEPS[state];
  if (allowed.includes(step)) return step;
  if (allowed.length === 0) {
    throw new AppError(
      'conflict',
      `the introduction is finished (${state}): no step can follow, "${step}" included`,
      { state, step, allowed },
    );
  }
  throw new AppError(
    'conflict',
    `"${step}" cannot follow "${state}": the next step is ${allowed.map((next) => `"${next}"`).join(' or ')}`,
    { state, step, allowed },
  );
}

/** What a step records as interactions: messages with who and which way, and the introductions made. */
export interface StepRecord {
  who: 'a' | 'b';
  kind: 'message' | 'introduction-made';
  direction: 'in' | 'out';
}

export function recordsOfStep(step: IntroductionStep): StepRecord[] {
  switch (step) {
    case 'asked-a':
      return [{ who: 'a', kind: 'message', direction: 'out' }];
    case 'agreed-a':
    case 'declined-a':
      return [{ who: 'a', kind: 'message', direction: 'in' }];
    case 'asked-b':
      return [{ who: 'b', kind: 'message', direction: 'out' }];
    case 'agreed-b':
    case 'declined-b':
      return [{ who: 'b', kind: 'message', direction: 'in' }];
    case 'introduced':
      return [
        { who: 'a', kind: 'message', direction: 'out' },
        { who: 'b', kind: 'message', direction: 'out' },
        { who: 'a', kind: 'introduction-made', direction: 'out' },
        { who: 'b', kind: 'introduction-made', direction: 'out' },
      ];
    case 'outcome':
      // The outcome is what A (asked first, so the one I follow up with) tells me about the meeting.
      return [{ who: 'a', kind: 'message', direction: 'in' }];
  }
}

// ---------------------------------------------------------------------------------------------------------
// Stalls: 7 days in an asked state, 30 days after the introduction without an outcome
// (docs/rules/introductions-and-paths.md#stalls). Calendar days in the data folder's zone; the reminder is
// due on the 7th (30th) day, like a cadence that has run out.

export const STALL_DAYS: Readonly<Partial<Record<IntroductionState, number>>> = {
  'asked-a': 7,
  'asked-b': 7,
  introduced: 30,
};

export interface Stall {
  due: string;
  stalled: boolean;
}

export function stallOf(state: IntroductionState, stateAt: number, now: number, zone: string): Stall | null {
  const days = STALL_DAYS[state];
  if (days === undefined) return null;
  const due = addDays(toLocalDate(stateAt, zone), days);
  return { due, stalled: toLocalDate(now, zone) >= due };
}

// ---------------------------------------------------------------------------------------------------------
// Drafts. tend drafts; the person sends (docs/rules/introductions-and-paths.md#drafts). Each draft cites what
// is known: the reason I gave (`--why`), the need or goal that fits, the other person's offer or role.

export interface IntroductionParty {
  id: number;
  name: string;
  company: string | null;
  position: string | null;
  offers: readonly string[];
  needs: readonly string[];
}

export interface DraftContext {
  a: IntroductionParty;
  b: IntroductionParty;
  why: string | null;
  /** The best fit between the two, when their needs, goals, offers or roles meet. */
  fit: PairFit | null;
  /** When the state began, as YYYY-MM-DD in the data folder's zone (for reminders). */
  since: string;
}

export interface Draft {
  to: string[];
  subject: string | null;
  text: string;
}

function role(party: IntroductionParty): string | null {
  if (party.position && party.company) return `${party.position} at ${party.company}`;
  return party.position ?? party.company;
}

function withRole(party: IntroductionParty): string {
  const text = role(party);
  return text ? `${party.name} (${text})` : party.name;
}

function sentence(text: string): string {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  if (!trimmed) return '';
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/**
 * Why the two should meet: my reason first, then the facts that fit. Told to `reader` about `other`, or in
 * the third person when `reader` is null (the introduction mail goes to both).
 */
function whyTheyShouldMeet(
  context: DraftContext,
  reader: IntroductionParty | null,
  other: IntroductionParty,
): string {
  const parts: string[] = [];
  // My reason, told to one of the two it describes, speaks to them ("Sofia needs" → "You need"); a reason
  // that names neither is about the one who seeks (else A): "her app" is Sofia's.
  if (context.why) parts.push(sentence(reader ? whyTold(context, reader) : context.why));
  const fit = context.fit;
  // A reason that already says what the one seeks needs no second sentence saying it again.
  const said = fit !== null && (context.why ?? '').toLowerCase().includes(fit.source.text.toLowerCase());
  if (fit && !said) {
    const seeker = fit.seekerId === context.a.id ? context.a : context.b;
    const giver = seeker === context.a ? context.b : context.a;
    const name = (party: IntroductionParty) => (party === reader ? 'you' : firstNameOf(party.name));
    const you = (party: IntroductionParty) => party === reader;
    const wants =
      fit.source.kind === 'need'
        ? `${you(seeker) ? 'are' : 'is'} looking for “${fit.source.text}”`
        : `${you(seeker) ? 'have' : 'has'} the goal “${fit.source.text}”`;
    const has =
      fit.target.kind === 'offer'
        ? `${you(giver) ? 'offer' : 'offers'} “${fit.target.text}”`
        : fit.target.kind === 'role'
          ? `${you(giver) ? 'work' : 'works'} as ${fit.target.text}`
          : `${you(giver) ? 'work' : 'works'} at ${fit.target.text}`;
    const lead = you(seeker) ? 'You mentioned you' : firstNameOf(seeker.name);
    parts.push(`${lead} ${wants}, and ${name(giver)} ${has}.`);
  } else if (!fit && other.offers[0]) {
    parts.push(`${firstNameOf(other.name)} offers “${other.offers[0]}”.`);
  }
  if (parts.length === 0) parts.push('I think you would get a lot out of meeting each other.');
  return parts.join(' ');
}

function whyTold(context: DraftContext, reader: IntroductionParty): string {
  const why = context.why ?? '';
  const described = context.fit ? (context.fit.seekerId === context.a.id ? context.a : context.b) : context.a;
  const namesSomeone = [context.a, context.b].some((party) => mentions(why, party.name));
  return addressedTo(why, reader.name, { pronouns: !namesSomeone && described === reader });
}

function askDraft(
  context: DraftContext,
  reader: IntroductionParty,
  other: IntroductionParty,
  first: boolean,
): Draft {
  const readerFirst = firstNameOf(reader.name);
  const otherFirst = firstNameOf(other.name);
  const closing = first
    ? `Would you like me to introduce you? If yes, I'll check with ${otherFirst} too, and only introduce you if you both want it. A no is completely fine.`
    : `${firstNameOf(context.a.name)} would like to meet you. Would you be open to an introduction? A no is completely fine; I won't share anything until you say yes.`;
  return {
    to: [reader.name],
    subject: null,
    text: `Hi ${readerFirst},\n\nI'd like to introduce you to ${withRole(other)}. ${whyTheyShouldMeet(context, reader, other)}\n\n${closing}`,
  };
}

/** The draft of what I send next in `state`, or null when there is nothing for me to send. */
export function draftFor(state: IntroductionState, context: DraftContext): Draft | null {
  const { a, b } = context;
  const aFirst = firstNameOf(a.name);
  const bFirst = firstNameOf(b.name);
  switch (state) {
    case 'proposed':
      return askDraft(context, a, b, true);
    case 'agreed-a':
      return askDraft(context, b, a, false);
    case 'asked-a':
      return {
        to: [a.name],
        subject: null,
        text: `Hi ${aFirst},\n\nA gentle nudge about my note of ${context.since}: would you like to meet ${withRole(b)}? Either answer is fine.`,
      };
    case 'asked-b':
      return {
        to: [b.name],
        subject: null,
        text: `Hi ${bFirst},\n\nA gentle nudge about my note of ${context.since}: ${aFirst} would like to meet you. Would you be open to an introduction? Either answer is fine.`,
      };
    case 'agreed-b':
      return {
        to: [a.name, b.name],
        subject: `Introduction: ${a.name} ↔ ${b.name}`,
        text: [
          `Hi ${aFirst} and ${bFirst},`,
          '',
          `As promised, here you are. ${aFirst}, meet ${withRole(b)}. ${bFirst}, meet ${withRole(a)}.`,
          whyTheyShouldMeet(context, null, b),
          '',
          `I'll let you two take it from here.`,
        ].join('\n'),
      };
    case 'declined-a':
      return {
        to: [a.name],
        subject: null,
        text: `Thanks for letting me know, ${aFirst}. No problem at all; I won't pass anything on to ${bFirst}.`,
      };
    case 'declined-b':
      return {
        to: [a.name],
        subject: null,
        text: `Hi ${aFirst},\n\nI asked ${withRole(b)}, but the timing doesn't work on their side right now. I'll keep you in mind if someone else fits.`,
      };
    case 'introduced':
      return {
        to: [a.name, b.name],
        subject: `How did it go? ${a.name} ↔ ${b.name}`,
        text: `Hi ${aFirst} and ${bFirst},\n\nI introduced you on ${context.since}. How did it go? Did you get to meet? I'd love to hear whether it was useful.`,
      };
    case 'outcome':
      return null;
  }
}

/** Short summaries for the interactions a step records (the timeline shows them). */
export function stepSummary(
  step: IntroductionStep,
  introductionId: number,
  a: { name: string },
  b: { name: string },
  note: string | null,
): string {
  const what: Record<IntroductionStep, string> = {
    'asked-a': `asked ${a.name} about meeting ${b.name}`,
    'agreed-a': `${a.name} agreed to meet ${b.name}`,
    'declined-a': `${a.name} declined to meet ${b.name}`,
    'asked-b': `asked ${b.name} about meeting ${a.name}`,
    'agreed-b': `${b.name} agreed to meet ${a.name}`,
    'declined-b': `${b.name} declined to meet ${a.name}`,
    introduced: `introduced ${a.name} and ${b.name}`,
    outcome: `how the introduction of ${a.name} and ${b.name} went`,
  };
  const text = `Introduction ${introductionId}: ${what[step]}`;
  return note ? `${text}: ${note.replace(/\s+/g, ' ').trim()}` : text;
}

/** A person as the drafts of an introduction cite them. */
export function toParty(person: Person): IntroductionParty {
  return {
    id: person.id,
    name: person.name,
    company: person.company,
    position: person.position,
    offers: person.offers,
    needs: person.needs,
  };
}

/** A draft quoted on one line (an agenda suggestion): "Hi Jonas,\n\nA gentle nudge" → "Hi Jonas, a gentle nudge". */
export function draftOnOneLine(text: string): string {
  return text
    .replace(/^([^\n]+,)\n\n(\p{Lu})([^\n]?)/u, (_m, greeting: string, letter: string, next: string) =>
      // "I" stays a capital ("Hi Sofia, I'd like…").
      letter === 'I' && /^[\s'’]$/.test(next)
        ? `${greeting} ${letter}${next}`
        : `${greeting} ${letter.toLowerCase()}${next}`,
    )
    .replace(/\s+/g, ' ')
    .trim();
}
