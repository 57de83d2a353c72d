import { oldDataDays } from '../../domain/daily-plan.js';
import { toLocalDate } from '../../domain/time.js';

/**
 * The first line of `today` and `health` when the newest imported data is more than 30 days older than now
 * (docs/rules/agenda.md#old-data); null otherwise.
 */
export function oldDataLine(dataAsOf: number | null, now: number, zone: string): string | null {
  const days = oldDataDays(dataAsOf, now, zone);
  if (days === null || dataAsOf === null) return null;
  return `Your newest data is from ${toLocalDate(dataAsOf, zone)} (${days} days ago): import a fresh LinkedIn export with tend import PATH`;
}
