import { agendaPersonOf } from '../domain/agenda.js';
import { personNameKey } from '../domain/text-normalization.js';
import { AppError } from '../domain/errors.js';
import type { Person } from '../domain/person.js';
import {
  DAY_MS,
  emptyFacts,
  intensityFromKey,
  messageRefsOf,
  type EngineInteraction,
  type RelationshipFacts,
} from '../domain/relationship-facts.js';
import { createFactsBuilder } from '../domain/facts-builder.js';
import {
  intensityAt,
  intensityReference,
  INTENSITY_REFERENCE_FLOOR,
  scoreTie,
  type TieStrength,
} from '../domain/strength.js';
import { readDataVersion } from '../store/data-version.js';
import { createPersonRepository } from '../store/person.repository.js';
import {
  createRelationshipRepository,
  type AgendaCandidateRow,
  type HealthRows,
} from '../store/relationship.repository.js';
import { createWorkspaceSettingsRepository } from '../store/workspace-settings.repository.js';
import type { Store, StoreContext } from '../store/store.js';
import type { SettingsService } from './settings.service.js';
import { withBulkMemoryPolicy } from '../runtime/bulk-memory.js';

/** The rows the facts can be built from without reading them back, given how many are stored; or null. */
export type WrittenRowsFor = (expected: number) => Iterable<EngineInteraction> | null;

/** Stored facts were built by this version of the model in this zone; anything else rebuilds them. */
const FACTS_VERSION = 10;
const FACTS_BASIS = 'facts.zone';
const FACTS_THROUGH = 'facts.through';
/** The ego reference's intensity key, kept with the facts (one lookup instead of an ordered scan). */
const FACTS_REFERENCE = 'facts.reference-key';
/** Slack around day-count bounds in SQL, so calendar days in any zone stay inside (exact rules run after). */
const SLACK_MS = 2 * DAY_MS;
/** The heap while every interaction streams through the facts builder (runtime/bulk-memory.ts). */
const FACTS_HEAP_BUDGET_MB = 96;

import type { RelationshipView, ScoredPerson } from './relationship-view.js';

export type { RelationshipView, ScoredPerson } from './relationship-view.js';

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
export function createRelationshipService(deps: {
  store: Store;
  settings: SettingsService;
  /** Recompute facts from every event on each read instead of serving the aggregates (to verify them). */
  recompute?: boolean;
}) {
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
    writtenRows?: WrittenRowsFor,
  ): Promise<Map<number, RelationshipFacts>> {
    const repository = createRelationshipRepository(context);
    const connectedAt = await createPersonRepository(context).connectedAtAll();
    const expected = await repository.countInteractions();
    const builder = createFactsBuilder({
      members: await repository.groupMembers(),
      ties: await repository.tiePairs(),
      connectedAt,
      zone,
      expectedInteractions: expected,
      ...(asOf !== undefined ? { asOf } : {}),
    });
    return withBulkMemoryPolicy({ heapBudgetMb: FACTS_HEAP_BUDGET_MB }, async (memory) => {
      // The rows an import has just written, when its copy is exactly what is stored: no read back.
      const written = writtenRows?.(expected);
      if (written) {
        // Without these two collections the messages step's garbage stayed resident beside the builder's.
        memory.collect();
        for (const row of written) builder.add(row);
        memory.collect();
        return builder.finish();
      }
      for await (const batch of repository.scanInteractions()) {
        for (const row of batch) builder.add(row);
        memory.check();
      }
      return builder.finish();
    });
  }

  /**
   * Rebuilds everyone's facts in one transaction: a reader never sees a half-filled table. `writtenRows`: a
   * first import's copy of the rows it wrote, when that is all there is (first-import.ts).
   */
  async function refreshAll(context?: StoreContext, writtenRows?: WrittenRowsFor): Promise<void> {
    const rebuild = async (trx: StoreContext) => {
      const zone = settings.timeZone();
      const facts = await computeAll(trx, zone, undefined, writtenRows);
      // The cited messages' first words are kept with the facts: the agenda quotes them on every run.
      await fillSummaries(trx, facts.values());
      const repository = createRelationshipRepository(trx);
      await repository.saveFacts(facts.values(), Date.now(), true);
      const workspace = createWorkspaceSettingsRepository(trx);
      await workspace.set(FACTS_BASIS, basisOf(zone));
      await workspace.set(FACTS_THROUGH, String(await repository.newestInteractionAt()));
      await workspace.set(FACTS_REFERENCE, String(await repository.intensityReferenceKey()));
    };
    await (context ? rebuild(context) : store.transaction(rebuild));
  }

  /**
   * The facts stop being current once data they are built from changes outside `refreshPerson` (an
   * import's files): marked so inside the same transaction, so an import interrupted before its refresh
   * leaves facts that the next command rebuilds, never stale ones served as current.
   */
  async function markStale(context: StoreContext): Promise<void> {
    await createWorkspaceSettingsRepository(context).set(FACTS_BASIS, 'stale');
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
    await fillSummaries(context, [own]);
    await repository.saveFacts([own], Date.now(), false);
    const workspace = createWorkspaceSettingsRepository(context);
    // Every record of theirs counts, notes and skipped ones too: `records` (prune) depends on them.
    const newest = around.reduce((max, row) => (row.personId === personId ? Math.max(max, row.at) : max), 0);
    if (newest > Number((await workspace.get(FACTS_THROUGH)) ?? 0))
      await workspace.set(FACTS_THROUGH, String(newest));
    // Their intensity may move the ego reference (the 95th percentile) for everyone.
    await workspace.set(FACTS_REFERENCE, String(await repository.intensityReferenceKey()));
  }

  function scorerFor(now: number, zone: string, reference: number) {
    return (person: ScoredPerson, facts: RelationshipFacts | undefined, withReasons = true): TieStrength =>
      scoreTie(
        facts ?? emptyFacts(person.id),
        { floor: person.strengthFloor, override: person.strengthOverride, connectedAt: person.connectedAt },
        now,
        reference,
        zone,
        withReasons,
      );
  }

  /** Served from the stored aggregates: every selection is one query. */
  async function storedView(now: number, zone: string): Promise<RelationshipView> {
    const repository = createRelationshipRepository(store);
    const stored = await createWorkspaceSettingsRepository(store).get(FACTS_REFERENCE);
    const key =
      stored === undefined
        ? await repository.intensityReferenceKey()
        : stored === 'null'
          ? null
          : Number(stored);
    const reference =
      key === null
        ? INTENSITY_REFERENCE_FLOOR
        : Math.max(INTENSITY_REFERENCE_FLOOR, intensityFromKey(key, now));
    return {
      now,
      zone,
      reference,
      // Stored facts carry their cited messages' first words already (refreshAll, refreshPerson).
      facts: (personIds) => repository.loadFacts(personIds),
      score: scorerFor(now, zone, reference),
      agendaCandidates: (onRow) =>
        repository.agendaCandidates(
          {
            connectedFrom: now - 30 * DAY_MS - SLACK_MS,
            now,
            lastInFrom: now - 30 * DAY_MS - SLACK_MS,
            unansweredBefore: now - 60 * DAY_MS + SLACK_MS,
            reviveBefore: now - 365 * DAY_MS + SLACK_MS,
          },
          onRow,
        ),
      agendaRows: (personIds) => repository.agendaRows(personIds),
      active: () => repository.activeScoring(now - 365 * DAY_MS - SLACK_MS),
      pruneCandidates: (connectedBefore) => repository.pruneCandidateIds(connectedBefore + SLACK_MS, true),
      health: (onConversed) =>
        repository.healthRows(
          { recentFrom: now - 365 * DAY_MS - SLACK_MS, activeFrom: now - 365 * DAY_MS - SLACK_MS },
          onConversed,
        ),
      giveAsk: () => repository.giveAskTotals(),
    };
  }

  /** `now` is earlier than the newest stored event: facts are recomputed as of `now` (slower, never wrong). */
  async function computedView(now: number, zone: string): Promise<RelationshipView> {
    const all = await computeAll(store, zone, now);
    const reference = intensityReference([...all.values()].map((entry) => intensityAt(entry, now)));
    const repository = createRelationshipRepository(store);
    const factsOf: RelationshipView['facts'] = async (personIds, options = {}) => {
      const facts = new Map<number, RelationshipFacts>();
      for (const id of personIds) {
        const entry = all.get(id);
        // Copies: summaries are filled per answer and must not leak into the next one.
        if (entry) facts.set(id, structuredClone(entry));
      }
      if (options.summaries) await fillSummaries(store, facts.values());
      return facts;
    };
    const persons = createPersonRepository(store);
    const agendaRowsOf = async (people: Person[]): Promise<AgendaCandidateRow[]> => {
      const ids = people.map((person) => person.id);
      const facts = await factsOf(ids, { summaries: true });
      return people.map((person) => ({
        person: agendaPersonOf(person),
        nameKey: personNameKey(person.name),
        scoring: person,
        facts: facts.get(person.id) ?? null,
      }));
    };
    return {
      now,
      zone,
      reference,
      facts: factsOf,
      score: scorerFor(now, zone, reference),
      agendaCandidates: async (onRow) => {
        const rows = await agendaRowsOf(await persons.search(null, { includeArchived: true }));
        if (!onRow) return rows;
        for (const row of rows) onRow(row);
        return [];
      },
      agendaRows: async (personIds) => agendaRowsOf(await persons.findByIds(personIds)),
      async active() {
        const ids = [...all.values()]
          .filter((facts) => facts.lastExchangeAt !== null)
          .map((facts) => facts.personId);
        return (await repository.scoringColumns(ids)).map((person) => ({
          person,
          facts: structuredClone(all.get(person.id) as RelationshipFacts),
        }));
      },
      async pruneCandidates(connectedBefore) {
        const ids = await repository.pruneCandidateIds(connectedBefore + SLACK_MS, false);
        return ids.filter((id) => (all.get(id)?.records ?? 0) === 0);
      },
      async health(onConversed) {
        const rows = await repository.connectionRows();
        const health: HealthRows = {
          connections: rows.length,
          archived: rows.filter((row) => row.archived).length,
          circles: {},
          recent: [],
          conversed: 0,
        };
        for (const row of rows) {
          if (row.circle) health.circles[row.circle] = (health.circles[row.circle] ?? 0) + 1;
          const facts = all.get(row.id);
          if (row.connectedAt !== null)
            health.recent.push({
              connectedAt: row.connectedAt,
              firstFromMeAt: facts?.firstFromMeAfterConnection ?? null,
            });
          if (facts && facts.exchangeCount > 0 && facts.lastExchangeAt !== null) {
            health.conversed++;
            onConversed({ person: row, lastExchangeAt: facts.lastExchangeAt, facts: structuredClone(facts) });
          }
        }
        return health;
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

  /** The last view, reused while the data, the instant and the zone stay (`tend serve`'s searches). */
  let kept: { key: string; view: RelationshipView } | null = null;
  async function view(now: number): Promise<RelationshipView> {
    const version = readDataVersion(store);
    const key = `${version} ${now} ${settings.timeZone()}`;
    if (version !== null && kept?.key === key) return kept.view;
    const made = await freshView(now);
    // Kept only when nothing was written while it was made (its own refresh included).
    if (version !== null && readDataVersion(store) === version) kept = { key, view: made };
    return made;
  }

  async function freshView(now: number): Promise<RelationshipView> {
    const zone = settings.timeZone();
    const workspace = createWorkspaceSettingsRepository(store);
    if ((await workspace.get(FACTS_BASIS)) !== basisOf(zone)) {
      try {
        await store.transaction((trx) => refreshAll(trx), { wait: false });
      } catch (error) {
        // Another process is writing (an import, which refreshes them when it ends): answer from the
        // events as they are now rather than wait for it.
        if (!(error instanceof AppError && error.code === 'busy')) throw error;
        return computedView(now, zone);
      }
    }
    const through = Number((await workspace.get(FACTS_THROUGH)) ?? 0);
    return now >= through && !deps.recompute ? storedView(now, zone) : computedView(now, zone);
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
    markStale,
    /** Whether the stored facts are not current (an interrupted import, another zone, an older version). */
    async isStale(): Promise<boolean> {
      return (
        (await createWorkspaceSettingsRepository(store).get(FACTS_BASIS)) !== basisOf(settings.timeZone())
      );
    },
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
      const result = new Map<number, TieStrength>();
      for (const { person, facts } of await current.active()) {
        const strength = current.score(person, facts, false);
        if (strength.band === 'strong' || strength.band === 'medium') result.set(person.id, strength);
      }
      return result;
    },
  };
}

export type RelationshipService = ReturnType<typeof createRelationshipService>;
