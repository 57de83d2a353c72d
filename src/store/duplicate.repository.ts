import { sql } from 'kysely';
import type { DuplicateSubject } from '../domain/duplicate-candidates.js';
import { rowsOf } from './query-runner.js';
import type { StoreContext } from './store.js';

export interface DuplicateProposal {
  otherId: number;
  otherName: string;
  reason: string;
}

export const pairKey = (a: number, b: number) => `${Math.min(a, b)}:${Math.max(a, b)}`;

/**
 * Possible duplicates found by weaker evidence than an identity: proposed, never merged
 * (docs/rules/identity-and-imports.md#duplicate-proposals).
 */
export function createDuplicateRepository(context: StoreContext) {
  const { db, workspaceId } = context;
  return {
    /** Proposes every pair of people with the same normalised name not proposed before; returns how many. */
    async proposeSameNames(now: number): Promise<number> {
      const result = await db
        .insertInto('duplicate_proposals')
        .columns(['workspace_id', 'person_a', 'person_b', 'reason', 'state', 'created_at'])
        .expression((eb) =>
          eb
            .selectFrom('people as a')
            .innerJoin('people as b', (join) =>
              join
                .onRef('a.workspace_id', '=', 'b.workspace_id')
                .onRef('a.name_key', '=', 'b.name_key')
                .onRef('a.id', '<', 'b.id'),
            )
            .select([
              'a.workspace_id',
              'a.id',
              'b.id',
              sql<string>`case when a.company is not null and a.company = b.company then 'same name and company' else 'same name' end`.as(
                'reason',
              ),
              sql<string>`'open'`.as('state'),
              sql<number>`${now}`.as('created_at'),
            ])
            .where('a.workspace_id', '=', workspaceId)
            .where('a.name_key', '!=', ''),
        )
        .onConflict((conflict) => conflict.doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0);
    },

    /** Everyone as the duplicate rules read them: one query for people, one for their URLs and e-mails. */
    async subjects(): Promise<DuplicateSubject[]> {
      const people = await rowsOf(
        context,
        db
          .selectFrom('people')
          .select(['id', 'display_name', 'company', 'connection_state'])
          .where('workspace_id', '=', workspaceId),
      );
      const identities = await rowsOf(
        context,
        db
          .selectFrom('person_identities')
          .select(['person_id', 'kind', 'value'])
          .where('workspace_id', '=', workspaceId)
          .where('kind', 'in', ['url', 'email']),
      );
      const subjects = new Map<number, DuplicateSubject & { emails: string[] }>();
      for (const row of people)
        subjects.set(Number(row.id), {
          id: Number(row.id),
          name: row.display_name,
          company: row.company,
          connected: row.connection_state === 'connected',
          hasProfileUrl: false,
          emails: [],
        });
      for (const row of identities) {
        const subject = subjects.get(Number(row.person_id));
        if (!subject) continue;
        if (row.kind === 'url') subject.hasProfileUrl = true;
        else subject.emails.push(row.value);
      }
      return [...subjects.values()];
    },

    /** Pairs the user said are two people (`tend dupes --dismiss`, or an unmerge), as `a:b` with a < b. */
    async dismissedPairs(): Promise<Set<string>> {
      const rows = await db
        .selectFrom('duplicate_proposals')
        .select(['person_a', 'person_b'])
        .where('workspace_id', '=', workspaceId)
        .where('state', '=', 'dismissed')
        .execute();
      return new Set(rows.map((row) => pairKey(Number(row.person_a), Number(row.person_b))));
    },

    async dismiss(a: number, b: number, reason: string, now: number): Promise<void> {
      await db
        .insertInto('duplicate_proposals')
        .values({
          workspace_id: workspaceId,
          person_a: Math.min(a, b),
          person_b: Math.max(a, b),
          reason,
          state: 'dismissed',
          created_at: now,
        })
        .onConflict((conflict) =>
          conflict.columns(['workspace_id', 'person_a', 'person_b']).doUpdateSet({ state: 'dismissed' }),
        )
        .execute();
    },

    async openFor(personId: number): Promise<DuplicateProposal[]> {
      const rows = await db
        .selectFrom('duplicate_proposals as d')
        .innerJoin('people as p', (join) =>
          join.on((eb) =>
            eb.or([
              eb.and([eb('d.person_a', '=', personId), eb('p.id', '=', eb.ref('d.person_b'))]),
              eb.and([eb('d.person_b', '=', personId), eb('p.id', '=', eb.ref('d.person_a'))]),
            ]),
          ),
        )
        .select(['p.id', 'p.display_name', 'd.reason'])
        .where('d.workspace_id', '=', workspaceId)
        .where('d.state', '=', 'open')
        .execute();
      return rows.map((row) => ({
        otherId: Number(row.id),
        otherName: row.display_name,
        reason: row.reason,
      }));
    },
  };
}
