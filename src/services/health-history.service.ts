import { AppError } from '../domain/errors.js';
import { addDays, formatInstant, toLocalDate } from '../domain/time.js';
import { createHealthSnapshotRepository } from '../store/health-snapshot.repository.js';
import type { Store } from '../store/store.js';
import type { HealthService, NetworkHealth } from './health.service.js';
import type { SettingsService } from './settings.service.js';

export interface HealthPoint {
  /** The day in the `timezone` setting, YYYY-MM-DD. */
  day: string;
  takenAt: number;
  figures: NetworkHealth;
}

/** A day's figures as JSON, instants in ISO 8601: `/api/health/history` and `tend health --history --json`. */
export function healthPointJson(point: HealthPoint) {
  return {
    day: point.day,
    takenAt: formatInstant(point.takenAt),
    figures: {
      ...point.figures,
      dataAsOf: point.figures.dataAsOf === null ? null : formatInstant(point.figures.dataAsOf),
    },
  };
}

/**
 * Health over time (docs/rules/prune-and-health.md#health-history): the first command run on a day keeps
 * that day's health figures, so the Health page can chart them. Every other command pays one primary-key
 * lookup; a database with no connections yet, or one tend may only read, keeps nothing.
 */
export function createHealthHistoryService(deps: {
  store: Store;
  health: HealthService;
  settings: SettingsService;
  readOnly: boolean;
}) {
  const snapshots = () => createHealthSnapshotRepository(deps.store);
  return {
    /**
     * Takes `now`'s day's snapshot unless it has one, or over it with `replace` (after an import: the data
     * changed); says whether it did.
     */
    async recordDaily(now: number, options: { replace?: boolean } = {}): Promise<boolean> {
      if (deps.readOnly) return false;
      const day = toLocalDate(now, deps.settings.timeZone());
      if (!options.replace && (await snapshots().has(day))) return false;
      const figures = await deps.health.figures(now);
      if (figures.connections === 0) return false;
      const snapshot = { day, takenAt: now, figures: JSON.stringify(figures) };
      try {
        // A reader's snapshot is worth taking only now: another process writing (an import) takes the day's
        // when it ends. After an import the figures must be the new ones: that one waits its turn.
        await deps.store.transaction(
          (trx) => createHealthSnapshotRepository(trx).add(snapshot, options.replace),
          { wait: options.replace === true },
        );
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'busy')) throw error;
        return false;
      }
      return true;
    },

    /** The last `days` days' snapshots up to `now`'s day, oldest first. */
    async history(now: number, days: number): Promise<HealthPoint[]> {
      const today = toLocalDate(now, deps.settings.timeZone());
      const rows = await snapshots().between(addDays(today, 1 - days), today);
      return rows.map((row) => ({
        day: row.day,
        takenAt: row.takenAt,
        figures: JSON.parse(row.figures) as NetworkHealth,
      }));
    },
  };
}

export type HealthHistoryService = ReturnType<typeof createHealthHistoryService>;
