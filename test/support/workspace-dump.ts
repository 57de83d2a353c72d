import { createDataExportRepository, EXPORT_TABLES } from '../../src/store/data-export.repository.js';
import type { StoreContext } from '../../src/store/store.js';

/**
 * Every exported table of the workspace in a stable order, as plain rows: two stores hold the same data when
 * their dumps are equal. `leaveOut` names columns not compared (e.g. `people.updated_at`).
 */
export async function dumpWorkspace(
  context: StoreContext,
  leaveOut: Partial<Record<string, readonly string[]>> = {},
): Promise<Record<string, Record<string, unknown>[]>> {
  const repository = createDataExportRepository(context);
  const dump: Record<string, Record<string, unknown>[]> = {};
  for (const [table, order] of EXPORT_TABLES) {
    const rows: Record<string, unknown>[] = [];
    for await (const row of repository.rows(table, order)) {
      const copy: Record<string, unknown> = {};
      for (const [column, value] of Object.entries(row))
        if (!leaveOut[table]?.includes(column))
          copy[column] = typeof value === 'bigint' ? Number(value) : value;
      rows.push(copy);
    }
    dump[table] = rows;
  }
  return dump;
}
