import { AppError } from '../domain/errors.js';
import {
  INTERACTION_KINDS,
  type Direction,
  type Interaction,
  type InteractionKind,
} from '../domain/interaction.js';
import { planPersonEdits, type PersonChange, type PersonEdits } from '../domain/person-edits.js';
import type { Person } from '../domain/person.js';
import { hash53 } from '../domain/source-key.js';
import { formatInstant, toLocalDate } from '../domain/time.js';
import { createInteractionRepository } from '../store/interaction.repository.js';
import { createPersonRepository } from '../store/person.repository.js';
import type { Store } from '../store/store.js';
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
      if (!(INTERACTION_KINDS as readonly string[]).includes(kind)) {
        throw new AppError('usage', `unknown kind "${kind}": use one of ${INTERACTION_KINDS.join(', ')}`);
      }
      const direction = (options.direction ??
        (kind === 'call' || kind === 'meeting'
          ? 'both'
          : kind === 'help-received'
            ? 'in'
            : 'out')) as Direction;
      if (!['in', 'out', 'both'].includes(direction))
        throw new AppError('usage', '--direction must be in, out or both');
      const at = happenedAt(options);
      const person = await people.resolveRef(ref);
      return store.transaction(async (trx) => {
        const interactions = createInteractionRepository(trx);
        const ids: number[] = [];
        await interactions.insertMany(
          [
            {
              personId: person.id,
              kind: kind as InteractionKind,
              direction,
              at,
              channel:
                kind === 'email'
                  ? 'email'
                  : kind === 'call'
                    ? 'phone'
                    : kind === 'meeting'
                      ? 'meeting'
                      : 'logged',
              conversationKey: null,
              groupSize: 2,
              summary: text,
              textHash: null,
              skippedReason: null,
              source: 'user',
              sourceKey: hash53('log', person.id, kind, direction, at, text ?? '', clock(), Math.random()),
            },
          ],
          clock(),
          ids,
        );
        await relationships.refreshPerson(trx, person.id);
        return { id: ids[0] ?? -1, person, kind, direction, at };
      });
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
