import {
  agendaBuilder,
  careItemsFor,
  describeItems,
  type Agenda,
  type AgendaInvitation,
  type AgendaItem,
  type AgendaKind,
  type CareEntry,
  type ContributedItem,
  type ItemState,
} from '../domain/agenda.js';
import type { RelationshipFacts } from '../domain/relationship-facts.js';
import { createInvitationRepository } from '../store/invitation.repository.js';
import { createOwnerFactsRepository } from '../store/owner-facts.repository.js';
import type { AgendaCandidateRow } from '../store/relationship.repository.js';
import type { Store } from '../store/store.js';
import { loadInvitationContext, toAgendaInvitation, type InvitationContext } from './invitation-context.js';
import { holdFollowUpsSaidElsewhere, possiblySamePeople } from './possibly-same-people.js';
import type { RelationshipView } from './relationship-view.js';

/** What other features add to the day: triage verdicts, introduction items. */
export interface AgendaContributions {
  /** Triage verdicts by invitation id, so the agenda's triage items say what to do. */
  verdicts?: (
    view: RelationshipView,
    invitations: InvitationContext,
    /** The facts of the people the invitations name, read once for both. */
    facts: ReadonlyMap<number, RelationshipFacts>,
  ) => Promise<Map<number, { verdict: string; reason: string }>>;
  /** Items of their own kind (introductions), already with stable ids. */
  items?: (now: number) => Promise<ContributedItem[]>;
}

type Verdict = { verdict: string; reason: string };

/** The care kinds: their words come from the person's facts (the others carry their own). */
const CARE_KINDS: ReadonlySet<AgendaKind> = new Set([
  'reply',
  'follow-up',
  'let-go',
  'keep-in-touch',
  'revive',
]);

/** The agenda at `now` with what its caller may still work out: verdicts and words of what it shows. */
export interface CollectedAgenda extends Agenda {
  zone: string;
  /** Works out the triage verdicts of these invitations, into their items' words. */
  verdictsFor(invitationIds: ReadonlySet<number>): Promise<void>;
  /** Writes the words of these items: care items made without them from their people's rows, read again. */
  describe(items: readonly AgendaItem[]): Promise<void>;
}

/**
 * The day's agenda from per-person facts, invitations and the items' marks, each person's row handed to the
 * rules as it is read (docs/PERFORMANCE.md#agenda-stream). `only`: one person's items from their own row and
 * invitations (the same rules: each person's items depend on those alone). `words: 'later'`: items carry how
 * to write their words; `'reread'`: care items carry nothing of their person (`describe` reads again the
 * rows of those shown); `lateVerdicts`: triage verdicts left to `verdictsFor`.
 */
export async function collectAgenda(
  deps: { store: Store; view: RelationshipView; contributions?: AgendaContributions },
  now: number,
  options: {
    states: ReadonlyMap<string, ItemState>;
    only?: number;
    applyMarks?: boolean;
    words?: 'later' | 'reread';
    lateVerdicts?: boolean;
    /** false: items in no particular order (the plan picks its dozen without ordering thousands). */
    sorted?: boolean;
  },
): Promise<CollectedAgenda> {
  const { store, view } = deps;
  const { only } = options;
  const [invitations, howMet, ownerFacts] = await Promise.all([
    loadInvitationContext(store, now, only),
    createInvitationRepository(store).acceptedNotes(only),
    createOwnerFactsRepository(store).list(),
  ]);
  const owner = {
    organizations: ownerFacts
      .filter((fact) => fact.kind === 'position' || fact.kind === 'education')
      .map((fact) => fact.name),
  };
  // The row's person is the entry's own (each row is read into new objects): its `howMet` is filled in place.
  const entryOf = (row: AgendaCandidateRow): CareEntry => {
    const { person } = row;
    if (person.howMet === null) person.howMet = howMet.get(person.id) ?? null;
    return {
      person,
      facts: row.facts ?? undefined,
      strength: view.score(row.scoring, row.facts ?? undefined, false),
    };
  };
  const builder = agendaBuilder(
    { now, zone: view.zone, states: options.states, reference: view.reference, owner },
    { applyMarks: options.applyMarks, words: options.words !== 'reread' },
  );
  // Of each person only what the invitations, the name check and the builder keep (docs/PERFORMANCE.md#agenda-stream).
  const seen = new Set<number>();
  const senderFacts = new Map<number, RelationshipFacts>();
  const named: Array<{ person: Pick<CareEntry['person'], 'id' | 'connectionState'>; nameKey: string }> = [];
  const take = (row: AgendaCandidateRow) => {
    const { id, connectionState } = row.person;
    seen.add(id);
    if (row.facts && invitations.people.has(id)) senderFacts.set(id, row.facts);
    if (only === undefined) named.push({ person: { id, connectionState }, nameKey: row.nameKey });
    builder.add(entryOf(row));
  };
  const rows = only === undefined ? await view.agendaCandidates(take) : await view.agendaRows([only]);
  for (const row of rows) take(row);
  const possiblySame = only === undefined ? await possiblySamePeople(store, named) : [];

  // Triage items are ordered by their sender's strength too, also when the sender is no candidate.
  const others = [...invitations.people.keys()].filter((id) => !seen.has(id));
  for (const [id, facts] of await view.facts(others)) senderFacts.set(id, facts);
  const strengthOf = new Map<number, number>();
  for (const person of invitations.people.values())
    if (!seen.has(person.id))
      strengthOf.set(person.id, view.score(person, senderFacts.get(person.id), false).score);
  const contributions = deps.contributions ?? {};
  const verdictsOf = async (ids?: ReadonlySet<number>): Promise<Map<number, Verdict>> =>
    contributions.verdicts && (!ids || ids.size > 0)
      ? contributions.verdicts(
          view,
          ids ? { ...invitations, all: invitations.all.filter((entry) => ids.has(entry.id)) } : invitations,
          senderFacts,
        )
      : new Map<number, Verdict>();
  const verdicts = options.lateVerdicts ? new Map<number, Verdict>() : await verdictsOf();
  const agendaInvitations: AgendaInvitation[] = invitations.all.map((invitation) => ({
    ...toAgendaInvitation(invitation, invitations.connected),
    verdict: verdicts.get(invitation.id) ?? null,
  }));
  const agenda = builder.finish({
    invitations: agendaInvitations,
    strengthOf: (personId) => strengthOf.get(personId) ?? 0,
    extraItems: contributions.items ? await contributions.items(now) : [],
    possiblySame,
    sorted: options.sorted,
  });
  await holdFollowUpsSaidElsewhere(store, view, agenda.items);
  return {
    ...agenda,
    zone: view.zone,
    async verdictsFor(ids) {
      const late = await verdictsOf(ids);
      for (const invitation of agendaInvitations)
        if (late.has(invitation.id)) invitation.verdict = late.get(invitation.id) ?? null;
    },
    async describe(items) {
      // Items that carry their words first: only those made without (`words: 'reread'`) are read again.
      describeItems(items);
      const bare = new Map(
        items.flatMap((item) =>
          CARE_KINDS.has(item.kind) && item.person && item.reason === '' ? [[item.id, item] as const] : [],
        ),
      );
      if (bare.size > 0) {
        const ids = [...new Set([...bare.values()].map((item) => item.person?.id ?? 0))];
        const context = { reference: view.reference, owner };
        for (const row of await view.agendaRows(ids))
          for (const made of careItemsFor(entryOf(row), now, view.zone, context).items) {
            const item = bare.get(made.id);
            if (item) [item.reason, item.suggestion] = [made.reason, made.suggestion];
          }
      }
    },
  };
}
