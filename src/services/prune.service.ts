import { AppError } from '../domain/errors.js';
import type { Person } from '../domain/person.js';
import { DAY_MS, calendarDaysBetween, toLocalDate } from '../domain/time.js';
import { createInvitationRepository } from '../store/invitation.repository.js';
import { createPersonRepository } from '../store/person.repository.js';
import type { Store } from '../store/store.js';
import type { PeopleService } from './people.service.js';
import type { RelationshipService } from './relationship.service.js';

const PRUNE_AFTER_DAYS = 365;

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

  async function introducedPeople(): Promise<Set<number>> {
    const rows = await store.db
      .selectFrom('introductions')
      .select(['person_a', 'person_b'])
      .where('workspace_id', '=', store.workspaceId)
      .execute();
    return new Set(rows.flatMap((row) => [Number(row.person_a), Number(row.person_b)]));
  }

  async function candidates(now: number): Promise<PruneCandidate[]> {
    const view = await relationships.view(now);
    const ids = await view.pruneCandidates(now - PRUNE_AFTER_DAYS * DAY_MS);
    const invitations = await createInvitationRepository(store).listAll();
    const withInvitationNotes = new Set(
      invitations
        .filter(
          (invitation) => invitation.personId !== null && invitation.message && invitation.sentAt <= now,
        )
        .map((invitation) => invitation.personId as number),
    );
    const introduced = await introducedPeople();
    const result: PruneCandidate[] = [];
    for (const person of await createPersonRepository(store).findByIds(ids)) {
      if (person.archivedAt !== null || person.connectionState !== 'connected' || person.connectedAt === null)
        continue;
      const days = calendarDaysBetween(person.connectedAt, now, view.zone);
      if (days <= PRUNE_AFTER_DAYS) continue;
      if (withInvitationNotes.has(person.id)) continue;
      if (
        person.circle ||
        person.tags.length > 0 ||
        person.notes ||
        person.importedNotes ||
        introduced.has(person.id)
      )
        continue;
      result.push({
        person,
        reason: `connected on ${toLocalDate(person.connectedAt, view.zone)} (${days} days ago) and never any interaction, note, circle or tag`,
      });
    }
    return result.sort(
      (a, b) =>
        (a.person.connectedAt ?? 0) - (b.person.connectedAt ?? 0) ||
        a.person.name.localeCompare(b.person.name),
    );
  }

  return {
    candidates,

    /** Archives the given people, or every candidate (up to `limit`); all or nothing. */
    async archive(
      refs: readonly string[],
      options: { all?: boolean; limit?: number } = {},
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
  };
}

export type PruneService = ReturnType<typeof createPruneService>;
