import { describe, expect, inject, it } from 'vitest';
import {
  SOUND,
  crashExport,
  crashTrials,
  killedImport,
  uninterruptedImport,
  verdict,
} from '../support/crash-scenario.js';

/** The CI test's 5 trials as 30, on the whole generated 1k export (30,000 messages), from a new seed each run. */
const TRIALS = 30;

describe('an import killed at a random moment (stress)', () => {
  it(`holds over ${TRIALS} trials`, { timeout: 1_800_000 }, async () => {
    const seed = Number(process.env.TEND_STRESS_SEED ?? Date.now() % 100_000);
    const exportZip = crashExport(inject('generatedExport1k'), 30_000);
    const reference = await uninterruptedImport(exportZip);
    const trials = await crashTrials(exportZip, TRIALS, seed, reference);
    const unsound = trials.filter((trial) => JSON.stringify(verdict(trial)) !== JSON.stringify(SOUND));
    const killed = trials.filter((trial) => trial.killed);
    console.log(
      `crash stress: seed ${seed}, ${TRIALS} trials (${killed.length} killed mid-import, ${killed.filter((trial) => trial.spillsLeft > 0).length} leaving spill files, committed files ${killed.map((trial) => trial.committedFiles).join(' ')}), uninterrupted import ${reference.durationMs} ms, failures ${unsound.length}`,
    );
    for (const trial of trials)
      expect({ at: trial.killedAfterMs, ...verdict(trial) }).toEqual({ at: trial.killedAfterMs, ...SOUND });
    expect(killed.length).toBeGreaterThanOrEqual(TRIALS - 3);
  });
});

/** Just after each commit the import makes: the moments between one file's transaction and the next step. */
const DELAYS_AFTER_COMMIT_MS = [0, 3, 8, 15, 30, 60, 120, 250];

describe('an import killed just after a file commits (stress)', () => {
  it('holds at every file boundary, 0–250 ms after the commit', { timeout: 1_800_000 }, async () => {
    const exportZip = crashExport(inject('generatedExport1k'), 10_000);
    const reference = await uninterruptedImport(exportZip);
    for (let files = 1; files <= reference.files; files += 1)
      for (const delayMs of DELAYS_AFTER_COMMIT_MS) {
        const trial = await killedImport(exportZip, reference, { afterFiles: files, delayMs });
        expect({ files, delayMs, ...verdict(trial) }).toEqual({ files, delayMs, ...SOUND });
      }
  });
});
