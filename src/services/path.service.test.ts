import { cpSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { resolveConfig } from '../config.js';
import { runCli, tempDataDir } from '../../test/support/cli-harness.js';

/**
 * Warm paths and `tend knows` end to end: the sample network (sample/, imported through the real LinkedIn
 * import with its overlay) on a real SQLite store, driven through the CLI in-process.
 */
const NOW = '2026-01-15T09:00:00Z';

interface PathJson {
  hops: Array<{ id: number; name: string; edge: { strength: number; evidence: string } }>;
  strength: number;
  verdict: string;
  warnings: string[];
}

let template = '';

/** A fresh copy of the imported sample, so tests that write do not see each other. */
function sampleCopy(): string {
  const dataDir = tempDataDir();
  cpSync(template, dataDir, { recursive: true });
  return dataDir;
}

beforeAll(async () => {
  template = tempDataDir();
  const app = await createApp(resolveConfig({ data: template, now: NOW }, {}));
  try {
    app.settings.set('timezone', 'UTC');
    await app.sample.load(template, '2026-01-15');
  } finally {
    await app.close();
  }
});

// Wide enough that no line of path's output wraps: these tests read whole lines (wrapping: src/cli/output-fits.test.ts).
const tend = (dataDir: string, ...args: string[]) =>
  runCli(['--data', dataDir, '--now', NOW, ...args], { COLUMNS: '200' });
const route = (path: PathJson) => path.hops.map((hop) => hop.name).join(' > ');

describe('tend path', () => {
  it('prints the contract shape: hops without me, the end person last, strengths to 3 decimals', async () => {
    const result = await tend(sampleCopy(), 'path', 'Tomasz Nowak', '--json');
    expect(result.code).toBe(0);
    const paths = result.json<PathJson[]>();
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      expect(Object.keys(path).sort()).toEqual(['hops', 'strength', 'verdict', 'warnings']);
      expect(['warm', 'lukewarm', 'cold']).toContain(path.verdict);
      expect(path.hops.at(-1)?.name).toBe('Tomasz Nowak');
      expect(path.hops.length).toBeLessThanOrEqual(3);
      expect(Math.round(path.strength * 1000) / 1000).toBe(path.strength);
      for (const hop of path.hops) {
        expect(Object.keys(hop).sort()).toEqual(['edge', 'id', 'name']);
        expect(Object.keys(hop.edge).sort()).toEqual(['evidence', 'strength']);
        expect(Math.round(hop.edge.strength * 1000) / 1000).toBe(hop.edge.strength);
        expect(hop.edge.evidence).toMatch(/\d/);
      }
    }
    const strengths = paths.map((path) => path.strength);
    expect(strengths).toEqual([...strengths].sort((a, b) => b - a));
    const viaPriya = paths.find((path) => route(path) === 'Priya Nair > Tomasz Nowak');
    expect(viaPriya?.hops[0]?.edge.evidence).toMatch(
      /^your tie: (strong|medium) \(\d+\) — 2 two-way exchanges/,
    );
    expect(viaPriya?.hops[1]?.edge).toEqual({
      strength: 0.7,
      evidence:
        "you recorded that they know each other (0.7): They work together on Solvik Energy's dashboard study",
    });
    expect(viaPriya?.warnings).toEqual([]);
  });

  it('uses a shared group thread as evidence, and says to ask how well they know each other', async () => {
    const result = await tend(sampleCopy(), 'path', 'Fatima Rahimi', '--json');
    const paths = result.json<PathJson[]>();
    const viaBjorn = paths.find((path) => route(path) === 'Björn Åkesson > Fatima Rahimi');
    expect(viaBjorn?.hops[1]?.edge).toEqual({
      strength: 0.3,
      evidence: 'shared a group thread of 4 people (last message 2026-01-07)',
    });
    expect(viaBjorn?.warnings).toEqual([
      'ask Björn Åkesson how well they know Fatima Rahimi: tend only saw them in the same group thread',
    ]);
  });

  it('prints one line per path with its evidence and warnings below', async () => {
    const result = await tend(sampleCopy(), 'path', 'Gustav Almqvist');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Paths to Gustav Almqvist \(Stora Mobility\)$/m);
    expect(result.stdout).toMatch(/^warm\s+0\.\d\d {2}you → Ahmed Karimi → Gustav Almqvist$/m);
    expect(result.stdout).toMatch(
      /^ {4}Ahmed Karimi → Gustav Almqvist \(0\.50\): you recorded that they know each other \(0\.5\): Former Kelda Analytics colleagues$/m,
    );
    expect(result.stdout).toMatch(
      /^ {4}! revive your tie with Gustav Almqvist first \(dormant, \d+: 4 two-way exchanges/m,
    );
  });

  it('finds paths to the people who work at a company now, matched loosely, top 3 each', async () => {
    const dataDir = sampleCopy();
    const result = await tend(dataDir, 'path', 'company:BRIGHTLOOP, Inc.', '--json');
    expect(result.code).toBe(0);
    const paths = result.json<PathJson[]>();
    const brightloop = ['Felix Hartmann', 'Johanna Wikström', 'Nora Haddad'];
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) expect(brightloop).toContain(path.hops.at(-1)?.name);
    for (const name of brightloop)
      expect(paths.filter((path) => path.hops.at(-1)?.name === name).length).toBeLessThanOrEqual(3);
    expect(paths.map(route)).toContain('Jonas Berg > Felix Hartmann');

    const nobody = await tend(dataDir, 'path', 'company:Globex');
    expect(nobody.code).toBe(0);
    expect(nobody.stdout).toContain('Nobody in tend works at "Globex" now');
    expect((await tend(dataDir, 'path', 'company:Globex', '--json')).json()).toEqual([]);
  });

  it('finds a company from the start of its name, accents aside, and lists the companies when several match', async () => {
    const dataDir = sampleCopy();
    const bright = await tend(dataDir, 'path', 'company:bright');
    expect(bright.code).toBe(0);
    expect(bright.stdout).toContain('Paths to Brightloop: 3 people work there now');
    expect(bright.stdout).toContain('No company is called exactly "bright"; using Brightloop.');
    expect(bright.stdout).toContain('you → Jonas Berg → Felix Hartmann');

    const accents = await tend(dataDir, 'path', 'company:LYRA SANT');
    expect(accents.stdout).toContain('Paths to Lyra Santé: 1 person works there now');

    const several = await tend(dataDir, 'path', 'company:ki');
    expect(several.stdout).toContain('Paths to 2 companies matching "ki": 2 people work there now');
    expect(several.stdout).toContain(
      'No company is called exactly "ki"; 2 match, all used: Kindred Care, Kinnekulle Labs.',
    );
    const paths = (await tend(dataDir, 'path', 'company:ki', '--json')).json<PathJson[]>();
    expect(new Set(paths.map((path) => path.hops.at(-1)?.name))).toEqual(
      new Set(['Sofia Reyes', 'Fatima Rahimi']),
    );
  });

  it('orders paths by verdict (warm, lukewarm, cold), then score, and counts the paths below 0.05 without showing them', async () => {
    const dataDir = sampleCopy();
    // Felix: through Jonas warm (0.66 × 0.6), directly lukewarm (0.36 once the new tie counts in his
    // structural component), through Priya warm (0.63 × 0.5 = 0.315): weaker than the direct tie, yet warm.
    expect((await tend(dataDir, 'knows', 'Priya Nair', 'Felix Hartmann', '--strength', '0.5')).code).toBe(0);
    const felix = (await tend(dataDir, 'path', 'Felix Hartmann', '--json')).json<PathJson[]>();
    expect(felix.map((path) => [route(path), path.verdict, path.strength])).toEqual([
      ['Jonas Berg > Felix Hartmann', 'warm', 0.396],
      ['Priya Nair > Felix Hartmann', 'warm', 0.315],
      ['Felix Hartmann', 'lukewarm', 0.36],
    ]);

    // Élodie: through Diego, 0.24 × 0.1 = 0.024, and directly (the recorded tie gives her a structural score of
    // a few points, no exchange): too faint to show, counted.
    expect(
      (await tend(dataDir, 'knows', 'Diego Fernández', 'Élodie Marchand', '--strength', '0.1')).code,
    ).toBe(0);
    expect((await tend(dataDir, 'path', 'Élodie Marchand', '--json')).json()).toEqual([]);
    const faint = await tend(dataDir, 'path', 'Élodie Marchand');
    expect(faint.code).toBe(0);
    expect(faint.stdout).toContain(
      '2 paths score below 0.05: too faint to ask for an introduction, not shown.',
    );
    expect(faint.stdout).not.toContain('Diego');
    expect(faint.stdout).not.toContain('none of your people is known to know them');
  });

  it('never goes through archived or do-not-contact people', async () => {
    const dataDir = sampleCopy();
    const before = (await tend(dataDir, 'path', 'Felix Hartmann', '--json')).json<PathJson[]>().map(route);
    expect(before).toContain('Jonas Berg > Felix Hartmann');
    expect((await tend(dataDir, 'set', 'Jonas Berg', '--do-not-contact')).code).toBe(0);
    const after = (await tend(dataDir, 'path', 'Felix Hartmann', '--json')).json<PathJson[]>().map(route);
    expect(after.some((path) => path.includes('Jonas Berg'))).toBe(false);

    expect(
      (await tend(dataDir, 'path', 'Gustav Almqvist', '--json')).json<PathJson[]>().map(route),
    ).toContain('Ahmed Karimi > Gustav Almqvist');
    expect((await tend(dataDir, 'prune', '--apply', 'Ahmed Karimi', '--force')).code).toBe(0);
    const archived = (await tend(dataDir, 'path', 'Gustav Almqvist', '--json')).json<PathJson[]>().map(route);
    expect(archived.some((path) => path.includes('Ahmed Karimi'))).toBe(false);
  });

  it('answers a profile URL nobody knows with [] and how to add what you know; a REF matching nobody exits 3', async () => {
    const dataDir = sampleCopy();
    const url = 'https://www.linkedin.com/in/tim-roe-3c8d51fa';
    const json = await tend(dataDir, 'path', url, '--json');
    expect(json.code).toBe(0);
    expect(json.json()).toEqual([]);
    const human = await tend(dataDir, 'path', url);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain(`tend knows A ${url}`);

    const quiet = await tend(dataDir, 'path', 'Wei Zhang');
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toContain('never had a two-way exchange');

    const missing = await tend(dataDir, 'path', 'Nobody Atall');
    expect(missing.code).toBe(3);
    expect(missing.stdout).toBe('');
    expect((await tend(dataDir, 'path', 'Tomasz Nowak', '--limit', '0')).code).toBe(1);
  });
});

describe('tend knows', () => {
  it('adds a person from a profile URL, records the tie, finds the path through it, updates and removes it', async () => {
    const dataDir = sampleCopy();
    const url = 'https://www.linkedin.com/in/tim-roe-3c8d51fa';
    const recorded = await tend(
      dataDir,
      'knows',
      'Hannah Virtanen',
      url,
      '--how',
      'met at a pricing workshop',
      '--json',
    );
    expect(recorded.code).toBe(0);
    const tie = recorded.json<{ a: { name: string }; b: { id: number; name: string }; strength: number }>();
    expect(tie).toMatchObject({
      a: { name: 'Hannah Virtanen' },
      b: { name: 'Tim Roe' },
      source: 'knows',
      strength: 0.5,
      how: 'met at a pricing workshop',
      personCreated: true,
    });

    const paths = (await tend(dataDir, 'path', url, '--json')).json<PathJson[]>();
    expect(paths.map(route)).toEqual(['Hannah Virtanen > Tim Roe']);
    expect(paths[0]?.hops[1]?.edge).toEqual({
      strength: 0.5,
      evidence: 'you recorded that they know each other (0.5): met at a pricing workshop',
    });
    expect(paths[0]?.warnings).toEqual([]);

    // Re-running updates; what is not given is kept. The same URL finds the same person.
    const stronger = await tend(dataDir, 'knows', url, 'Hannah Virtanen', '--strength', '0.8', '--json');
    expect(stronger.json()).toMatchObject({
      strength: 0.8,
      how: 'met at a pricing workshop',
      personCreated: false,
    });
    const again = await tend(dataDir, 'knows', 'Hannah Virtanen', String(tie.b.id), '--json');
    expect(again.json()).toMatchObject({ strength: 0.8, how: 'met at a pricing workshop' });
    expect((await tend(dataDir, 'people', 'Tim Roe', '--json')).json<unknown[]>()).toHaveLength(1);

    const removed = await tend(dataDir, 'knows', '--remove', 'Hannah Virtanen', url);
    expect(removed.code).toBe(0);
    expect((await tend(dataDir, 'path', url, '--json')).json()).toEqual([]);
    expect((await tend(dataDir, 'knows', '--remove', 'Hannah Virtanen', url)).code).toBe(3);
  });

  it('lists whom a person is recorded to know, from either side, as the API does', async () => {
    const dataDir = sampleCopy();
    expect(
      (await tend(dataDir, 'knows', 'Hannah Virtanen', 'Lukas Meyer', '--how', 'same meetup')).code,
    ).toBe(0);
    expect((await tend(dataDir, 'knows', 'Priya Nair', 'Hannah Virtanen', '--strength', '0.9')).code).toBe(0);
    const listed = await tend(dataDir, 'knows', 'Hannah Virtanen', '--json');
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.json()).toMatchObject({
      person: { name: 'Hannah Virtanen' },
      ties: [
        { person: { name: 'Lukas Meyer' }, strength: 0.5, how: 'same meetup' },
        { person: { name: 'Priya Nair' }, strength: 0.9, how: null },
      ],
    });
    const table = await tend(dataDir, 'knows', 'Lukas Meyer');
    expect(table.stdout.split('\n')[0]).toBe('Who knows Lukas Meyer (recorded by you):');
    expect(table.stdout).toMatch(/Hannah Virtanen .* 0\.5 +same meetup\n/);
    expect((await tend(dataDir, 'knows', 'Lukas Meyer', '--how', 'x')).code).toBe(1);
    const none = await tend(dataDir, 'knows', 'Rasmus Holm');
    expect(none.stdout).toBe(
      'No one recorded as knowing Rasmus Holm: tend knows "Rasmus Holm" B records one.\n',
    );
  });

  it('names the person from --name, and refuses bad strengths and the same person twice', async () => {
    const dataDir = sampleCopy();
    const named = await tend(
      dataDir,
      'knows',
      'Lukas Meyer',
      'https://www.linkedin.com/in/x8f3k2',
      '--name',
      'Ines Duarte',
      '--json',
    );
    expect(named.json()).toMatchObject({ b: { name: 'Ines Duarte' }, personCreated: true });
    for (const strength of ['1.5', '-0.1', 'abc', '']) {
      const bad = await tend(dataDir, 'knows', 'Lukas Meyer', 'Hannah Virtanen', '--strength', strength);
      expect(bad.code, strength).toBe(1);
      expect(bad.stderr).toContain('--strength');
    }
    expect((await tend(dataDir, 'knows', 'Lukas Meyer', 'Lukas Meyer')).code).toBe(1);
    expect((await tend(dataDir, 'knows', 'Lukas Meyer', 'Nobody Atall')).code).toBe(3);
  });

  it('refreshes both people’s strength: the tie counts in the structural component at once', async () => {
    const dataDir = sampleCopy();
    const now = Date.parse(NOW);
    const structural = async () => {
      const app = await createApp(resolveConfig({ data: dataDir, now: NOW }, {}));
      try {
        const hannah = await app.people.resolveRef('Hannah Virtanen');
        const reason = (await app.relationships.strengths(now, [hannah.id]))
          .get(hannah.id)
          ?.reasons.find((entry) => entry.component === 'structural');
        // Zero is said in words ("none of your people seen with them").
        const count = /^(\d+|none) of your people/.exec(reason?.text ?? '')?.[1];
        return count === 'none' ? 0 : Number(count ?? NaN);
      } finally {
        await app.close();
      }
    };
    const before = await structural();
    expect((await tend(dataDir, 'knows', 'Hannah Virtanen', 'Lukas Meyer')).code).toBe(0);
    expect(await structural()).toBe(before + 1);
    expect((await tend(dataDir, 'knows', '--remove', 'Hannah Virtanen', 'Lukas Meyer')).code).toBe(0);
    expect(await structural()).toBe(before);
  });
});
