import { describe, expect, inject, it } from 'vitest';
import { crashExport, crashTrials, type Trial } from './support/crash-scenario.js';

/**
 * SIGKILL at random moments of an import of a mid-size export (1,000 connections, 10,000 messages, in a zip
 * inside a zip), docs/RELIABILITY.md#crashes. `test/stress/` runs 30 trials on the whole 30,000 messages.
 */
const TRIALS = 5;
const SEED = 15;

/** What must hold after every trial, in one object so a failure shows all of it. */
export function verdict(trial: Trial) {
  return {
    integrity: trial.integrity,
    partialFiles: trial.partialFiles,
    spillsAfterNextStart: trial.spillsAfterNextStart,
    rerunCode: trial.rerun.code,
    sameAsUninterrupted: trial.sameAsUninterrupted,
  };
}

export const SOUND = {
  integrity: 'ok',
  partialFiles: [],
  spillsAfterNextStart: 0,
  rerunCode: 0,
  sameAsUninterrupted: true,
};

describe('an import killed at a random moment', () => {
  it(
    'leaves an intact database with each file whole or absent; the next start removes its spill files; importing again gives what one uninterrupted import gives',
    { timeout: 240_000 },
    async () => {
      const exportZip = crashExport(inject('generatedExport1k'), 10_000);
      const { trials } = await crashTrials(exportZip, TRIALS, SEED);
      for (const trial of trials)
        expect({ at: trial.killedAfterMs, ...verdict(trial) }).toEqual({ at: trial.killedAfterMs, ...SOUND });
      // The trials are worth something only when they killed imports in their midst, spill files and all.
      const killed = trials.filter((trial) => trial.killed);
      expect(killed.length).toBeGreaterThanOrEqual(TRIALS - 2);
      expect(killed.some((trial) => trial.spillsLeft > 0)).toBe(true);
      expect(killed.some((trial) => trial.committedFiles > 0)).toBe(true);
    },
  );
});
