import type { StoreContext } from './store.js';

export interface KnownTie {
  personA: number;
  personB: number;
  source: 'thread' | 'meeting' | 'knows' | 'colleague';
  strength: number;
  evidence: string | null;
}

/** Evidence that two of my people know each other; stored once per pair with the smaller id first. */
export function createKnownTieRepository(context: StoreContext) {
  const { db, workspaceId } = context;
  return {
    async upsert(tie: KnownTie, now: number): Promise<void> {
      const [a, b] = tie.personA < tie.personB ? [tie.personA, tie.personB] : [tie.personB, tie.personA];
      await db
        .insertInto('known_ties')
        .values({
          workspace_id: workspaceId,
          person_a: a,
          person_b: b,
          source: tie.source,
          strength: tie.strength,
          evidence: tie.evidence,
          created_at: now,
        })
        .onConflict((conflict) =>
          conflict
            .columns(['workspace_id', 'person_a', 'person_b', 'source'])
            .doUpdateSet({ strength: tie.strength, evidence: tie.evidence }),
        )
        .execute();
    },

    async listFor(personId: number): Promise<KnownTie[]> {
      const rows = await db
        .selectFrom('known_ties')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where((eb) => eb.or([eb('person_a', '=', personId), eb('person_b', '=', personId)]))
        .execute();
      return rows.map((row) => ({
        personA: Number(row.person_a),
        personB: Number(row.person_b),
        source: row.source as KnownTie['source'],
        strength: row.strength,
        evidence: row.evidence,
      }));
    },
  };
}
