// Triage verdicts are cached by their inputs and TRIAGE_RULES_VERSION (triage/verdict.ts), which uses
// this module: raise that version when a change here changes what triage writes.
/**
 * Concrete next steps that cite what tend knows (docs/rules/agenda.md#suggestions: at least one stored fact —
 * a date at the least; two people with different facts never get the same text). Every text names the person
 * in full, not by first name: two people called Ann with the same need would otherwise get the very same
 * words.
 */

import { foldedWords } from './text-normalization.js';

export interface SuggestionFacts {
  name: string;
  company: string | null;
  position: string | null;
  howMet: string | null;
  needs: readonly string[];
  offers: readonly string[];
  goals: readonly string[];
  lastTopic: string | null;
  lastTopicDate: string | null;
  connectedOn: string | null;
}

export function firstNameOf(name: string): string {
  return name.trim().split(/\s+/)[0] || name;
}

export function snippet(text: string | null, length = 70): string | null {
  if (!text) return null;
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return null;
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

function fullNameOf(name: string): string {
  return name.replace(/\s+/g, ' ').trim() || name;
}

/**
 * Their position at their company. A position that already names the company ("Data Scientist at Acme", as
 * LinkedIn headlines often read) is said as it is: "at Acme at Acme" read as a mistake on a real export.
 */
function role(facts: SuggestionFacts): string | null {
  const { position, company } = facts;
  if (position && company) {
    const named = foldedWords(company);
    if (named && ` ${foldedWords(position)} `.includes(` ${named} `)) return position;
    return `${position} at ${company}`;
  }
  return position ?? company ?? null;
}

/** Follow-up: say something more, offer something, or ask for advice — whichever the facts support best. */
export function followUpSuggestion(facts: SuggestionFacts): string {
  const who = fullNameOf(facts.name);
  const need = facts.needs[0];
  if (need)
    return `Offer help: ${who} is looking for ${need} — share a lead, an idea or someone who can help.`;
  if (facts.howMet)
    return `Say something more: pick up where you met (“${snippet(facts.howMet, 80)}”) and ask ${who} what they are working on now.`;
  const work = role(facts);
  // A company that ends with its own full stop ("Pvt. Ltd.") gets no second one.
  if (work)
    return `Ask for advice: ask ${who} one specific question about their work as ${work.replace(/\.$/, '')}.`;
  return `Say something more: you connected on ${facts.connectedOn ?? 'a recent day'}; tell ${who} why you wanted to connect and ask what they are working on.`;
}

export function replySuggestion(facts: SuggestionFacts): string {
  const who = fullNameOf(facts.name);
  const topic = snippet(facts.lastTopic);
  return `Reply to ${who}'s message of ${facts.lastTopicDate ?? 'recently'}${topic ? `: “${topic}”` : ''}.`;
}

/** `sinceDate`: the last two-way exchange, or the day we connected when there was none. */
export function keepInTouchSuggestion(
  facts: SuggestionFacts,
  daysSince: number | null,
  circle: string,
  sinceDate: string,
): string {
  const who = fullNameOf(facts.name);
  const hook = facts.goals[0]
    ? `how their goal "${facts.goals[0]}" is going`
    : snippet(facts.lastTopic, 50)
      ? `what came of “${snippet(facts.lastTopic, 50)}”`
      : role(facts)
        ? `how things are going as ${role(facts)}`
        : 'what they are working on';
  const since =
    daysSince === null
      ? `no two-way exchange since connecting on ${sinceDate}`
      : `${daysSince} days since your last exchange on ${sinceDate}`;
  return `Check in with ${who} (${circle} circle, ${since}): ask ${hook}.`;
}

export function reviveSuggestion(facts: SuggestionFacts, lastExchangeDate: string): string {
  const who = fullNameOf(facts.name);
  const reason = facts.offers[0]
    ? `you could use their help with ${facts.offers[0]}`
    : role(facts)
      ? `they are now ${role(facts)}`
      : snippet(facts.lastTopic, 50)
        ? `you last talked about “${snippet(facts.lastTopic, 50)}”`
        : 'you have not talked in over a year';
  return `Write to ${who} with a specific reason — ${reason}; your last real exchange was on ${lastExchangeDate}.`;
}

/** `firstWrittenOn`: the first of my unanswered messages, cited when they never wrote one-to-one. */
export function letGoSuggestion(
  facts: SuggestionFacts,
  days: number,
  theirLastDate: string | null,
  firstWrittenOn: string,
): string {
  const who = fullNameOf(facts.name);
  return `You wrote to ${who} on ${days} different days${theirLastDate ? ` since their last reply on ${theirLastDate}` : ` since ${firstWrittenOn} without a reply`}: let it rest, or send one last honest note and leave the door open.`;
}

export function triageSuggestion(
  name: string,
  message: string | null,
  sentOn: string,
  verdict?: { verdict: string; reason: string } | null,
): string {
  const note = snippet(message, 60);
  if (verdict) {
    const first = firstNameOf(fullNameOf(name));
    // The reason is the verdict's own summary ("Ask: nothing yet shows…"): its label is said here already.
    const reason = verdict.reason.replace(/^(accept|ask|decline):\s*/i, '').replace(/[.\s]+$/, '');
    const step =
      verdict.verdict === 'accept'
        ? `accept — connect with ${name} (invited you on ${sentOn})`
        : verdict.verdict === 'ask'
          ? `ask — reply to ${first} before accepting (invited you on ${sentOn})`
          : `decline — let ${name}'s invitation of ${sentOn} go`;
    return `Suggested: ${step}: ${reason}. The draft and the decision: tend triage.`;
  }
  return note
    ? `Decide on ${name}'s invitation of ${sentOn}: “${note}” (tend triage)`
    : `Decide on ${name}'s invitation of ${sentOn}, sent without a note (tend triage)`;
}
