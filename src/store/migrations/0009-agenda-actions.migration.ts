import type { Kysely } from 'kysely';
import type { SqlDialect } from '../sql-dialect.js';

/**
 * A mark remembers whose care item it was (a snooze or dismissal quiets all of that person's care items),
 * and every agenda action or log is journalled with what it replaced, so `tend undo` can reverse the last
 * one (docs/rules/agenda.md#undo).
 */
export function agendaActionsSchema(dialect: SqlDialect) {
  const idType = dialect === 'postgres' ? 'bigserial' : 'integer';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('agenda_item_states').addColumn('person_id', 'bigint').execute();
      await db.schema
        .createTable('agenda_actions')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('item_id', 'text')
        .addColumn('previous', 'text')
        .addColumn('interaction_id', 'bigint')
        .addColumn('person_id', 'bigint')
        .addColumn('undone_at', 'bigint')
        .execute();
      await db.schema
        .createIndex('agenda_actions_open')
        .on('agenda_actions')
        .columns(['workspace_id', 'id'])
        .execute();
    },
  };
}
