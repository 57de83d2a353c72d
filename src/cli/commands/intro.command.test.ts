import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { resolveConfig } from '../../config.js';
import { runCli, tempDataDir } from '../../../test/support/cli-harness.js';

interface SuggestionJson {
  a: { id: number; name: string };
  b: { id: number; name: string };
  score: number;
  reasons: string[];
}

interface IntroductionJson {
  id: number;
  a: { id: number; name: string };
  b: { id: number; name: string };
  state: string;
  since: string;
  next: string[];
  draft: { to: string[]; subject: string | null; text: string } | null;
  due: string | null;
  stalled: boolean;
  history: Array<{ state: string; at: string; note: string | null }>;
}

/** A real SQLite data folder with `tend demo`'s sample network at its anchor date. */
let dataDir: string;
beforeAll(async () => {
  dataDir = tempDataDir();
  const app = await createApp(resolveConfig({ data: dataDir, now: '2026-01-15T09:00:00Z' }, {}));
  try {
    app.settings.set('timezone', 'UTC');
    await app.sample.load(dataDir, '2026-01-15');
  } finally {
    await app.close();
  }
});

// Wide enough for intro list's table to show every cell whole (at 80 columns it cuts the longest).
const tend = (argv: string[], now = '2026-01-15T09:00:00Z') =>
  runCli(['--data', dataDir, '--now', now, ...argv], { COLUMNS: '120' });

describe('tend intros, tend intro and tend ledger, end to end on the sample network', () => {
  it('suggests Sofia ↔ Daniel, and a new pair once needs and offers are set', async () => {
    const first = await tend(['intros', '--json']);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('');
    const suggestions = first.json<SuggestionJson[]>();
    expect(suggestions.map((entry) => `${entry.a.name} ↔ ${entry.b.name}`)).toEqual([
      'Sofia Reyes ↔ Daniel Okafor',
    ]);
    expect(Object.keys(suggestions[0] ?? {})).toEqual(['a', 'b', 'score', 'reasons']);
    expect(Object.keys(suggestions[0]?.a ?? {})).toEqual(['id', 'name']);

    expect(
      (await tend(['set', 'Lukas Meyer', '--needs', 'a data engineering lead for the payments platform']))
        .code,
    ).toBe(0);
    expect((await tend(['set', 'Priya Nair', '--offers', 'data engineering leadership'])).code).toBe(0);
    const after = (await tend(['intros', '--json'])).json<SuggestionJson[]>();
    const lukas = after.find((entry) => entry.a.name === 'Lukas Meyer');
    expect(lukas?.b.name).toBe('Priya Nair');
    expect(lukas?.reasons[0]).toBe(
      'Lukas Meyer is looking for “a data engineering lead for the payments platform”; Priya Nair offers “data engineering leadership” (in common: data, engineering)',
    );
    const text = await tend(['intros', '--limit', '1']);
    expect(text.code).toBe(0);
    expect(text.stdout.trim().split('\n')[0]).toMatch(/^\d+ {2}\S.* ↔ .*\(tend intro start \d+ \d+\)$/);
    expect(text.stdout.match(/tend intro start/g)).toHaveLength(1);
  });

  it('walks the double opt-in with a draft at every step, then shows it in the ledger', async () => {
    const started = await tend([
      'intro',
      'start',
      'Sofia Reyes',
      'Daniel Okafor',
      '--why',
      'her app is slow on old Android phones',
    ]);
    expect(started.code).toBe(0);
    const [headline] = started.stdout.split('\n');
    const id = Number(
      /^Introduction (\d+): Sofia Reyes ↔ Daniel Okafor \(proposed\)\.$/.exec(headline ?? '')?.[1],
    );
    expect(id).toBeGreaterThan(0);
    expect(started.stdout).toContain('Draft (to Sofia Reyes):');
    expect(started.stdout).toContain(
      "  Hi Sofia,\n\n  I'd like to introduce you to Daniel Okafor (React Native Consultant at Okafor Mobile).",
    );
    expect(started.stdout).toContain('Your app is slow on old Android phones.');
    expect(started.stdout).toContain(`tend intro advance ${id} asked-a`);

    const listed = (await tend(['intro', 'list', '--json'])).json<IntroductionJson[]>();
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      id,
      state: 'proposed',
      since: '2026-01-15T09:00:00Z',
      next: ['asked-a'],
      due: null,
      stalled: false,
    });
    expect(listed[0]?.draft?.to).toEqual(['Sofia Reyes']);

    const asked = await tend(['intro', 'advance', String(id), 'asked-a'], '2026-01-16T09:00:00Z');
    expect(asked.code).toBe(0);
    expect(asked.stdout).toContain(`Introduction ${id}: Sofia Reyes ↔ Daniel Okafor is now asked-a.`);
    expect(asked.stdout).toContain(
      `Waiting for an answer (tend reminds you on 2026-01-23); then: tend intro advance ${id} agreed-a | declined-a`,
    );
    const stalled = (await tend(['intro', 'list', '--json'], '2026-01-23T09:00:00Z')).json<
      IntroductionJson[]
    >();
    expect(stalled[0]).toMatchObject({ state: 'asked-a', due: '2026-01-23', stalled: true });
    expect(stalled[0]?.draft?.text).toContain('A gentle nudge');
    const table = await tend(['intro', 'list'], '2026-01-23T09:00:00Z');
    expect(table.stdout).toMatch(
      new RegExp(
        `^${id}\\s+Sofia Reyes ↔ Daniel Okafor\\s+asked-a\\s+2026-01-16\\s+agreed-a \\| declined-a\\s+2026-01-23 STALLED$`,
        'm',
      ),
    );

    const outOfOrder = await tend(['intro', 'advance', String(id), 'agreed-b'], '2026-01-17T09:00:00Z');
    expect(outOfOrder.code).toBe(1);
    expect(outOfOrder.stdout).toBe('');
    expect(outOfOrder.stderr).toBe(
      'tend: "agreed-b" cannot follow "asked-a": the next step is "agreed-a" or "declined-a"\n',
    );

    const agreed = await tend(
      ['intro', 'advance', String(id), 'agreed-a', '--note', 'Yes, gladly'],
      '2026-01-17T09:00:00Z',
    );
    expect(agreed.stdout).toContain('Next draft (to Daniel Okafor):');
    expect(agreed.stdout).toContain(`Then: tend intro advance ${id} asked-b`);
    for (const [step, now] of [
      ['asked-b', '2026-01-18T09:00:00Z'],
      ['agreed-b', '2026-01-19T09:00:00Z'],
    ] as const) {
      expect((await tend(['intro', 'advance', String(id), step], now)).code).toBe(0);
    }
    const introduced = await tend(
      ['--json', 'intro', 'advance', String(id), 'introduced'],
      '2026-01-20T09:00:00Z',
    );
    expect(introduced.code).toBe(0);
    expect(introduced.json<IntroductionJson>()).toMatchObject({
      state: 'introduced',
      next: ['outcome'],
      due: '2026-02-19',
    });
    const introducedText = await tend(['intro', 'list'], '2026-01-20T09:00:00Z');
    expect(introducedText.stdout).toMatch(/introduced\s+2026-01-20\s+outcome\s+2026-02-19$/m);
    const twice = await tend(['intro', 'advance', String(id), 'introduced'], '2026-01-21T09:00:00Z');
    expect(twice.code).toBe(1);

    const ledger = await tend(['ledger', 'Daniel Okafor', '--json'], '2026-01-21T09:00:00Z');
    expect(ledger.code).toBe(0);
    expect(ledger.json()).toMatchObject({
      person: { name: 'Daniel Okafor' },
      given: { help: 0, introductions: 1 },
      received: { help: 0 },
      balance: 1,
      lastAt: '2026-01-20T09:00:00Z',
      entries: [{ kind: 'introduction-made', direction: 'out', at: '2026-01-20T09:00:00Z' }],
    });
    const everyone = (await tend(['ledger', '--json'], '2026-01-21T09:00:00Z')).json<
      Array<{ person: { name: string } }>
    >();
    expect(everyone.map((row) => row.person.name).sort()).toEqual(['Daniel Okafor', 'Sofia Reyes']);
    const ledgerText = await tend(['ledger'], '2026-01-21T09:00:00Z');
    expect(ledgerText.stdout).toMatch(/^Daniel Okafor\s+0\s+1\s+0\s+\+1\s+2026-01-20$/m);

    const outcome = await tend(
      ['intro', 'advance', String(id), 'outcome', '--note', 'They are working together'],
      '2026-02-20T09:00:00Z',
    );
    expect(outcome.stdout.trim()).toBe(`Introduction ${id}: Sofia Reyes ↔ Daniel Okafor is now outcome.`);
    const shown = await tend(['show', 'Sofia Reyes', '--json'], '2026-02-20T09:00:00Z');
    expect(JSON.stringify(shown.json())).toContain(
      `Introduction ${id}: how the introduction of Sofia Reyes and Daniel Okafor went: They are working together`,
    );
  });

  it('answers mistakes with clear errors and the right exit codes', async () => {
    const cases: Array<[string[], number, RegExp]> = [
      [['intro', 'advance', '9999', 'asked-a'], 3, /no introduction with id 9999/],
      [['intro', 'advance', 'abc', 'asked-a'], 1, /"abc" is not an introduction id/],
      [['intro', 'advance', '1', 'waved'], 1, /unknown step "waved": use one of asked-a, agreed-a/],
      [['intro', 'start', 'Nobody Atall', 'Daniel Okafor'], 3, /no person matches "Nobody Atall"/],
      [
        ['intro', 'start', 'Hannah Virtanen', 'Marcus Lund'],
        1,
        /you can't introduce someone you don't know: your tie to Marcus Lund is none \(score \d+\)/,
      ],
      [
        ['intro', 'start', 'Hannah Virtanen', 'hannah virtanen'],
        1,
        /an introduction needs two different people/,
      ],
      [['intro', 'start', 'Hannah Virtanen'], 1, /missing required argument/],
      [['intros', '--limit', '0'], 1, /--limit must be a whole number above 0/],
      [['ledger', 'Nobody Atall'], 3, /no person matches/],
    ];
    for (const [argv, code, message] of cases) {
      const result = await tend(argv);
      expect(result.code, argv.join(' ')).toBe(code);
      expect(result.stdout, argv.join(' ')).toBe('');
      expect(result.stderr, argv.join(' ')).toMatch(message);
    }
  });

  it('has help for every command', async () => {
    for (const argv of [
      ['intros'],
      ['intro'],
      ['intro', 'start'],
      ['intro', 'list'],
      ['intro', 'advance'],
      ['ledger'],
    ]) {
      const result = await runCli([...argv, '--help']);
      expect(result.code, argv.join(' ')).toBe(0);
      expect(result.stdout, argv.join(' ')).toContain(`Usage: tend ${argv.join(' ')}`);
    }
  });
});
