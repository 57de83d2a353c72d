import { describe, expect, it } from 'vitest';
import { fuzzImporter, type Importer } from '../support/fuzz-importer.js';

/** The CI fuzzing's 1,000 cases per importer as 10,000, from a new seed each run (printed, to replay). */
const CASES = 10_000;

describe('fuzzing the importers (stress)', () => {
  it.each<Importer>(['linkedin-csv', 'zip', 'vcard', 'contact-csv', 'icalendar', 'mail'])(
    `%s: ${CASES} cases`,
    { timeout: 3_600_000 },
    async (importer) => {
      const seed = Number(process.env.TEND_STRESS_SEED ?? Date.now() % 100_000);
      const run = await fuzzImporter(importer, CASES, seed);
      console.log(
        `fuzz stress ${importer}: seed ${seed}, ${run.cases} cases (${run.failedFiles} failed cleanly, ${run.filesRead} read a file whole), slowest ${Math.round(run.slowestMs)} ms, findings ${run.findings.length}`,
      );
      expect(run.findings).toEqual([]);
      expect(run.cases).toBe(CASES);
    },
  );
});
