import { AppError } from '../domain/errors.js';
import { INTERACTION_KINDS, type Direction, type InteractionKind } from '../domain/interaction.js';
import { CIRCLES, type Circle } from '../domain/person.js';
import { hash53 } from '../domain/source-key.js';
import { createInteractionRepository } from '../store/interaction.repository.js';
import { createPersonRepository, type UserPersonFields } from '../store/person.repository.js';
import type { Store } from '../store/store.js';
import type { PeopleService } from './people.service.js';
import type { RelationshipService } from './relationship.service.js';

export interface SetChanges {
  circle?: string;
  tags?: string[];
  removeTags?: string[];
  needs?: string[];
  offers?: string[];
  goals?: string[];
  howMet?: string;
  notes?: string;
  doNotContact?: boolean;
  floor?: string;
  override?: string;
}

function strengthValue(name: string, value: string | undefined): number | null | undefined {
  if (value === undefined) return undefined;
  if (value === 'none' || value === '') return null;
  if (!/^\d{1,3}$/.test(value) || Number(value) > 100)
    throw new AppError('usage', `${name} must be a whole number from 0 to 100, or "none" to remove it`);
  return Number(value);
}

/** `tend set` and `tend log`: what the user says, stored beside (and winning over) what imports found. */
export function createPersonEditingService(deps: {
  store: Store;
  people: PeopleService;
  relationships: RelationshipService;
  clock: () => number;
}) {
  const { store, people, relationships, clock } = deps;

  return {
    async set(ref: string, changes: SetChanges) {
      const person = await people.resolveRef(ref);
      const fields: UserPersonFields = {};
      if (changes.circle !== undefined) {
        if (!(CIRCLES as readonly string[]).includes(changes.circle)) {
          throw new AppError('usage', `--circle must be one of ${CIRCLES.join(', ')}`);
        }
        fields.circle = changes.circle === 'none' ? null : (changes.circle as Circle);
      }
      if (changes.tags || changes.removeTags) {
        const tags = new Set([...person.tags, ...(changes.tags ?? [])]);
        for (const tag of changes.removeTags ?? []) tags.delete(tag);
        fields.tags = [...tags];
      }
      if (changes.needs) fields.needs = [...new Set([...person.needs, ...changes.needs])];
      if (changes.offers) fields.offers = [...new Set([...person.offers, ...changes.offers])];
      if (changes.goals) fields.goals = [...new Set([...person.goals, ...changes.goals])];
      if (changes.howMet !== undefined) fields.howMet = changes.howMet || null;
      if (changes.notes !== undefined) fields.notes = changes.notes || null;
      if (changes.doNotContact !== undefined) fields.doNotContact = changes.doNotContact;
      const floor = strengthValue('--floor', changes.floor);
      if (floor !== undefined) fields.strengthFloor = floor;
      const override = strengthValue('--override', changes.override);
      if (override !== undefined) fields.strengthOverride = override;
      if (Object.keys(fields).length === 0)
        throw new AppError('usage', 'nothing to set: give at least one option (see tend set --help)');
      await createPersonRepository(store).updateUserFields(person.id, fields, clock());
      return await people.resolveRef(String(person.id));
    },

    async log(ref: string, kind: string, text: string | null, options: { at?: number; direction?: string }) {
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
      const person = await people.resolveRef(ref);
      const at = options.at ?? clock();
      return store.transaction(async (trx) => {
        const interactions = createInteractionRepository(trx);
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
        );
        await relationships.refreshPerson(trx, person.id);
        return { person, kind, direction, at };
      });
    },
  };
}

export type PersonEditingService = ReturnType<typeof createPersonEditingService>;
