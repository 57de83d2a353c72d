import { AppError } from '../domain/errors.js';
import type { Person } from '../domain/person.js';
import { PRUNE_AFTER_DAYS, pruneCandidateReason, pruneKeepReasons } from '../domain/prune-rule.js';
import { DAY_MS } from '../domain/time.js';
import { createInvitationRepository } from '../store/invitation.repository.js';
import { createOwnerFactsRepository } from '../store/owner-facts.repository.js';
import { createPersonRepository, toPerson } from '../store/person.repository.js';
import type { Store } from '../store/store.js';
import type { PeopleService } from './people.service.js';
import type { RelationshipService } from './relationship.service.js';

export interface PruneCandidate {
  person: Person;
  reason: string;
}

/**
 * `tend prune`: connections that never were (docs/rules/prune-and-health.md#prune-candidate). Archiving hides
 * a person from lists and the agenda; nothing is deleted and `unarchive` brings them back.
 */
export function createPruneService(deps: {
  store: Store;
  people: PeopleService;
  relationships: RelationshipService;
  clock: () => number;
}) {
  const { store, people, relationships, clock } = deps;

  /** What the rule needs besides the person: read once for a listing or a batch of REFs. */
  async function ruleContext(now: number) {
    const view = await relationships.view(now);
    const [invitations, introductions, positions] = await Promise.all([
      createInvitationRepository(store).listAll(),
      store.db
        .selectFrom('introductions')
        .select(['person_a', 'person_b'])
        .where('workspace_id', '=', store.workspaceId)
        .execute(),
      createOwnerFactsRepository(store).list('position'),
    ]);
    const withInvitationNotes = new Set(
      invitations
        .filter(
          (invitation) => invitation.personId !== null && invitation.message && invitation.sentAt <= now,
        )
        .map((invitation) => invitation.personId as number),
    );
    const introduced = new Set(introductions.flatMap((row) => [Number(row.person_a), Number(row.person_b)]));
    const currentEmployers = positions.filter((position) => position.finished === null).map((p) => p.name);
    return {
      view,
      reasons: (person: Person, records: number) =>
        pruneKeepReasons(person, {
          now,
          zone: view.zone,
          records,
          hasInvitationNote: withInvitationNotes.has(person.id),
          introduced: introduced.has(person.id),
          currentEmployers,
        }),
    };
  }

  async function candidates(now: number): Promise<PruneCandidate[]> {
    const { view, reasons } = await ruleContext(now);
    // The aggregates preselect connections old enough with no record at all; the rule decides the rest.
    const ids = await view.pruneCandidates(now - PRUNE_AFTER_DAYS * DAY_MS);
    const result: PruneCandidate[] = [];
    for (const person of await createPersonRepository(store).findByIds(ids)) {
      if (person.archivedAt !== null || reasons(person, 0).length > 0) continue;
      result.push({ person, reason: pruneCandidateReason(person, now, view.zone) });
    }
    return result.sort(
      (a, b) =>
        (a.person.connectedAt ?? 0) - (b.person.connectedAt ?? 0) ||
        a.person.name.localeCompare(b.person.name),
    );
  }

  /** People named by REF who are no candidates, each with what speaks for keeping them. */
  async function refusals(targets: readonly Person[], now: number): Promise<string[]> {
    const { view, reasons } = await ruleContext(now);
    const facts = await view.facts(targets.map((person) => person.id));
    return targets.flatMap((person) => {
      const why = reasons(person, facts.get(person.id)?.records ?? 0);
      return why.length > 0 ? [`${person.name} (${why.join('; ')})`] : [];
    });
  }

  return {
    candidates,

    /**
     * Archives the given people, or every candidate (up to `limit`); all or nothing. Someone named who is
     * no candidate is refused with the reasons, unless `force`; someone already archived is left as is.
     */
    async archive(
      refs: readonly string[],
      options: { all?: boolean; limit?: number; force?: boolean } = {},
    ): Promise<Person[]> {
      const now = clock();
      let targets: Person[];
      if (options.all) {
        targets = (await candidates(now)).map((candidate) => candidate.person);
        if (options.limit !== undefined) targets = targets.slice(0, options.limit);
      } else {
        if (refs.length === 0)
          throw new AppError('usage', 'give the people to archive (REF…, or on stdin), or --apply-all');
        targets = [];
        for (const ref of refs) targets.push(await people.resolveRef(ref));
        targets = targets.filter((person) => person.archivedAt === null);
        const refused = options.force ? [] : await refusals(targets, now);
        if (refused.length > 0)
          throw new AppError(
            'conflict',
            `not archived, ${refused.length === 1 ? 'this is no prune candidate' : 'these are no prune candidates'}: ${refused.join('; ')}. Nothing was archived; add --force to archive anyway`,
          );
      }
      await store.transaction(async (trx) => {
        const repository = createPersonRepository(trx);
        for (const person of targets) await repository.updateUserFields(person.id, { archivedAt: now }, now);
      });
      return targets;
    },

    async unarchive(ref: string): Promise<Person> {
      const person = await people.resolveRef(ref);
      if (person.archivedAt === null) throw new AppError('usage', `${person.name} is not archived`);
      await createPersonRepository(store).updateUserFields(person.id, { archivedAt: null }, clock());
      return person;
    },

    /** `tend people --archived`: who is archived, most recently first. */
    async archived(): Promise<Person[]> {
      const rows = await store.db
        .selectFrom('people')
        .selectAll()
        .where('workspace_id', '=', store.workspaceId)
        .where('archived_at', 'is not', null)
        .orderBy('archived_at', 'desc')
        .orderBy('display_name')
        .execute();
      return rows.map(toPerson);
    },
  };
}

export type PruneService = ReturnType<typeof createPruneService>;
