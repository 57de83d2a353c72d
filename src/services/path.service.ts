import { lazyCollator } from '../domain/collation.js';
import { companyMatcher } from '../domain/organization-name.js';
import { AppError } from '../domain/errors.js';
import { normalizeProfileUrl } from '../domain/identity.js';
import type { Person } from '../domain/person.js';
import type { TieStrength } from '../domain/strength.js';
import {
  colleagueEvidence,
  knowsEvidence,
  meetingEvidence,
  myTieEvidence,
  threadEvidence,
  type Evidence,
} from '../domain/path-evidence.js';
import { buildPathGraph, type PathGraphInput } from '../domain/path-graph.js';
import { findWarmPaths, SHOWN_FROM, type WarmPath } from '../domain/warm-paths.js';
import {
  createKnownTieRepository,
  type KnownTie,
  type SharedConversation,
} from '../store/known-tie.repository.js';
import { createPersonRepository } from '../store/person.repository.js';
import type { StoreContext } from '../store/store.js';
import type { PeopleService } from './people.service.js';
import type { RelationshipService } from './relationship.service.js';
import type { SettingsService } from './settings.service.js';

export type PathTarget =
  | { kind: 'person'; person: { id: number; name: string; company: string | null } }
  | {
      kind: 'company';
      query: string;
      /** The company names that matched, as the people's records write them. */
      companies: string[];
      match: 'exact' | 'words' | 'prefix' | 'none';
      people: Array<{ id: number; name: string }>;
      /** Archived or do-not-contact people who work there: never an end person. */
      leftOut: number;
    }
  | { kind: 'unknown-url'; url: string };

export interface PathResult {
  target: PathTarget;
  /** Ranked by verdict, then strongest first, at most `limit`. */
  paths: WarmPath[];
  /** Paths worth showing (scoring at least SHOWN_FROM) before the limit. */
  total: number;
  /** Paths scoring below SHOWN_FROM: too faint to act on, counted and not shown. */
  faint: number;
  /** What a person should know when there are no paths or the target was read loosely. */
  notes: string[];
}

const COMPANY_PREFIX = /^company:/i;
const collate = lazyCollator(undefined, { sensitivity: 'base' });
/** Companies named in a note: the first 10, then how many more. */
const NAMED_COMPANIES = 10;

function listed(companies: readonly string[]): string {
  const named = companies.slice(0, NAMED_COMPANIES).join(', ');
  return companies.length > NAMED_COMPANIES
    ? `${named} and ${companies.length - NAMED_COMPANIES} more`
    : named;
}

function tieDetail(strength: TieStrength): string {
  const parts = strength.reasons
    .filter((reason) => ['recency', 'floor', 'override'].includes(reason.component))
    .sort((a, b) => (a.component === 'recency' ? 1 : 0) - (b.component === 'recency' ? 1 : 0))
    .map((reason) => reason.text);
  return parts.join('; ');
}

/** Pairs of my people seen in the same conversations, with counts per kind; only pairs touching `frontier`. */
function coMembership(conversations: Iterable<SharedConversation>, frontier: ReadonlySet<number>) {
  const pairs = new Map<
    string,
    {
      a: number;
      b: number;
      threads: number;
      largest: number;
      lastAt: number;
      meetings: number;
      meetingAt: number;
    }
  >();
  for (const conversation of conversations) {
    const members = [...new Set(conversation.members)];
    for (const a of members) {
      if (!frontier.has(a)) continue;
      for (const b of members) {
        if (a === b || (frontier.has(b) && b < a)) continue;
        const [low, high] = a < b ? [a, b] : [b, a];
        const key = `${low}:${high}`;
        let entry = pairs.get(key);
        if (!entry) {
          entry = { a: low, b: high, threads: 0, largest: 0, lastAt: 0, meetings: 0, meetingAt: 0 };
          pairs.set(key, entry);
        }
        if (conversation.meeting) {
          entry.meetings++;
          entry.meetingAt = Math.max(entry.meetingAt, conversation.lastAt);
        } else {
          entry.threads++;
          entry.largest = Math.max(entry.largest, conversation.size);
          entry.lastAt = Math.max(entry.lastAt, conversation.lastAt);
        }
      }
    }
  }
  return pairs.values();
}

function recordedEvidence(tie: KnownTie, zone: string): Evidence {
  switch (tie.source) {
    case 'knows':
      return knowsEvidence(tie.strength, tie.evidence);
    case 'colleague':
      return colleagueEvidence(tie.evidence ?? 'the same employer', 'dates recorded', tie.strength);
    case 'meeting': {
      const piece = meetingEvidence({ meetings: 1, lastAt: null }, zone);
      return { ...piece, strength: tie.strength, text: tie.evidence ?? piece.text };
    }
    case 'thread': {
      const piece = threadEvidence({ threads: 1, largest: 3, lastAt: null }, zone);
      return { ...piece, strength: tie.strength, text: tie.evidence ?? 'shared a group thread' };
    }
  }
}

/**
 * `tend path TARGET`: warm paths to a person, a profile URL or `company:NAME`
 * (docs/rules/introductions-and-paths.md#warm-paths). Reads only the neighbourhood of the end people: their
 * evidence, their neighbours' evidence, and the strength of my ties to everyone in it; the search itself is
 * pure (domain/warm-paths.ts).
 */
export function createPathService(deps: {
  store: StoreContext;
  people: PeopleService;
  relationships: RelationshipService;
  settings: SettingsService;
}) {
  const { store, people, relationships, settings } = deps;
  const personRepository = createPersonRepository(store);
  const ties = createKnownTieRepository(store);

  async function resolveTarget(target: string): Promise<{ target: PathTarget; endIds: number[] }> {
    const text = target.trim();
    if (COMPANY_PREFIX.test(text)) {
      const query = text.replace(COMPANY_PREFIX, '').trim();
      if (!query) throw new AppError('usage', 'company: needs a name, for example company:"Acme Inc"');
      const match = companyMatcher(query);
      const found = { exact: [] as string[], words: [] as string[], prefix: [] as string[] };
      for (const company of await personRepository.distinctCompanies()) {
        const how = match(company);
        if (how) found[how].push(company);
      }
      // The closest kind of match that found anything: "bright" is Brightloop only when no company is
      // called Bright (docs/rules/introductions-and-paths.md#company-targets).
      const kind = (['exact', 'words', 'prefix'] as const).find((how) => found[how].length > 0) ?? 'none';
      const names = kind === 'none' ? [] : found[kind];
      const matched = await personRepository.listAtCompanies(names);
      const usable = matched.filter((row) => !row.archived && !row.doNotContact);
      return {
        target: {
          kind: 'company',
          query,
          companies: [...names].sort(collate),
          match: kind,
          people: usable.map((row) => ({ id: row.id, name: row.name })),
          leftOut: matched.length - usable.length,
        },
        endIds: usable.map((row) => row.id),
      };
    }
    if (/linkedin\.com\//i.test(text) || /^https?:\/\//i.test(text)) {
      const url = normalizeProfileUrl(text);
      if (!url) throw new AppError('usage', `"${text}" is not a profile URL`);
      const person = await personRepository.findByIdentity('url', url);
      if (!person) return { target: { kind: 'unknown-url', url: text }, endIds: [] };
      return { target: personTarget(person), endIds: [person.id] };
    }
    const person = await people.resolveRef(text);
    return { target: personTarget(person), endIds: [person.id] };
  }

  /** Evidence edges that can lie on a path to `endIds`: theirs, and their neighbours'. */
  async function loadEvidence(endIds: readonly number[], now: number) {
    const conversations = new Map<string, SharedConversation>();
    const recorded = new Map<string, KnownTie>();
    const add = (found: SharedConversation[], known: KnownTie[]) => {
      for (const conversation of found) conversations.set(conversation.key, conversation);
      for (const tie of known) recorded.set(`${tie.personA}:${tie.personB}:${tie.source}`, tie);
    };
    const frontier = new Set(endIds);
    add(await ties.sharedConversations(endIds, now), await ties.listTouching(endIds));
    const neighbours = new Set<number>();
    for (const conversation of conversations.values())
      for (const member of conversation.members) if (!frontier.has(member)) neighbours.add(member);
    for (const tie of recorded.values())
      for (const end of [tie.personA, tie.personB]) if (!frontier.has(end)) neighbours.add(end);
    const next = [...neighbours];
    if (next.length > 0) add(await ties.sharedConversations(next, now), await ties.listTouching(next));
    for (const id of next) frontier.add(id);
    return { conversations: conversations.values(), recorded: [...recorded.values()], frontier };
  }

  /**
   * My ties are the people I am connected to or have any interaction with. Someone I only know of (added
   * by `tend knows`, seen in a thread) can score above 0 through the structural component alone, but that
   * is no tie of mine: they get no direct edge.
   */
  async function myTies(
    strengths: ReadonlyMap<number, TieStrength>,
    persons: ReadonlyMap<number, Person>,
  ): Promise<Array<[number, TieStrength]>> {
    const unsure = [...strengths]
      .filter(
        ([id, strength]) =>
          strength.score > 0 && strength.band === 'none' && persons.get(id)?.connectionState !== 'connected',
      )
      .map(([id]) => id);
    const contacted =
      unsure.length > 0 ? await people.lastInteractionTimes(unsure) : new Map<number, number>();
    const strangers = new Set(unsure.filter((id) => !contacted.has(id)));
    return [...strengths].filter(([id]) => !strangers.has(id));
  }

  return {
    async find(targetText: string, now: number, options: { limit?: number } = {}): Promise<PathResult> {
      const { target, endIds } = await resolveTarget(targetText);
      const zone = settings.timeZone();
      const pairs: PathGraphInput['pairs'][number][] = [];
      const involved = new Set<number>(endIds);
      if (endIds.length > 0) {
        const evidence = await loadEvidence(endIds, now);
        for (const pair of coMembership(evidence.conversations, evidence.frontier)) {
          if (pair.threads > 0)
            pairs.push({
              a: pair.a,
              b: pair.b,
              evidence: threadEvidence(
                { threads: pair.threads, largest: pair.largest, lastAt: pair.lastAt },
                zone,
              ),
            });
          if (pair.meetings > 0)
            pairs.push({
              a: pair.a,
              b: pair.b,
              evidence: meetingEvidence({ meetings: pair.meetings, lastAt: pair.meetingAt }, zone),
            });
        }
        for (const tie of evidence.recorded)
          pairs.push({ a: tie.personA, b: tie.personB, evidence: recordedEvidence(tie, zone) });
        for (const pair of pairs) involved.add(pair.a).add(pair.b);
      }
      const ids = [...involved];
      const persons = ids.length === 0 ? [] : await personRepository.findByIds(ids);
      // Scored as relationships.strengths does, from the rows read once here (it would read them again).
      const view = await relationships.view(now);
      const facts = await view.facts(persons.map((person) => person.id));
      const strengths = new Map<number, TieStrength>(
        persons.map((person) => [person.id, view.score(person, facts.get(person.id))]),
      );
      const byId = new Map(persons.map((person) => [person.id, person]));
      const graph = buildPathGraph({
        people: persons.map((person) => ({
          id: person.id,
          name: person.name,
          canIntroduce: person.archivedAt === null && !person.doNotContact,
        })),
        myTies: (await myTies(strengths, byId)).map(([personId, strength]) => ({
          personId,
          evidence: myTieEvidence({
            score: strength.score,
            band: strength.band,
            detail: tieDetail(strength),
          }),
        })),
        pairs,
      });
      const all = findWarmPaths(graph, endIds);
      const found = all.filter((path) => path.strength >= SHOWN_FROM);
      const limit = options.limit ?? found.length;
      return {
        target,
        paths: found.slice(0, limit),
        total: found.length,
        faint: all.length - found.length,
        notes: explain(target, all.length, byId, strengths),
      };
    },
  };
}

function personTarget(person: Person): PathTarget {
  return { kind: 'person', person: { id: person.id, name: person.name, company: person.company } };
}

/**
 * Plain words for the cases a ranked list cannot explain by itself; `found` counts faint paths too (the
 * caller says how many it did not show).
 */
function explain(
  target: PathTarget,
  found: number,
  persons: ReadonlyMap<number, Person>,
  strengths: ReadonlyMap<number, TieStrength>,
): string[] {
  const notes: string[] = [];
  const howToAdd = (who: string, ref: string) =>
    `If someone you know knows ${who}, record it: tend knows A ${ref} [--strength 0..1] [--how TEXT]`;
  if (target.kind === 'unknown-url') {
    notes.push(`${target.url} is not in tend, so nobody you know is known to know them.`);
    notes.push(
      `If someone you know knows them, record it (tend adds them): tend knows A ${target.url} --name "Their Name" [--strength 0..1] [--how TEXT]`,
    );
    return notes;
  }
  if (target.kind === 'company') {
    if (target.match === 'none') {
      notes.push(`Nobody in tend works at "${target.query}" now (current companies, matched loosely).`);
      return notes;
    }
    if (target.match !== 'exact')
      notes.push(
        `No company is called exactly "${target.query}"; ${target.companies.length === 1 ? 'using' : `${target.companies.length} match, all used:`} ${listed(target.companies)}.`,
      );
    if (target.leftOut > 0)
      notes.push(
        `${target.leftOut} ${target.leftOut === 1 ? 'person' : 'people'} there ${target.leftOut === 1 ? 'is' : 'are'} archived or do-not-contact and left out.`,
      );
    if (found === 0 && target.people.length > 0) {
      const count = target.people.length;
      const some = target.people.slice(0, 5).map((person) => person.name);
      notes.push(
        `${count} ${count === 1 ? 'person works' : 'people work'} there (${some.join(', ')}${count > 5 ? ', …' : ''}), but none of your people is known to know them.`,
        howToAdd('one of them', 'B'),
      );
    }
    return notes;
  }
  const person = persons.get(target.person.id);
  if (person?.doNotContact) notes.push(`${target.person.name} is marked do-not-contact.`);
  if (found === 0) {
    const direct = strengths.get(target.person.id);
    notes.push(`No path to ${target.person.name} yet: none of your people is known to know them.`);
    if (person?.connectionState === 'connected' && (direct?.score ?? 0) === 0)
      notes.push('You are connected but have never had a two-way exchange.');
    notes.push(howToAdd('them', String(target.person.id)));
  }
  return notes;
}
