import { beforeAll, describe, expect, inject, it } from 'vitest';
import {
  SOUND,
  crashExport,
  crashTrials,
  killedImport,
  uninterruptedImport,
  verdict,
  type Reference,
} from './support/crash-scenario.js';

/**
 * SIGKILL at random moments of an import of a mid-size export (1,000 connections, 10,000 messages, in a zip
 * inside a zip), docs/RELIABILITY.md#crashes. `test/stress/` runs 30 trials on the whole 30,000 messages.
 */
const TRIALS = 5;
const SEED = 15;
let exportZip: string;
let reference: Reference;

beforeAll(async () => {
  exportZip = crashExport(inject('generatedExport1k'), 10_000);
  reference = await uninterruptedImport(exportZip);
}, 60_000);

describe('an import killed at a random moment', () => {
  it(
    'leaves an intact database with each file whole or absent; the next start removes its spill files; importing again gives what one uninterrupted import gives',
    { timeout: 240_000 },
    async () => {
      const trials = await crashTrials(exportZip, TRIALS, SEED, reference);
      for (const trial of trials)
        expect({ at: trial.killedAfterMs, ...verdict(trial) }).toEqual({ at: trial.killedAfterMs, ...SOUND });
      // The trials are worth something only when they killed imports in their midst, spill files and all.
      const killed = trials.filter((trial) => trial.killed);
      expect(killed.length).toBeGreaterThanOrEqual(TRIALS - 2);
      expect(killed.some((trial) => trial.spillsLeft > 0)).toBe(true);
      expect(killed.some((trial) => trial.committedFiles > 0)).toBe(true);
    },
  );

  it(
    'killed after its last file, before the links and duplicate proposals: the next import makes them, even after a reader refreshed the facts',
    { timeout: 60_000 },
    async () => {
      const trial = await killedImport(exportZip, reference, { afterFiles: reference.files });
      expect(trial.killed).toBe(true);
      expect(trial.committedFiles).toBe(reference.files);
      expect(verdict(trial)).toEqual(SOUND);
    },
  );
});
