import { sameOrganization } from './organization-name.js';
import type { Person } from './person.js';
import { calendarDaysBetween, toLocalDate } from './time.js';

/**
 * Connections that never were (docs/rules/prune-and-health.md#prune-candidate): a connection is a prune
 * candidate when nothing speaks for keeping it. Every reason that does is named, so `prune --apply` can say
 * why it refuses someone and the listing can say why the rest are there.
 */
export const PRUNE_AFTER_DAYS = 365;

export interface PruneFacts {
  now: number;
  zone: string;
  /** Interaction records of any kind (messages in any folder, notes, logs, endorsements…). */
  records: number;
  hasInvitationNote: boolean;
  introduced: boolean;
  /** My employers now (positions without an end), as their names. */
  currentEmployers: readonly string[];
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** What speaks for keeping this person; empty when they are a prune candidate. */
export function pruneKeepReasons(person: Person, facts: PruneFacts): string[] {
  const reasons: string[] = [];
  if (person.connectionState !== 'connected' || person.connectedAt === null) reasons.push('not a connection');
  else {
    const days = calendarDaysBetween(person.connectedAt, facts.now, facts.zone);
    if (days <= PRUNE_AFTER_DAYS) reasons.push(`connected only ${plural(days, 'day')} ago`);
  }
  if (facts.records > 0) reasons.push(`${plural(facts.records, 'interaction')} on record`);
  if (facts.hasInvitationNote) reasons.push('an invitation note');
  if (person.circle) reasons.push(`in your ${person.circle} circle`);
  if (person.tags.length > 0) reasons.push(`tagged ${person.tags.join(', ')}`);
  const known = [
    person.needs.length > 0 ? 'needs' : null,
    person.offers.length > 0 ? 'offers' : null,
    person.goals.length > 0 ? 'goals' : null,
  ].filter((value): value is string => value !== null);
  if (known.length > 0) reasons.push(`you noted their ${known.join(', ')}`);
  if (person.howMet) reasons.push('you noted how you met');
  if (person.notes || person.importedNotes) reasons.push('notes');
  if (facts.introduced) reasons.push('part of an introduction');
  const employer = person.company
    ? facts.currentEmployers.find((name) => sameOrganization(name, person.company ?? ''))
    : undefined;
  if (employer) reasons.push(`works at ${employer}, where you work now`);
  return reasons;
}

/** The listing's reason for a candidate: "connected on 2024-03-01 (626 days ago) and never any …". */
export function pruneCandidateReason(person: Person, now: number, zone: string): string {
  const connectedAt = person.connectedAt ?? now;
  const days = calendarDaysBetween(connectedAt, now, zone);
  return `connected on ${toLocalDate(connectedAt, zone)} (${days} days ago) and never any interaction, note, circle or tag`;
}
