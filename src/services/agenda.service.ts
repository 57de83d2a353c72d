import { describeItems, type Agenda, type AgendaItem, type AgendaKind } from '../domain/agenda.js';
import { DEFAULT_DAILY_BUDGET, planDay, ranksWithinKind, type DailyPlan } from '../domain/daily-plan.js';
import { AppError } from '../domain/errors.js';
import { toLocalDate } from '../domain/time.js';
import { createAgendaStateRepository } from '../store/agenda-state.repository.js';
import { createDataAgeRepository } from '../store/data-age.repository.js';
import { createPersonRepository } from '../store/person.repository.js';
import type { Store } from '../store/store.js';
import { collectAgenda, type AgendaContributions, type CollectedAgenda } from './agenda-sources.js';
import type { RelationshipService } from './relationship.service.js';
import type { SettingsService } from './settings.service.js';

export type { AgendaContributions } from './agenda-sources.js';

/** The day's agenda with what the CLI and the web UI say around it. */
export interface TodayAgenda extends Agenda {
  zone: string;
  /** The people behind `unknownSenders`, in the same order (docs/rules/agenda.md#unknown-senders). */
  unknownSenderNames: string[];
  /** No one in the database at all: "nothing imported yet", not "nothing needs you". */
  nothingImported: boolean;
}

/**
 * `tend today`: the agenda from per-person facts, invitations and the items' done/snoozed/dismissed states.
 * Only people who can have a care item are read and scored (docs/rules/exchanges-and-strength.md#aggregates).
 */
export function createAgendaService(deps: {
  store: Store;
  relationships: RelationshipService;
  settings?: SettingsService;
  contributions?: () => AgendaContributions;
}) {
  const { store, relationships } = deps;

  /**
   * The day's agenda at `now`, marks applied (docs/rules/agenda.md); see `collectAgenda` for `words`, and
   * `only` (one person's items, `tend show`: docs/PERFORMANCE.md#show).
   */
  async function collect(
    now: number,
    options: {
      only?: number;
      applyMarks?: boolean;
      words?: 'later' | 'reread';
      lateVerdicts?: boolean;
      sorted?: boolean;
    } = {},
  ): Promise<CollectedAgenda> {
    const [view, states] = await Promise.all([
      relationships.view(now),
      options.applyMarks === false ? new Map() : createAgendaStateRepository(store).all(),
    ]);
    return collectAgenda({ store, view, contributions: deps.contributions?.() }, now, { ...options, states });
  }

  function dailyBudget(): number {
    const value = Number(deps.settings?.list()['daily-budget']);
    return Number.isInteger(value) && value > 0 ? value : DEFAULT_DAILY_BUDGET;
  }

  /** The day's agenda with the names of the unknown senders, and whether anything is imported at all. */
  async function todayOf(agenda: CollectedAgenda): Promise<TodayAgenda> {
    const persons = createPersonRepository(store);
    const byId = new Map(
      (await persons.findByIds(agenda.unknownSenderIds)).map((person) => [person.id, person.name]),
    );
    return {
      items: agenda.items,
      unknownSenders: agenda.unknownSenders,
      unknownSenderIds: agenda.unknownSenderIds,
      zone: agenda.zone,
      unknownSenderNames: agenda.unknownSenderIds.map((id) => byId.get(id) ?? `#${id}`),
      nothingImported:
        agenda.items.length === 0 && agenda.unknownSenders === 0 && (await persons.count()) === 0,
    };
  }

  return {
    /** The day's agenda: every item, due or not, marks applied. */
    async today(now: number): Promise<TodayAgenda> {
      const agenda = await collect(now);
      describeItems(agenda.items);
      return todayOf(agenda);
    },

    /**
     * One person's items among the day's agenda (due or not, marks applied), as `today` has them, from their
     * own facts and invitations only (`tend show`: docs/PERFORMANCE.md#show).
     */
    async forPerson(personId: number, now: number): Promise<AgendaItem[]> {
      const { items } = await collect(now, { only: personId });
      describeItems(items);
      return items.filter((item) => item.person?.id === personId);
    },

    /**
     * `tend today`: the daily plan of what is due (docs/rules/agenda.md#daily-plan), or with `all` everything
     * due; each item's rank within its kind, what did not fit, and how old the data is.
     */
    async plan(
      now: number,
      /** `kinds`: only these (`today --kind`); the day's budget is then spent on them alone. */
      options: { all: boolean; kinds?: ReadonlySet<AgendaKind> | null },
    ): Promise<PlanView> {
      // Care items without their words, which only those shown get, from their rows read again: the others'
      // rows and facts die young (docs/PERFORMANCE.md#agenda-stream). `--all` shows everything: words kept.
      const [collected, dataAsOf] = await Promise.all([
        collect(now, { words: options.all ? 'later' : 'reread', lateVerdicts: true, sorted: options.all }),
        createDataAgeRepository(store).asOf(now),
      ]);
      const agenda = await todayOf(collected);
      const day = toLocalDate(now, agenda.zone);
      const { kinds } = options;
      const due = agenda.items.filter((item) => item.due <= day && (!kinds || kinds.has(item.kind)));
      const budget = dailyBudget();
      const plan: DailyPlan = options.all
        ? { items: due, more: {}, ranks: ranksWithinKind(due) }
        : planDay(due, budget);
      // Only what is shown is worked out and written (docs/PERFORMANCE.md#agenda-texts).
      await collected.verdictsFor(
        new Set(plan.items.flatMap((item) => (item.invitationId !== undefined ? [item.invitationId] : []))),
      );
      await collected.describe(plan.items);
      return { ...agenda, ...plan, today: day, budget, dataAsOf };
    },

    /**
     * The item with this id among everything the rules make today, marked or not: an id `today` showed
     * (its plan or `--all`) is always found (docs/rules/agenda.md#item-ids).
     */
    async findItem(itemId: string, now: number): Promise<AgendaItem> {
      if (!/^[0-9a-f]{12}$/.test(itemId))
        throw new AppError('usage', `"${itemId}" is not an agenda item id: copy it from \`tend today\``);
      const { items } = await collect(now, { applyMarks: false });
      describeItems(items);
      const item = items.find((candidate) => candidate.id === itemId);
      if (!item)
        throw new AppError(
          'not-found',
          `no agenda item ${itemId} today: \`tend today --all\` lists the current ids`,
        );
      return item;
    },
  };
}

export type AgendaService = ReturnType<typeof createAgendaService>;

export interface PlanView extends TodayAgenda, DailyPlan {
  today: string;
  budget: number;
  /** The newest imported event (docs/rules/agenda.md#old-data), null when nothing is imported. */
  dataAsOf: number | null;
}
