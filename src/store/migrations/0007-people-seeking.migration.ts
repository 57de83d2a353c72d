import { sql, type Kysely } from 'kysely';

/**
 * The few people with a need or a goal, indexed: introductions start from them, and the agenda asks on
 * every run whether there is anyone at all (a scan of 30,000 people otherwise).
 */
export function peopleSeekingSchema() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await sql`create index people_seeking on people (workspace_id) where needs != '[]' or goals != '[]'`.execute(
        db,
      );
    },
  };
}
