import type { Person } from '../domain/person.js';
import { emptyFacts, summarizeRelationships, type RelationshipFacts } from '../domain/relationship-facts.js';
import { intensityAt, intensityReference, scoreTie, type TieStrength } from '../domain/strength.js';
import { createPersonRepository } from '../store/person.repository.js';
import { createRelationshipRepository } from '../store/relationship.repository.js';
import { createWorkspaceSettingsRepository } from '../store/workspace-settings.repository.js';
import type { Store, StoreContext } from '../store/store.js';
import type { SettingsService } from './settings.service.js';

const FACTS_ZONE = 'facts.zone';
const FACTS_THROUGH = 'facts.through';

export interface NetworkSnapshot {
  people: Person[];
  facts: Map<number, RelationshipFacts>;
  strengths: Map<number, TieStrength>;
  zone: string;
  now: number;
}

/**
 * The relationship engine's service: keeps per-person facts up to date when data changes and serves
 * strength from them. When `now` is earlier than the newest stored event, facts are recomputed as of `now`
 * (slower, never wrong; rules.md Time).
 */
export function createRelationshipService(deps: { store: Store; settings: SettingsService }) {
  const { store, settings } = deps;

  async function fillSummaries(context: StoreContext, facts: Map<number, RelationshipFacts>): Promise<void> {
    const ids = new Set<number>();
    for (const entry of facts.values()) {
      for (const ref of [entry.lastTopic, entry.lastFromThem, entry.lastOneToOne]) if (ref) ids.add(ref.id);
    }
    const summaries = await createRelationshipRepository(context).summaries([...ids]);
    for (const entry of facts.values()) {
      for (const ref of [entry.lastTopic, entry.lastFromThem, entry.lastOneToOne])
        if (ref) ref.summary = summaries.get(ref.id) ?? null;
    }
  }

  async function computeAll(
    context: StoreContext,
    zone: string,
    asOf?: number,
  ): Promise<Map<number, RelationshipFacts>> {
    const repository = createRelationshipRepository(context);
    const people = await createPersonRepository(context).search(null, { includeArchived: true });
    const facts = summarizeRelationships({
      interactions: await repository.allInteractions(),
      members: await repository.groupMembers(),
      ties: await repository.tiePairs(),
      connectedAt: new Map(people.map((person) => [person.id, person.connectedAt])),
      zone,
      ...(asOf !== undefined ? { asOf } : {}),
    });
    await fillSummaries(context, facts);
    return facts;
  }

  async function refreshAll(context: StoreContext = store): Promise<void> {
    const zone = settings.timeZone();
    const facts = await computeAll(context, zone);
    const repository = createRelationshipRepository(context);
    await repository.saveFacts(facts.values(), Date.now(), true);
    const workspace = createWorkspaceSettingsRepository(context);
    await workspace.set(FACTS_ZONE, zone);
    await workspace.set(FACTS_THROUGH, String(await repository.newestInteractionAt()));
  }

  /** Logging touches one person: only their facts are recomputed (and their group threads read). */
  async function refreshPerson(context: StoreContext, personId: number): Promise<void> {
    const repository = createRelationshipRepository(context);
    const person = await createPersonRepository(context).findById(personId);
    const facts = summarizeRelationships({
      interactions: await repository.interactionsAround(personId),
      members: await repository.groupMembers(personId),
      ties: (await repository.tiePairs()).filter(([a, b]) => a === personId || b === personId),
      connectedAt: new Map([[personId, person?.connectedAt ?? null]]),
      zone: settings.timeZone(),
    });
    const own = new Map([...facts].filter(([id]) => id === personId));
    await fillSummaries(context, own);
    await repository.saveFacts(own.values(), Date.now(), false);
    const workspace = createWorkspaceSettingsRepository(context);
    const through = Number((await workspace.get(FACTS_THROUGH)) ?? 0);
    const newest = Math.max(...[...own.values()].map((entry) => entry.lastInteractionAt ?? 0), 0);
    if (newest > through) await workspace.set(FACTS_THROUGH, String(newest));
  }

  async function factsAt(now: number, zone: string): Promise<Map<number, RelationshipFacts>> {
    const workspace = createWorkspaceSettingsRepository(store);
    const storedZone = await workspace.get(FACTS_ZONE);
    const through = Number((await workspace.get(FACTS_THROUGH)) ?? 0);
    if (storedZone === undefined || storedZone !== zone) {
      await refreshAll();
      if (now >= Number((await workspace.get(FACTS_THROUGH)) ?? 0))
        return createRelationshipRepository(store).loadFacts();
    } else if (now >= through) {
      return createRelationshipRepository(store).loadFacts();
    }
    return computeAll(store, zone, now);
  }

  return {
    refreshAll,
    refreshPerson,

    async snapshot(now: number): Promise<NetworkSnapshot> {
      const zone = settings.timeZone();
      const people = await createPersonRepository(store).search(null, { includeArchived: true });
      const facts = await factsAt(now, zone);
      const reference = intensityReference([...facts.values()].map((entry) => intensityAt(entry, now)));
      const strengths = new Map<number, TieStrength>();
      for (const person of people) {
        const entry = facts.get(person.id);
        strengths.set(
          person.id,
          scoreTie(
            entry ?? emptyFacts(person.id),
            {
              floor: person.strengthFloor,
              override: person.strengthOverride,
              connectedAt: person.connectedAt,
            },
            now,
            reference,
            zone,
          ),
        );
      }
      return { people, facts, strengths, zone, now };
    },
  };
}

export type RelationshipService = ReturnType<typeof createRelationshipService>;
