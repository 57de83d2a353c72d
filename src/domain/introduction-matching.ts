import { lazyCollator } from './collation.js';
import { companyWords } from './organization-name.js';
import { foldText } from './text-normalization.js';
import { extractTerms, sameCompanyKey, sharedWords, type Terms } from './introduction-terms.js';

import type {
  IntroductionSuggestion,
  MatchLinks,
  MatchPerson,
  PairFit,
  SourceKind,
  TargetKind,
} from './introduction-types.js';

export { extractTerms, sameCompanyKey, stemWord, type Terms } from './introduction-terms.js';
export type * from './introduction-types.js';

/**
 * Introduction suggestions (docs/rules/introductions-and-paths.md#complementary-pairs): pairs of people I
 * know well whose needs or goals meet the other's offers, role or company — complementary, never merely
 * similar. Pure.
 *
 * Scale: an inverted index term → target texts (offers, roles, companies) of the people I know well, looked
 * up from each need and goal, so 30,000 people never means comparing every pair.
 */

export const MATCHING = {
  /** Suggestions start at this score; the agenda takes the strong ones. */
  threshold: 50,
  strong: 70,
  /** How much a fit of each kind is worth at full coverage: an explicit offer beats an inferred role. */
  weights: {
    'need:offer': 1,
    'goal:offer': 0.9,
    'need:role': 0.85,
    'goal:role': 0.85,
    'need:company': 0.9,
    'goal:company': 0.9,
  } satisfies Record<`${SourceKind}:${TargetKind}`, number>,
  /**
   * Quality = (share of the need's words met, each weighted by how rare it is among offers, roles and
   * companies) ^ 0.75: one specific word of two ("a CTO for her startup") is a fair fit, one of seven is not.
   */
  coverageExponent: 0.75,
  /** A shared two-word phrase ("react native") is stronger evidence than the two words apart. */
  phraseBonus: 0.1,
  /** Both directions fit (each can help the other). */
  mutualBonus: 10,
  /** Candidate lookups read at most this many texts per term (the strongest ties first). */
  postingCap: 250,
  /** Each seeker's best fits, at most this many (one per other person): nobody needs 50 people for one need. */
  perSeeker: 5,
} as const;

interface TargetDoc {
  personIndex: number;
  kind: TargetKind;
  text: string;
  terms: Terms;
}

function roleText(person: MatchPerson): string | null {
  const parts = [person.position, person.headline].filter((part): part is string => Boolean(part));
  const unique = parts.filter(
    (part, index) => parts.findIndex((p) => foldText(p) === foldText(part)) === index,
  );
  return unique.length > 0 ? unique.join(' · ') : null;
}

function pairKey(a: number, b: number): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}

export function canIntroduceThrough(person: MatchPerson): boolean {
  return (
    (person.tie.band === 'strong' || person.tie.band === 'medium') && !person.doNotContact && !person.archived
  );
}

/** The target texts of everyone eligible, and the inverted index over their stems. */
function buildIndex(people: readonly MatchPerson[], termsOf: (text: string) => Terms) {
  const docs: TargetDoc[] = [];
  people.forEach((person, personIndex) => {
    for (const offer of person.offers)
      docs.push({ personIndex, kind: 'offer', text: offer, terms: termsOf(offer) });
    const role = roleText(person);
    if (role) docs.push({ personIndex, kind: 'role', text: role, terms: termsOf(role) });
    const company = person.company ? companyWords(person.company).join(' ') : '';
    if (company && person.company)
      docs.push({ personIndex, kind: 'company', text: person.company, terms: termsOf(company) });
  });
  const postings = new Map<string, number[]>();
  // Phrases as small integers in one flat array per doc range: the scoring loop checks them for millions
  // of candidate texts, and hashing strings in scattered sets was most of its time.
  const phraseIds = new Map<string, number>();
  const phraseStart = new Int32Array(docs.length + 1);
  const phraseList: number[] = [];
  docs.forEach((doc, docIndex) => {
    for (const stem of doc.terms.stems) {
      let list = postings.get(stem);
      if (!list) postings.set(stem, (list = []));
      list.push(docIndex);
    }
    for (const phrase of doc.terms.phrases) {
      let id = phraseIds.get(phrase);
      if (id === undefined) phraseIds.set(phrase, (id = phraseIds.size));
      phraseList.push(id);
    }
    phraseStart[docIndex + 1] = phraseList.length;
  });
  // Docs were added in people order (strongest ties first), so every posting list is too: a capped lookup
  // of a common term keeps the people best to introduce.
  // A word nobody else uses weighs like one used once: it is specific, not evidence against the fit.
  const weights = new Map<string, number>();
  const idf = (stem: string): number => {
    let weight = weights.get(stem);
    if (weight === undefined)
      weights.set(stem, (weight = Math.log(1 + docs.length / Math.max(1, postings.get(stem)?.length ?? 0))));
    return weight;
  };
  const kindCode: Record<TargetKind, number> = { offer: 0, role: 1, company: 2 };
  return {
    docs,
    postings,
    idf,
    phraseIds,
    phraseStart,
    phraseList: Int32Array.from(phraseList),
    docPerson: Int32Array.from(docs, (doc) => doc.personIndex),
    docKind: Uint8Array.from(docs, (doc) => kindCode[doc.kind]),
  };
}

interface FitOptions {
  threshold: number;
  perSeeker: number;
  /** Pairs that must not be suggested (already linked), by index into `people`. */
  excluded?: (seekerIndex: number, otherIndex: number) => boolean;
}

/**
 * Each seeker's best fits, one per other person, at most `perSeeker`, strongest first. Term-at-a-time
 * scoring over the inverted index with typed accumulators: no pair is ever looked at unless it shares a
 * word, and only the fits that are kept become objects.
 */
function directionalFits(people: readonly MatchPerson[], options: FitOptions): PairFit[] {
  // The hot loop reads flat arrays, not doc objects.
  // Titles and companies repeat across thousands of people: their words are worked out once.
  const memo = new Map<string, Terms>();
  const termsOf = (text: string): Terms => {
    let terms = memo.get(text);
    if (!terms) memo.set(text, (terms = extractTerms(text)));
    return terms;
  };
  const { docs, postings, idf, phraseIds, phraseStart, phraseList, docPerson, docKind } = buildIndex(
    people,
    termsOf,
  );
  const gathered = new Float64Array(docs.length);
  const touchedDocs: number[] = [];
  const bestScore = new Int16Array(people.length).fill(-1);
  const bestDoc = new Int32Array(people.length);
  const bestSource = new Int32Array(people.length);
  const touchedPeople: number[] = [];
  const fits: PairFit[] = [];

  people.forEach((seeker, seekerIndex) => {
    const sources: Array<{ kind: SourceKind; text: string; terms: Terms }> = [
      ...seeker.needs.map((text) => ({ kind: 'need' as const, text, terms: termsOf(text) })),
      ...seeker.goals.map((text) => ({ kind: 'goal' as const, text, terms: termsOf(text) })),
    ];
    if (sources.length === 0) return;
    // What the seeker already is does not count towards a role fit: that would be similarity of titles.
    const ownRole = termsOf(roleText(seeker) ?? '').stems;
    sources.forEach(({ kind, terms }, sourceIndex) => {
      if (terms.stems.size === 0) return;
      let plain = 0;
      let role = 0;
      for (const stem of terms.stems) {
        plain += idf(stem);
        if (!ownRole.has(stem)) role += idf(stem);
      }
      const known = (entries: string[]) =>
        entries.map((entry) => phraseIds.get(entry)).filter((id): id is number => id !== undefined);
      const phrases = known([...terms.phrases]);
      const rolePhrases = known(
        [...terms.phrases].filter((entry) => !entry.split(' ').some((stem) => ownRole.has(stem))),
      );
      const kindWeights = [
        MATCHING.weights[`${kind}:offer`],
        MATCHING.weights[`${kind}:role`],
        MATCHING.weights[`${kind}:company`],
      ];
      // The least share of the need's weight that can still reach the threshold, per target kind.
      const least = kindWeights.map(
        (kindWeight) =>
          Math.max(0, (options.threshold - 0.5) / (100 * kindWeight) - MATCHING.phraseBonus) **
          (1 / MATCHING.coverageExponent),
      );
      for (const stem of terms.stems) {
        const list = postings.get(stem);
        if (!list) continue;
        const weight = idf(stem);
        const skipRoles = ownRole.has(stem);
        const end = Math.min(list.length, MATCHING.postingCap);
        for (let position = 0; position < end; position++) {
          const docIndex = list[position] ?? 0;
          if (docPerson[docIndex] === seekerIndex || (skipRoles && docKind[docIndex] === 1)) continue;
          if (gathered[docIndex] === 0) touchedDocs.push(docIndex);
          gathered[docIndex] = (gathered[docIndex] ?? 0) + weight;
        }
      }
      for (const docIndex of touchedDocs) {
        const weight = gathered[docIndex] ?? 0;
        gathered[docIndex] = 0;
        const code = docKind[docIndex] ?? 0;
        const denominator = code === 1 ? role : plain;
        if (denominator <= 0 || weight / denominator < (least[code] ?? 1)) continue;
        const kindWeight = kindWeights[code] ?? 0;
        const base = Math.pow(weight / denominator, MATCHING.coverageExponent);
        const ceiling = Math.round(100 * kindWeight * Math.min(1, base + MATCHING.phraseBonus));
        const otherIndex = docPerson[docIndex] ?? 0;
        const current = bestScore[otherIndex] ?? -1;
        // The phrase bonus can only add: skip what cannot reach the threshold or beat the best so far.
        if (ceiling < options.threshold || ceiling <= current) continue;
        let phrase = false;
        const wanted = code === 1 ? rolePhrases : phrases;
        const end = phraseStart[docIndex + 1] ?? 0;
        for (let at = phraseStart[docIndex] ?? 0; at < end && !phrase; at++)
          phrase = wanted.includes(phraseList[at] ?? -1);
        const score = phrase ? ceiling : Math.round(100 * kindWeight * Math.min(1, base));
        if (score < options.threshold || score <= current) continue;
        if (current < 0) touchedPeople.push(otherIndex);
        bestScore[otherIndex] = score;
        bestDoc[otherIndex] = docIndex;
        bestSource[otherIndex] = sourceIndex;
      }
      touchedDocs.length = 0;
    });

    // Scores are whole numbers: bucket them, strongest first, stronger ties (lower index) first within one.
    const buckets: number[][] = [];
    for (const otherIndex of touchedPeople) (buckets[bestScore[otherIndex] ?? 0] ??= []).push(otherIndex);
    let kept = 0;
    for (let score = 100; score >= options.threshold && kept < options.perSeeker; score--) {
      const bucket = buckets[score];
      if (!bucket) continue;
      bucket.sort((x, y) => x - y);
      for (const otherIndex of bucket) {
        if (kept >= options.perSeeker) break;
        const other = people[otherIndex];
        const doc = docs[bestDoc[otherIndex] ?? 0];
        const source = sources[bestSource[otherIndex] ?? 0];
        if (!other || !doc || !source || options.excluded?.(seekerIndex, otherIndex)) continue;
        fits.push({
          seekerId: seeker.id,
          otherId: other.id,
          source: { kind: source.kind, text: source.text },
          target: { kind: doc.kind, text: doc.text },
          shared: sharedWords(source.terms, doc.terms, doc.kind === 'role' ? ownRole : new Set()),
          score,
        });
        kept++;
      }
    }
    for (const otherIndex of touchedPeople) bestScore[otherIndex] = -1;
    touchedPeople.length = 0;
  });
  return fits;
}

function quote(text: string): string {
  return `“${text.replace(/\s+/g, ' ').trim()}”`;
}

/** The fit in words, citing both facts: "Ann is looking for “a CTO”; Bo offers “fractional CTO work”". */
export function describeFit(fit: PairFit, seeker: MatchPerson, other: MatchPerson): string {
  const wants =
    fit.source.kind === 'need'
      ? `${seeker.name} is looking for ${quote(fit.source.text)}`
      : `${seeker.name}'s goal is ${quote(fit.source.text)}`;
  const has =
    fit.target.kind === 'offer'
      ? `${other.name} offers ${quote(fit.target.text)}`
      : fit.target.kind === 'role'
        ? `${other.name} is ${fit.target.text}${other.company ? ` at ${other.company}` : ''}`
        : `${other.name} works at ${other.company ?? fit.target.text}`;
  return `${wants}; ${has} (in common: ${fit.shared.join(', ')})`;
}

// One collator for every name comparison: `localeCompare` builds one per call, a hot spot at 30,000 people.
const byName = lazyCollator('en');

function compareSuggestions(x: IntroductionSuggestion, y: IntroductionSuggestion): number {
  return (
    y.score - x.score ||
    byName(x.a.name, y.a.name) ||
    byName(x.b.name, y.b.name) ||
    x.a.id - y.a.id ||
    x.b.id - y.b.id
  );
}

/**
 * Complementary pairs among the people I know well, strongest first (score, then names). People whose tie
 * is weak, dormant or none, archived or do-not-contact people never take part: "you can't introduce someone
 * you don't know". Pairs already linked (a recorded tie, an introduction, the same company now, a group
 * thread together) are left out.
 */
export function suggestIntroductions(
  everyone: readonly MatchPerson[],
  links: MatchLinks,
  options: { threshold?: number; perSeeker?: number } = {},
): IntroductionSuggestion[] {
  const threshold = options.threshold ?? MATCHING.threshold;
  const people = everyone
    .filter(canIntroduceThrough)
    .sort((x, y) => y.tie.score - x.tie.score || byName(x.name, y.name) || x.id - y.id);
  const byId = new Map(people.map((person) => [person.id, person]));
  const recorded = new Set<string>();
  for (const [a, b] of [...links.knownTies, ...links.introductions]) recorded.add(pairKey(a, b));
  const companies = people.map((person) => sameCompanyKey(person.company));
  const threads = people.map((person) => new Set(links.groupThreads.get(person.id) ?? []));
  const excluded = (x: number, y: number): boolean => {
    const [a, b] = [people[x], people[y]];
    if (!a || !b || recorded.has(pairKey(a.id, b.id))) return true;
    if (companies[x] !== null && companies[x] === companies[y]) return true;
    const [small, large] = [threads[x], threads[y]].sort((p, q) => (p?.size ?? 0) - (q?.size ?? 0));
    for (const key of small ?? []) if (large?.has(key)) return true;
    return false;
  };

  const byPair = new Map<string, PairFit[]>();
  const fits = directionalFits(people, {
    threshold,
    perSeeker: options.perSeeker ?? MATCHING.perSeeker,
    excluded,
  });
  for (const fit of fits) {
    const key = pairKey(fit.seekerId, fit.otherId);
    const list = byPair.get(key);
    if (list) list.push(fit);
    else byPair.set(key, [fit]);
  }
  const suggestions: IntroductionSuggestion[] = [];
  for (const pairFits of byPair.values()) {
    const passing = [...pairFits].sort((x, y) => y.score - x.score || x.seekerId - y.seekerId);
    const top = passing[0];
    const seeker = top ? byId.get(top.seekerId) : undefined;
    const other = top ? byId.get(top.otherId) : undefined;
    if (!top || !seeker || !other) continue;
    const score = Math.min(100, top.score + (passing.length > 1 ? MATCHING.mutualBonus : 0));
    const reasons = passing.map((fit) =>
      fit.seekerId === seeker.id ? describeFit(fit, seeker, other) : describeFit(fit, other, seeker),
    );
    reasons.push(
      `both ties at least medium: ${seeker.name} ${seeker.tie.score} (${seeker.tie.band}), ${other.name} ${other.tie.score} (${other.tie.band})`,
      'not linked yet: different companies, no group thread together, no recorded tie',
    );
    suggestions.push({
      a: { id: seeker.id, name: seeker.name },
      b: { id: other.id, name: other.name },
      score,
      reasons,
      fits: passing,
    });
  }
  return suggestions.sort(compareSuggestions);
}

/** The best fit between two given people either way (for drafts), whatever their ties; null when none. */
export function bestFitBetween(a: MatchPerson, b: MatchPerson): PairFit | null {
  const open = (person: MatchPerson): MatchPerson => ({
    ...person,
    tie: { score: 100, band: 'strong' },
    doNotContact: false,
    archived: false,
  });
  const fits = directionalFits([open(a), open(b)], { threshold: 1, perSeeker: 1 }).sort(
    (x, y) => y.score - x.score || (x.seekerId === a.id ? -1 : 1),
  );
  return fits[0] ?? null;
}
