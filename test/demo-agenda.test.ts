import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { resolveConfig } from '../src/config.js';
import { tempDataDir } from './support/cli-harness.js';

/**
 * The expected agenda of sample/STORY.md, written by hand from the rules (docs/rules/agenda.md) before the
 * engine existed.
 */
const EXPECTED: Array<[due: string, kind: string, subject: string]> = [
  ['2025-12-06', 'keep-in-touch', 'Karin Ek'],
  ['2025-12-08', 'triage', 'Brandon Tate'],
  ['2025-12-18', 'reply', 'Felix Hartmann'],
  ['2025-12-20', 'triage', 'Michael Brooks'],
  ['2025-12-29', 'triage', 'Anna Bergqvist'],
  ['2026-01-02', 'triage', 'Grace Liu'],
  ['2026-01-03', 'triage', 'Dmitri Volkov'],
  ['2026-01-05', 'triage', 'Viktor Sandberg'],
  ['2026-01-11', 'reply', 'Jakob Strand'],
  ['2026-01-13', 'reply', 'Nora Haddad'],
  ['2026-01-14', 'keep-in-touch', 'Ahmed Karimi'],
  ['2026-01-15', 'reply', 'Mei Tanaka'],
  ['2026-01-15', 'follow-up', 'Ravi Menon'],
  ['2026-01-15', 'let-go', 'Rasmus Holm'],
  ['2026-01-15', 'keep-in-touch', 'Jonas Berg'],
  ['2026-01-15', 'revive', 'Leila Farah'],
  ['2026-01-15', 'revive', 'Gustav Almqvist'],
  ['2026-01-15', 'introduce', 'Sofia Reyes ↔ Daniel Okafor'],
];
/** The daily plan: every care item fits the budget of 12; of six invitations the three waiting longest. */
const NOT_IN_PLAN = ['Grace Liu', 'Dmitri Volkov', 'Viktor Sandberg'];

describe('the demo network at its anchor date', () => {
  it('gives the agenda that sample/STORY.md derives by hand', async () => {
    const now = Date.parse('2026-01-15T09:00:00Z');
    const dataDir = tempDataDir();
    const app = await createApp(resolveConfig({ data: dataDir, now: '2026-01-15T09:00:00Z' }, {}));
    try {
      app.settings.set('timezone', 'UTC');
      await app.sample.load(dataDir, '2026-01-15');
      const agenda = await app.agenda.plan(now, { all: true });
      const due = agenda.items;
      const actual = due.map((item) => [item.due, item.kind, item.subject]);
      const plan = await app.agenda.plan(now, { all: false });
      expect(plan.items.map((item) => [item.due, item.kind, item.subject])).toEqual(
        EXPECTED.filter(([, , subject]) => !NOT_IN_PLAN.includes(subject)),
      );
      expect(plan.more).toEqual({ triage: 3 });
      // The plan writes and works out only what it shows (triage verdicts included), the same as --all does.
      for (const item of plan.items) expect(item).toEqual(due.find((other) => other.id === item.id));
      expect(plan.items.filter((item) => item.kind === 'triage').map((item) => item.suggestion)).toEqual(
        Array(3).fill(expect.stringMatching(/^Suggested: (accept|ask|decline) — /)),
      );
      // The two revive items share due date and kind; their order depends on the score model.
      const sorted = (rows: unknown[][]) => [...rows].map((row) => row.join('|')).sort();
      expect(sorted(actual)).toEqual(sorted(EXPECTED));
      expect(actual.slice(0, 15)).toEqual(EXPECTED.slice(0, 15));
      for (const item of due) {
        expect(item.reason).toMatch(/\d/);
        expect(item.suggestion.length).toBeGreaterThan(20);
      }
      // Near misses of STORY.md: no items for them.
      const subjects = new Set(due.map((item) => item.subject));
      for (const name of [
        'Amara Osei',
        'Élodie Marchand',
        'Wei Zhang',
        'Sara Lindgren',
        'Elin Sjöberg',
        'Petra Kowalczyk',
        'Henrik Dahl',
        'Marta Silva',
        'Yusuf Demir',
        'Olivia Grant',
        'Björn Åkesson',
        'Trevor Banks',
        'Olga Petrenko',
      ]) {
        expect(subjects.has(name), name).toBe(false);
      }
      expect(agenda.unknownSenders).toBe(1);

      const prune = (await app.prune.candidates(now)).map((candidate) => candidate.person.name).sort();
      expect(prune).toEqual(['Anja Petersen', "Brian O'Connor", 'Lina Carlsson', 'Tobias Krüger'].sort());

      const health = await app.health.figures(now);
      expect({ connections: health.connections, conversed: health.conversed }).toEqual({
        connections: 55,
        conversed: 27,
      });
      expect(health.depth).toBeCloseTo(27 / 55, 2);
    } finally {
      await app.close();
    }
  });
});
