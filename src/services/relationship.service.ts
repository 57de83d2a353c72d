import type { Person } from '../domain/person.js';
import {
  DAY_MS,
  createFactsBuilder,
  emptyFacts,
  intensityFromKey,
  messageRefsOf,
  type RelationshipFacts,
} from '../domain/relationship-facts.js';
import {
  intensityAt,
  intensityReference,
  INTENSITY_REFERENCE_FLOOR,
  scoreTie,
  type TieStrength,
} from '../domain/strength.js';
import { createPersonRepository } from '../store/person.repository.js';
import { createRelationshipRepository } from '../store/relationship.repository.js';
import { createWorkspaceSettingsRepository } from '../store/workspace-settings.repository.js';
import type { Store, StoreContext } from '../store/store.js';
import type { SettingsService } from './settings.service.js';

/** Stored facts were built by this version of the model in this zone; anything else rebuilds them. */
const FACTS_VERSION = 2;
const FACTS_BASIS = 'facts.zone';
const FACTS_THROUGH = 'facts.through';
/** Slack around day-count bounds in SQL, so calendar days in any zone stay inside (exact rules run after). */
const SLACK_MS = 2 * DAY_MS;

export interface ConnectionIndex {
  id: number;
  connectedAt: number | null;
  circle: string | null;
  archived: boolean;
  exchangeCount: number;
  lastExchangeAt: number | null;
  firstFromMeAt: number | null;
}

/**
 * The network as of one instant: facts and scores served from the per-person aggregates when they are
 * current, or recomputed as of `now` when `now` is earlier than the newest stored event (rules.md, Time).
 * Selections (`agendaCandidates`, `activeIds`, `pruneCandidates`) are supersets: the domain rules decide.
 */
export interface RelationshipView {
  now: number;
  zone: string;
  /** The intensity reference at `now` (95th percentile, floor 10). */
  reference: number;
  facts(
    personIds: readonly number[],
    options?: { summaries?: boolean },
  ): Promise<Map<number, RelationshipFacts>>;
  score(person: Person, facts: RelationshipFacts | undefined): TieStrength;
  agendaCandidates(): Promise<number[]>;
  /** People with a two-way exchange in the last year and a bit: the only ones whose band can be above dormant. */
  activeIds(): Promise<number[]>;
  pruneCandidates(connectedBefore: number): Promise<number[]>;
  connections(): Promise<ConnectionIndex[]>;
  giveAsk(): Promise<{ given: number; received: number; introductions: number }>;
}

export interface NetworkSnapshot {
  people: Person[];
  facts: Map<number, RelationshipFacts>;
  strengths: Map<number, TieStrength>;
  zone: string;
  now: number;
}

/**
 * The relationship engine's service: keeps per-person facts up to date when data changes (import, log,
 * set, knows) and serves strength and selections from them.
 */
export function createRelationshipService(deps: { store: Store; settings: SettingsService }) {
  const { store, settings } = deps;
  const basisOf = (zone: string) => `v${FACTS_VERSION}:${zone}`;

  async function fillSummaries(context: StoreContext, facts: Iterable<RelationshipFacts>): Promise<void> {
    const list = [...facts];
    const ids = new Set(list.flatMap((entry) => messageRefsOf(entry).map((ref) => ref.id)));
    if (ids.size === 0) return;
    const summaries = await createRelationshipRepository(context).summaries([...ids]);
    for (const entry of list)
      for (const ref of messageRefsOf(entry)) ref.summary = summaries.get(ref.id) ?? null;
  }

  /** Streams every interaction through the facts builder: memory stays flat whatever the history's size. */
  async function computeAll(
    context: StoreContext,
    zone: string,
    asOf?: number,
  ): Promise<Map<number, RelationshipFacts>> {
    const repository = createRelationshipRepository(context);
    const connectedAt = await createPersonRepository(context).connectedAtAll();
    const builder = createFactsBuilder({
      members: await repository.groupMembers(),
      ties: await repository.tiePairs(),
      connectedAt,
      zone,
      ...(asOf !== undefined ? { asOf } : {}),
    });
    for await (const batch of repository.scanInteractions()) for (const row of batch) builder.add(row);
    return builder.finish();
  }

  async function refreshAll(context: StoreContext = store): Promise<void> {
    const zone = settings.timeZone();
    const facts = await computeAll(context, zone);
    const repository = createRelationshipRepository(context);
    await repository.saveFacts(facts.values(), Date.now(), true);
    const workspace = createWorkspaceSettingsRepository(context);
    await workspace.set(FACTS_BASIS, basisOf(zone));
    await workspace.set(FACTS_THROUGH, String(await repository.newestInteractionAt()));
  }

  /** Logging touches one person: only their facts are recomputed (and their group threads read). */
  async function refreshPerson(context: StoreContext, personId: number): Promise<void> {
    const repository = createRelationshipRepository(context);
    const person = await createPersonRepository(context).findById(personId);
    const builder = createFactsBuilder({
      members: await repository.groupMembers(personId),
      ties: (await repository.tiePairs()).filter(([a, b]) => a === personId || b === personId),
      connectedAt: new Map([[personId, person?.connectedAt ?? null]]),
      zone: settings.timeZone(),
    });
    const around = await repository.interactionsAround(personId);
    for (const interaction of around) builder.add(interaction);
    const own = builder.finish().get(personId) ?? emptyFacts(personId);
    await repository.saveFacts([own], Date.now(), false);
    const workspace = createWorkspaceSettingsRepository(context);
    const through = Number((await workspace.get(FACTS_THROUGH)) ?? 0);
    if ((own.lastInteractionAt ?? 0) > through)
      await workspace.set(FACTS_THROUGH, String(own.lastInteractionAt));
  }

  function scorerFor(now: number, zone: string, reference: number) {
    return (person: Person, facts: RelationshipFacts | undefined): TieStrength =>
      scoreTie(
        facts ?? emptyFacts(person.id),
        { floor: person.strengthFloor, override: person.strengthOverride, connectedAt: person.connectedAt },
        now,
        reference,
        zone,
      );
  }

  /** Served from the stored aggregates: every selection is one query. */
  async function storedView(now: number, zone: string): Promise<RelationshipView> {
    const repository = createRelationshipRepository(store);
    const key = await repository.intensityReferenceKey();
    const reference =
      key === null
        ? INTENSITY_REFERENCE_FLOOR
        : Math.max(INTENSITY_REFERENCE_FLOOR, intensityFromKey(key, now));
    return {
      now,
      zone,
      reference,
      async facts(personIds, options = {}) {
        const facts = await repository.loadFacts(personIds);
        if (options.summaries) await fillSummaries(store, facts.values());
        return facts;
      },
      score: scorerFor(now, zone, reference),
      agendaCandidates: () =>
        repository.agendaCandidateIds({
          connectedFrom: now - 30 * DAY_MS - SLACK_MS,
          now,
          lastInFrom: now - 60 * DAY_MS - SLACK_MS,
          unansweredBefore: now - 60 * DAY_MS + SLACK_MS,
          reviveBefore: now - 365 * DAY_MS + SLACK_MS,
        }),
      activeIds: () => repository.activeIds(now - 365 * DAY_MS - SLACK_MS),
      pruneCandidates: (connectedBefore) => repository.pruneCandidateIds(connectedBefore + SLACK_MS, true),
      connections: () => repository.connectionRows(),
      giveAsk: () => repository.giveAskTotals(),
    };
  }

  /** `now` is earlier than the newest stored event: facts are recomputed as of `now` (slower, never wrong). */
  async function computedView(now: number, zone: string): Promise<RelationshipView> {
    const all = await computeAll(store, zone, now);
    const reference = intensityReference([...all.values()].map((entry) => intensityAt(entry, now)));
    const repository = createRelationshipRepository(store);
    const everyone = async () => (await createPersonRepository(store).connectedAtAll()).keys();
    return {
      now,
      zone,
      reference,
      async facts(personIds, options = {}) {
        const facts = new Map<number, RelationshipFacts>();
        for (const id of personIds) {
          const entry = all.get(id);
          // Copies: summaries are filled per answer and must not leak into the next one.
          if (entry) facts.set(id, structuredClone(entry));
        }
        if (options.summaries) await fillSummaries(store, facts.values());
        return facts;
      },
      score: scorerFor(now, zone, reference),
      agendaCandidates: async () => [...(await everyone())],
      activeIds: () => Promise.resolve([...all.keys()]),
      async pruneCandidates(connectedBefore) {
        const ids = await repository.pruneCandidateIds(connectedBefore + SLACK_MS, false);
        return ids.filter((id) => (all.get(id)?.records ?? 0) === 0);
      },
      async connections() {
        return (await repository.connectionRows()).map((row) => {
          const facts = all.get(row.id);
          return {
            ...row,
            exchangeCount: facts?.exchangeCount ?? 0,
            lastExchangeAt: facts?.lastExchangeAt ?? null,
            firstFromMeAt: facts?.firstFromMeAfterConnection ?? null,
          };
        });
      },
      giveAsk() {
        const totals = { given: 0, received: 0, introductions: 0 };
        for (const facts of all.values()) {
          totals.given += facts.helpGiven;
          totals.received += facts.helpReceived;
          totals.introductions += facts.introductions;
        }
        return Promise.resolve(totals);
      },
    };
  }

  async function view(now: number): Promise<RelationshipView> {
    const zone = settings.timeZone();
    const workspace = createWorkspaceSettingsRepository(store);
    if ((await workspace.get(FACTS_BASIS)) !== basisOf(zone)) await refreshAll();
    const through = Number((await workspace.get(FACTS_THROUGH)) ?? 0);
    return now >= through ? storedView(now, zone) : computedView(now, zone);
  }

  /** Everyone with facts and scores: for listings of the whole network. */
  async function snapshot(now: number): Promise<NetworkSnapshot> {
    const current = await view(now);
    const people = await createPersonRepository(store).search(null, { includeArchived: true });
    const facts = await current.facts(people.map((person) => person.id));
    const strengths = new Map<number, TieStrength>();
    for (const person of people) strengths.set(person.id, current.score(person, facts.get(person.id)));
    return { people, facts, strengths, zone: current.zone, now };
  }

  return {
    refreshAll,
    refreshPerson,
    view,
    snapshot,

    /**
     * Tie strength at `now` for the given people (everyone when omitted). Features other than the agenda
     * (paths, introductions, triage) use this, so how scores are served can change behind it.
     */
    async strengths(now: number, personIds?: readonly number[]): Promise<Map<number, TieStrength>> {
      if (!personIds) return (await snapshot(now)).strengths;
      const current = await view(now);
      const people = await createPersonRepository(store).findByIds(personIds);
      const facts = await current.facts(people.map((person) => person.id));
      return new Map(people.map((person) => [person.id, current.score(person, facts.get(person.id))]));
    },

    /** People whose band is strong or medium at `now` (ties good enough to introduce through). */
    async wellKnown(now: number): Promise<Map<number, TieStrength>> {
      const current = await view(now);
      const ids = await current.activeIds();
      const people = await createPersonRepository(store).findByIds(ids);
      const facts = await current.facts(ids);
      const result = new Map<number, TieStrength>();
      for (const person of people) {
        const strength = current.score(person, facts.get(person.id));
        if (strength.band === 'strong' || strength.band === 'medium') result.set(person.id, strength);
      }
      return result;
    },
  };
}

export type RelationshipService = ReturnType<typeof createRelationshipService>;
