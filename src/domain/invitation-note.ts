import { namesOrganization } from './organization-name.js';
import { isGenericInvitationNote } from './triage/generic-note.js';
import { personalNoteCues } from './triage/personal-cues.js';
import { salesPitchCues } from './triage/pitch-cues.js';
import { firstNameOf } from './suggestions.js';
import { collapseWhitespace, normalizeName } from './text-normalization.js';

/**
 * My own invitation notes (docs/rules/invitations.md#note-draft): within LinkedIn's limit (200 characters
 * free, 300 with Premium; the caller passes the limit), saying how we know each other or why I write — the
 * basis every invitation needs (docs/rules/invitations.md) — and never LinkedIn's template. tend drafts; the
 * person edits and sends.
 */

export interface NoteCheck {
  text: string;
  length: number;
  limit: number;
  /** True when the note fits and nothing was found to warn about. */
  ok: boolean;
  warnings: string[];
}

export interface NoteCheckContext {
  recipientName: string;
  limit: number;
  howMet: string | null;
  sharedEmployer: string | null;
  sharedSchool: string | null;
  recipientCompany: string | null;
}

export interface NoteDraftContext {
  recipientName: string;
  ownerFirstName: string | null;
  howMet: string | null;
  sharedEmployer: string | null;
  sharedSchool: string | null;
  recipientCompany: string | null;
  recipientPosition: string | null;
  limit: number;
}

// User-perceived characters: an emoji with a skin tone or a flag is one character, as people count them.
// The segmenter is made when first needed: making one costs ~15 ms (ICU's data), at every start if made here.
let segmenter: Intl.Segmenter | undefined;
const graphemes = {
  segment: (text: string) =>
    (segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })).segment(text),
};

function graphemeList(text: string): string[] {
  return Array.from(graphemes.segment(text), (part) => part.segment);
}

function graphemeLength(text: string): number {
  let count = 0;
  for (const _ of graphemes.segment(text)) count++;
  return count;
}

/** The first `count` graphemes, ending in "…" when something was cut — at a word end when one is near. */
function clip(text: string, count: number): string {
  const parts = graphemeList(text);
  if (parts.length <= count) return text;
  if (count <= 0) return '';
  let kept = parts.slice(0, count - 1);
  const lastSpace = kept.lastIndexOf(' ');
  if (lastSpace > 0 && kept.length - lastSpace <= 15) kept = kept.slice(0, lastSpace);
  return `${kept.join('').trimEnd()}…`;
}

/** Words that say nothing about a place or a person ("a", "meetup" does). */
const MINOR_WORDS = new Set(
  'a an the and or of in at on for to with from by my our his her their we i he she they him them was were is in 2019 2020 2021 2022 2023 2024 2025 2026'.split(
    ' ',
  ),
);

/** How-met notes are free text ("A payments meetup in 2020"): one distinctive word of it in the note is enough. */
function namesHowMet(text: string, howMet: string): boolean {
  const noteWords = new Set(normalizeName(text).split(' '));
  return normalizeName(howMet)
    .split(' ')
    .some((word) => word.length >= 4 && !MINOR_WORDS.has(word) && noteWords.has(word));
}

/** Capitalised words that are neither the first of a sentence nor a pronoun: a place, a person, an event. */
const NOT_PROPER = new Set(
  'I Id Im Ive Ill LinkedIn Linkedin Premium Hi Hello Hey Dear Sie Ihnen Ihr Ihre Ihrem Ihren Du Dich Dir Dein Deine Vous Usted'.split(
    ' ',
  ),
);

function namesSomeoneOrSomewhere(text: string, recipientName: string): boolean {
  const recipient = new Set(normalizeName(recipientName).split(' '));
  const pattern = /([.!?\n]\s*|^\s*)?(\p{Lu}[\p{L}\p{M}'’-]*)/gu;
  for (const match of text.matchAll(pattern)) {
    if (match[1] !== undefined) continue; // the first word of a sentence
    const word = (match[2] ?? '').replace(/['’].*$/, '');
    if (word.length < 2 || NOT_PROPER.has(word)) continue;
    const start = match.index;
    if (start > 0 && /[\p{L}\p{N}]/u.test(text.charAt(start - 1))) continue; // "iPhone", "McKinsey" mid-word
    if (recipient.has(normalizeName(word))) continue;
    return true;
  }
  return false;
}

/** A closing signature ("… – Maya", "….\nMaya Lindqvist") names the writer, not a reason to write. */
function withoutSignature(text: string): string {
  return text.replace(
    /(?:\s[–—-]+\s*|[.!?,]\s*\n\s*)\p{Lu}[\p{L}\p{M}'’.-]*(?: \p{Lu}[\p{L}\p{M}'’.-]*)?\s*$/u,
    '',
  );
}

function greetsByName(text: string, recipientName: string): boolean {
  const names = normalizeName(recipientName)
    .split(' ')
    .filter((part) => part.length > 0);
  if (names.length === 0) return true; // nothing to check against
  const opening = normalizeName(text).split(' ').slice(0, 5);
  return names.some((part) => opening.includes(part));
}

/** The bracketed placeholder a draft carries when nothing is known (`draftInvitationNote`), or null. */
export function draftPlaceholderIn(text: string): string | null {
  return /\[add how you know [^\]]*? or why you are writing\]/.exec(text)?.[0] ?? null;
}

export function checkInvitationNote(text: string, context: NoteCheckContext): NoteCheck {
  const length = graphemeLength(text);
  const limit = context.limit;
  const warnings: string[] = [];
  const first = firstNameOf(collapseWhitespace(context.recipientName)) || 'them';

  if (length > limit) {
    const over = length - limit;
    warnings.push(
      `Too long: ${over} ${over === 1 ? 'character' : 'characters'} over the ${limit}-character limit (${length}).`,
    );
  }
  if (!text.trim()) {
    warnings.push(`Empty: say how you know ${first} or why you write.`);
    return { text, length, limit, ok: false, warnings };
  }

  const placeholder = draftPlaceholderIn(text);
  if (placeholder !== null)
    warnings.push(
      `To fill in: replace "${placeholder}" with how you know ${first} or why you write; the note cannot be sent with it.`,
    );
  const generic = isGenericInvitationNote(text);
  if (generic) {
    warnings.push(
      `Generic: this is LinkedIn's standard note, the mark of a "collector"; say how you know ${first} or why you write.`,
    );
  }
  const pitch = salesPitchCues(text);
  if (pitch.length > 0) {
    warnings.push(
      `Reads like a sales pitch (${pitch.map((cue) => `“${cue}”`).join(', ')}): a first note should be about ${first}, not an offer.`,
    );
  }
  const facts = [context.sharedEmployer, context.sharedSchool, context.recipientCompany].filter(
    (fact): fact is string => typeof fact === 'string' && fact.trim().length > 0,
  );
  const saysWhy =
    !generic &&
    (personalNoteCues(text).length > 0 ||
      facts.some((fact) => namesOrganization(text, fact)) ||
      (context.howMet !== null && namesHowMet(text, context.howMet)) ||
      namesSomeoneOrSomewhere(withoutSignature(text), context.recipientName));
  if (!saysWhy) {
    warnings.push(
      `No reason: the note does not say how you know ${first} or why you write (a place, an event, a person, their work, "we met at…").`,
    );
  }
  if (!greetsByName(text, context.recipientName)) {
    warnings.push(`No greeting: start with ${first}'s name ("Hi ${first},").`);
  }
  return { text, length, limit, ok: warnings.length === 0, warnings };
}

/** A fact as one clean phrase: whitespace collapsed, no closing punctuation ("Brightloop." → "Brightloop"). */
function clean(fact: string | null): string | null {
  if (fact === null) return null;
  const flat = collapseWhitespace(fact).replace(/[\s.,;:!?…]+$/u, '');
  return /[\p{L}\p{N}]/u.test(flat) ? flat : null;
}

/** "A payments meetup in 2020" → "a payments meetup in 2020"; names keep their capitals. */
function lowerArticle(phrase: string): string {
  return phrase.replace(/^(A|An|The|My|Our)\b/u, (word) => word.toLowerCase());
}

/**
 * How we met as the user wrote it, in a sentence that reads: "met at the payments meetup" → "we met at the
 * payments meetup", "through Anna" → "we know each other through Anna", "Brightloop" → "we know each
 * other from Brightloop".
 */
function howMetBasis(howMet: string): Basis {
  const text = howMet.replace(/^we\s+/i, '');
  const lowerFirst = (phrase: string) => phrase.charAt(0).toLowerCase() + phrase.slice(1);
  if (
    /^(met|worked|studied|were|sat|played|ran|built|shared|spoke|talked|both|share|work|study)\b/i.test(text)
  )
    return { prefix: 'we ', fact: lowerFirst(text), suffix: '.', acquainted: true };
  if (/^(through|via|at|in|from|since|on|during)\b/i.test(text))
    return { prefix: 'we know each other ', fact: lowerFirst(text), suffix: '.', acquainted: true };
  return { prefix: 'we know each other from ', fact: lowerArticle(text), suffix: '.', acquainted: true };
}

interface Basis {
  prefix: string;
  fact: string;
  suffix: string;
  /** Whether we already know each other (how we met, a shared place) or I write to someone new. */
  acquainted: boolean;
}

/**
 * The draft, richest first, then shorter until it fits: "Hi Jonas, we know each other from Brightloop. We
 * both studied at KTH. Would love to stay in touch. – Maya"; without room, the signature goes first, then
 * the closing and the second fact, and last the one fact is cut at a word end. How-met is read as a place
 * or context ("Brightloop", "a payments meetup in 2020"); the recipient's role and company are the reason
 * to write when nothing else is known. Without any fact the draft carries a bracketed placeholder, so the
 * person writes the reason — tend never invents one (and the check then warns "No reason").
 */
export function draftInvitationNote(context: NoteDraftContext): string {
  const limit = Math.max(0, Math.floor(context.limit));
  const recipient = collapseWhitespace(context.recipientName);
  const first = recipient ? firstNameOf(recipient) : 'there';
  const owner = clean(context.ownerFirstName);
  const howMet = clean(context.howMet);
  const employer = clean(context.sharedEmployer);
  const school = clean(context.sharedSchool);
  const company = clean(context.recipientCompany);
  const position = clean(context.recipientPosition);

  const bases: Basis[] = [];
  if (howMet) bases.push(howMetBasis(howMet));
  if (employer) bases.push({ prefix: 'we were both at ', fact: employer, suffix: '.', acquainted: true });
  if (school) bases.push({ prefix: 'we both studied at ', fact: school, suffix: '.', acquainted: true });
  if (company || position) {
    const work = position && company ? `${position} at ${company}` : (position ?? company ?? '');
    bases.push({
      prefix: `I'd love to hear about your work ${position ? 'as' : 'at'} `,
      fact: work,
      suffix: '.',
      acquainted: false,
    });
  }
  const main: Basis = bases[0] ?? {
    prefix: '[',
    fact: `add how you know ${first} or why you are writing`,
    suffix: '].',
    acquainted: false,
  };
  // A second basis only when it adds something: "from Brightloop" already says "we were both at Brightloop".
  const second = bases
    .slice(1)
    .find((basis) => !namesOrganization(main.fact, basis.fact) && !namesOrganization(basis.fact, main.fact));
  const greeting = `Hi ${first},`;
  const sentence = (basis: Basis, capital: boolean): string => {
    const text = `${basis.prefix}${basis.fact}${basis.suffix}`;
    return capital ? text.charAt(0).toUpperCase() + text.slice(1) : text;
  };
  const closing = main.acquainted ? ' Would love to stay in touch.' : ' Would be glad to connect.';
  const signature = owner ? ` – ${owner}` : '';
  const core = `${greeting} ${sentence(main, false)}`;
  const candidates = [
    `${core}${second ? ` ${sentence(second, true)}` : ''}${closing}${signature}`,
    `${core}${second ? ` ${sentence(second, true)}` : ''}${closing}`,
    `${core}${closing}`,
    core,
  ];
  for (const candidate of candidates) {
    if (graphemeLength(candidate) <= limit) return candidate;
  }
  // Too long even bare: shorten the fact, keeping the greeting and the frame around it.
  const frame = graphemeLength(`${greeting} ${main.prefix}${main.suffix}`);
  const room = limit - frame;
  if (room >= 8) {
    const fact = clip(main.fact, room);
    const suffix = fact.endsWith('…') && main.suffix === '.' ? '' : main.suffix;
    const shortened = `${greeting} ${main.prefix}${fact}${suffix}`;
    if (graphemeLength(shortened) <= limit) return shortened;
  }
  return clip(core, limit);
}
