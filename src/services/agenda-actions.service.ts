import type { AgendaItem, ItemState } from '../domain/agenda.js';
import { CARE_KINDS } from '../domain/agenda-states.js';
import { parseUntilDate } from '../domain/date-input.js';
import { AppError } from '../domain/errors.js';
import type { Direction, InteractionKind } from '../domain/interaction.js';
import { toLocalDate } from '../domain/time.js';
import { createAgendaStateRepository } from '../store/agenda-state.repository.js';
import { createInteractionRepository } from '../store/interaction.repository.js';
import type { Store } from '../store/store.js';
import type { AgendaService } from './agenda.service.js';
import { insertLoggedInteraction } from './logged-interaction.js';
import type { RelationshipService } from './relationship.service.js';
import type { SettingsService } from './settings.service.js';

/** What `tend done` may record (docs/rules/agenda.md#done-logs). */
export const DONE_KINDS = ['message', 'call', 'meeting', 'email'] as const;
export type DoneKind = (typeof DONE_KINDS)[number];

export interface DoneOptions {
  /** What happened; default: a message, for the care kinds whose step is getting in touch. */
  as?: string;
  text?: string | null;
  /** false: only mark the item (`--no-log`). */
  log?: boolean;
}

export interface MarkResult {
  item: AgendaItem;
  state: ItemState['state'];
  until: string | null;
  /** The interaction `done` recorded. */
  logged: { id: number; kind: InteractionKind; direction: Direction } | null;
}

const isCare = (item: AgendaItem) => (CARE_KINDS as readonly string[]).includes(item.kind);

/** What `done` records by default: getting in touch is the step of these kinds; letting go is not. */
function doneLog(item: AgendaItem, options: DoneOptions): { kind: DoneKind; direction: Direction } | null {
  if (options.log === false || item.person === null) return null;
  if (options.as !== undefined && !(DONE_KINDS as readonly string[]).includes(options.as))
    throw new AppError('usage', `--as ${options.as}: use one of ${DONE_KINDS.join(', ')}`);
  const kind = options.as as DoneKind | undefined;
  if (!kind && !['reply', 'follow-up', 'keep-in-touch', 'revive'].includes(item.kind)) return null;
  // A follow-up is resolved by anything said by me; the others are an exchange: their message answered,
  // a tie in touch again (so the cadence restarts).
  const direction: Direction =
    item.kind === 'follow-up' && kind !== 'call' && kind !== 'meeting' ? 'out' : 'both';
  return { kind: kind ?? 'message', direction };
}

const what = (item: AgendaItem) => `${item.subject}'s ${item.kind} [${item.id}]`;

/**
 * `tend done|snooze|dismiss ID` and `tend undo`: marks that stick (a mark on a care item quiets the
 * person's care items), `done` recording what happened, and every action reversible once
 * (docs/rules/agenda.md#item-ids, #done-logs, #undo).
 */
export function createAgendaActionsService(deps: {
  store: Store;
  agenda: AgendaService;
  relationships: RelationshipService;
  settings: SettingsService;
  clock: () => number;
}) {
  const { store, agenda, relationships, clock } = deps;

  async function mark(
    itemId: string,
    state: ItemState['state'],
    options: { until?: string | null; done?: DoneOptions } = {},
  ): Promise<MarkResult> {
    const now = clock();
    const today = toLocalDate(now, deps.settings.timeZone());
    const item = await agenda.findItem(itemId, now);
    let until: string | null = null;
    if (state === 'snoozed') {
      const given = options.until ?? null;
      until = given === null ? null : parseUntilDate(given, today);
      if (until === null)
        throw new AppError(
          'usage',
          `--until needs a real day as YYYY-MM-DD, or 3d, 2w, next-week, next-month${given ? ` (not "${given}")` : ''}`,
        );
      if (until <= today) throw new AppError('usage', `--until ${given} is not after today`);
    }
    const log = state === 'done' ? doneLog(item, options.done ?? {}) : null;
    return store.transaction(async (trx) => {
      const marks = createAgendaStateRepository(trx);
      const previous = (await marks.all()).get(itemId) ?? null;
      let logged: MarkResult['logged'] = null;
      if (log && item.person) {
        const id = await insertLoggedInteraction(
          trx,
          { personId: item.person.id, ...log, at: now, text: options.done?.text?.trim() || null },
          now,
        );
        await relationships.refreshPerson(trx, item.person.id);
        logged = { id, ...log };
      }
      // A logged contact resolves the person's items itself; a bare mark quiets their care items.
      const personId = isCare(item) && !logged ? (item.person?.id ?? null) : null;
      await marks.set(itemId, { state, until, personId, at: now }, now);
      await marks.record({
        at: now,
        description:
          (state === 'snoozed'
            ? `snoozed ${what(item)} until ${until}`
            : state === 'dismissed'
              ? `dismissed ${what(item)}`
              : `marked ${what(item)} done`) +
          (logged ? ` and logged a ${logged.kind} with ${item.subject} (entry ${logged.id})` : ''),
        itemId,
        previous,
        interactionId: logged?.id ?? null,
        personId: item.person?.id ?? null,
      });
      return { item, state, until, logged };
    });
  }

  return {
    mark,

    /** Reverses the latest agenda action or log not undone yet, and says what it was. */
    async undo(): Promise<{ description: string } | null> {
      const now = clock();
      return store.transaction(async (trx) => {
        const marks = createAgendaStateRepository(trx);
        const action = await marks.last();
        if (!action) return null;
        if (action.itemId !== null) {
          if (action.previous) await marks.set(action.itemId, action.previous, now);
          else await marks.remove(action.itemId);
        }
        if (action.interactionId !== null) {
          const interactions = createInteractionRepository(trx);
          const interaction = await interactions.findById(action.interactionId);
          // Already removed with `tend unlog`: nothing more to take back.
          if (interaction && interaction.source === 'user') {
            await interactions.deleteById(action.interactionId);
            if (interaction.personId !== null) await relationships.refreshPerson(trx, interaction.personId);
          }
        }
        await marks.markUndone(action.id, now);
        return { description: action.description };
      });
    },
  };
}

export type AgendaActionsService = ReturnType<typeof createAgendaActionsService>;
