import { z } from 'zod';
import { formatInstant } from '../domain/time.js';

/** Schemas more than one route uses. Instants are ISO 8601 UTC, days YYYY-MM-DD (docs/rules/cli.md#json-shapes). */
export const personRef = z.object({ id: z.number().int(), name: z.string() });
export const instant = z.string().describe('ISO 8601 UTC');
export const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe('YYYY-MM-DD');
export const band = z.enum(['strong', 'medium', 'weak', 'dormant', 'none']);

/** A numeric id in the path: "12" → 12; anything else is a 400 naming `path.id`. */
export const idParam = z.object({
  id: z
    .string()
    .regex(/^\d{1,15}$/, 'must be a whole number')
    .transform(Number),
});

/** A query flag: `?all=1`, `?all=true`. */
export const flag = z
  .enum(['1', '0', 'true', 'false'])
  .optional()
  .transform((value) => value === '1' || value === 'true');

export const instantOrNull = (value: number | null | undefined) =>
  value === null || value === undefined ? null : formatInstant(value);
