import { foldedWords, foldedWordsWithCase } from '../text-normalization.js';
import type { TriageOwner } from './triage-types.js';

/** The form under which an event the owner attended is named in `text`, years left out; or null. */
export function eventMention(text: string, event: string): string | null {
  const withoutYears = event.replace(/\b(?:19|20)\d{2}\b/g, ' ');
  const key = foldedWords(withoutYears);
  if (key.length < 4) return null;
  const words = foldedWordsWithCase(text);
  const at = ` ${words.lower} `.indexOf(` ${key} `);
  return at >= 0 ? words.asWritten(at, at + key.length) : null;
}

/** Words of the owner's headline that name their work, not their rank ("pricing", not "senior"). */
const HEADLINE_STOP = new Set(
  'senior junior product products manager management director head lead leader engineer engineering founder cofounder officer chief principal consultant specialist analyst professional network linkedin helping people about building passionate company companies business services solutions global international expert experienced years working currently former owner partner member other their there where which'.split(
    ' ',
  ),
);

/** The owner is the same for every invitation of a triage run: their topics are worked out once. */
const topicCache = new WeakMap<TriageOwner, string[]>();

export function headlineTopics(owner: TriageOwner): string[] {
  let topics = topicCache.get(owner);
  if (!topics) topicCache.set(owner, (topics = computeHeadlineTopics(owner)));
  return topics;
}

function computeHeadlineTopics(owner: TriageOwner): string[] {
  if (!owner.headline) return [];
  const excluded = new Set([
    ...foldedWords(owner.name ?? '').split(' '),
    ...owner.companies.flatMap((company) => foldedWords(company).split(' ')),
  ]);
  const topics = foldedWords(owner.headline)
    .split(' ')
    .filter((word) => word.length >= 5 && !HEADLINE_STOP.has(word) && !excluded.has(word));
  return [...new Set(topics)];
}

export function topicsNamed(text: string, topics: readonly string[]): string[] {
  const words = new Set(foldedWords(text).split(' '));
  return topics.filter((topic) => words.has(topic) || words.has(`${topic}s`));
}
