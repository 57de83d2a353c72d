import { AppError } from '../domain/errors.js';
import type { Direction, Interaction } from '../domain/interaction.js';
import { planPersonEdits, type PersonChange, type PersonEdits } from '../domain/person-edits.js';
import type { Person } from '../domain/person.js';
import { formatInstant, toLocalDate } from '../domain/time.js';
import { createAgendaStateRepository } from '../store/agenda-state.repository.js';
import { createInteractionRepository } from '../store/interaction.repository.js';
import { createPersonRepository } from '../store/person.repository.js';
import type { Store } from '../store/store.js';
import { defaultDirection, insertLoggedInteraction, loggableKind } from './logged-interaction.js';
import { createLinkedinLimits } from './linkedin-limits.service.js';
import type { PeopleService } from './people.service.js';
import type { RelationshipService } from './relationship.service.js';
import type { SettingsService } from './settings.service.js';

/** `tend set` and `tend log`: what the user says, stored beside (and winning over) what imports found. */
export function createPersonEditingService(deps: {
  store: Store;
  people: PeopleService;
  relationships: RelationshipService;
  settings: SettingsService;
  clock: () => number;
}) {
  const { store, people, relationships, clock } = deps;

  function happenedAt(options: { at?: number; on?: string }): number {
    const now = clock();
    const today = toLocalDate(now, deps.settings.timeZone());
    const future = (given: string) =>
      new AppError(
        'usage',
        `--at ${given} is in the future (today is ${today}): log what has already happened, when it has`,
      );
    if (options.on !== undefined) {
      if (options.on > today) throw future(options.on);
      return options.on === today ? now : Date.parse(`${options.on}T12:00:00Z`);
    }
    const at = options.at ?? now;
    if (at > now) throw future(formatInstant(at));
    return at;
  }

  return {
    /** Applies the edits and says what changed (nothing is written when nothing changes). */
    async set(ref: string, edits: PersonEdits): Promise<{ person: Person; changes: PersonChange[] }> {
      if (Object.values(edits).every((value) => value === undefined))
        throw new AppError('usage', 'nothing to set: give at least one option (see tend set --help)');
      const person = await people.resolveRef(ref);
      const { fields, changes } = planPersonEdits(person, edits);
      if (changes.length === 0) return { person, changes };
      await createPersonRepository(store).updateUserFields(person.id, fields, clock());
      return { person: await people.resolveRef(String(person.id)), changes };
    },

    /**
     * Records what happened. `on` is a calendar date (`--at 2026-11-20`): today means now, an earlier day its
     * noon UTC. Nothing logged may lie in the future: a future entry hid the person's history in `show` until
     * the clock reached it (docs/RELIABILITY.md#future-logs).
     */
    async log(
      ref: string,
      kind: string,
      text: string | null,
      options: { at?: number; on?: string; direction?: string },
    ) {
      const interactionKind = loggableKind(kind);
      const direction = (options.direction ?? defaultDirection(interactionKind)) as Direction;
      if (!['in', 'out', 'both'].includes(direction))
        throw new AppError('usage', '--direction must be in, out or both');
      const at = happenedAt(options);
      const person = await people.resolveRef(ref);
      return store.transaction(async (trx) => {
        const id = await insertLoggedInteraction(
          trx,
          { personId: person.id, kind: interactionKind, direction, at, text },
          clock(),
        );
        await relationships.refreshPerson(trx, person.id);
        await createAgendaStateRepository(trx).record({
          at: clock(),
          description: `logged a ${kind} with ${person.name} on ${toLocalDate(at, deps.settings.timeZone())} (entry ${id})`,
          itemId: null,
          previous: null,
          interactionId: id,
          personId: person.id,
        });
        return { id, person, kind, direction, at };
      });
    },

    /**
     * `tend log REF invitation-withdrawn`: no interaction (nothing passed between us), a mark that keeps
     * LinkedIn drafts from inviting them again for three weeks (docs/rules/segments.md#linkedin-limits).
     */
    async logWithdrawnInvitation(ref: string, options: { at?: number; on?: string }) {
      const at = happenedAt(options);
      const person = await people.resolveRef(ref);
      const block = await store.transaction((trx) =>
        createLinkedinLimits({ store: trx, settings: deps.settings }).recordWithdrawn(person.id, at),
      );
      return { person, at, ...block };
    },

    /**
     * `tend unlog ID`: removes an entry the user logged (ids are in `tend show`), and the person's facts
     * with it. Imported entries are refused: the next import would bring them back.
     */
    async unlog(id: number): Promise<{ interaction: Interaction; person: Person }> {
      const interaction = await createInteractionRepository(store).findById(id);
      if (!interaction || interaction.personId === null)
        throw new AppError('not-found', `no logged entry ${id}: \`tend show REF\` lists them with their ids`);
      if (interaction.source !== 'user')
        throw new AppError(
          'usage',
          `entry ${id} was imported (${interaction.source}), not logged: only what you logged can be removed`,
        );
      const person = await people.resolveRef(String(interaction.personId));
      await store.transaction(async (trx) => {
        await createInteractionRepository(trx).deleteById(id);
        await relationships.refreshPerson(trx, person.id);
      });
      return { interaction, person };
    },
  };
}

export type PersonEditingService = ReturnType<typeof createPersonEditingService>;
