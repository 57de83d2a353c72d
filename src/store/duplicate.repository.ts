import { sql } from 'kysely';
import type { StoreContext } from './store.js';

export interface DuplicateProposal {
  otherId: number;
  otherName: string;
  reason: string;
}

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
