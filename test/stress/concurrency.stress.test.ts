import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { importWhileOthersWork, parallelFirstStarts } from '../support/concurrency-scenario.js';

/** The CI concurrency test, longer: 3 imports of the whole 1k export under load, 5 × 20 first starts (SQLite). */
const IMPORTS = 3;
const FIRST_STARTS = 5;

describe('several processes on one database (stress)', () => {
  it(`${IMPORTS} imports while others read and log, ${FIRST_STARTS} × 20 first starts`, async () => {
    let commands = 0;
    const failures: string[] = [];
    for (let round = 0; round < IMPORTS; round += 1) {
      const result = await importWhileOthersWork(
        { dataDir: mkdtempSync(join(tmpdir(), 'tend-stress-')) },
        inject('generatedExport1k'),
        4,
      );
      commands += result.readerRuns + 1;
      if (result.importRun.code !== 0) failures.push(`import: ${result.importRun.stderr}`);
      failures.push(...result.failures.map((run) => `${run.argv.slice(-3).join(' ')}: ${run.stderr.trim()}`));
      if (result.stored.sort().join() !== [...result.logged].sort().join())
        failures.push(`logs lost in round ${round}`);
    }
    for (let round = 0; round < FIRST_STARTS; round += 1) {
      const failed = await parallelFirstStarts({ dataDir: mkdtempSync(join(tmpdir(), 'tend-stress-')) }, 20);
      commands += 20;
      failures.push(...failed.map((run) => `${run.argv.slice(-3).join(' ')}: ${run.stderr.trim()}`));
    }
    console.log(
      `concurrency stress: ${commands} commands (${IMPORTS} imports under load, ${FIRST_STARTS * 20} first starts), failures ${failures.length}`,
    );
    expect(failures).toEqual([]);
  });
});
