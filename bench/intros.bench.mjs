// The introductions benchmark (issue 5: `tend intros` under 2 s on the 30k/1M database).
//
//   node bench/intros.bench.mjs [--runs 5] [--people 30000] [--seed 7] [--data DIR]
//
// 1. Times whole `tend intros --json` processes (median of N) on bench/out/engine-30k, the data folder that
//    bench/engine.bench.mjs makes (or --data DIR), and on a copy of it with needs and offers on ~20% of
//    people (DIR-intros, made once); skipped with a message when it does not exist.
// 2. Times the pure matching (dist/domain/introduction-matching.js, so run `npm run build` first) on a
//    seeded synthetic network: needs, offers and goals on ~20% of people, bands as in a real 30k network,
//    and once more with everyone strong or medium (the worst case: every person is a candidate).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FIRST_NAMES, LAST_NAMES, SKILLS, TITLES, companyNames } from './lib/export-vocabulary.mjs';
import { createRandom } from './lib/seeded-random.mjs';
import { option, root } from './lib/bench-options.mjs';

const runs = Number(option('runs', '5'));
const size = Number(option('people', '30000'));
const seed = Number(option('seed', '7'));
const target = 2;

function summarize(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted.at(-1) };
}

const results = {};

// 1. The command, as a user runs it: on the benchmark database as it is (an export has no needs or offers,
//    so this is the cost around the matching), and on a copy where ~20% of people have needs, offers and
//    goals (made once, next to it, and reused).
const NEED_NOUNS = [
  'expert',
  'consultant',
  'contractor',
  'mentor',
  'advisor',
  'lead',
  'partner',
  'freelancer',
];
const OFFER_NOUNS = [
  'consulting',
  'coaching',
  'reviews',
  'workshops',
  'mentoring',
  'audits',
  'introductions',
];

function describedPerson(random, companies) {
  const skill = () => random.pick(SKILLS);
  const offers = random.chance(0.7) ? [`${skill()} ${random.pick(OFFER_NOUNS)}`] : [];
  if (offers.length > 0 && random.chance(0.3)) offers.push(`${skill()} ${random.pick(OFFER_NOUNS)}`);
  return {
    needs: random.chance(0.6) ? [`a ${skill()} ${random.pick(NEED_NOUNS)}`] : [],
    offers,
    goals: random.chance(0.4)
      ? [random.chance(0.5) ? `become a ${random.pick(TITLES)}` : `work at ${random.pick(companies)}`]
      : [],
  };
}

async function seededCopy(source, target) {
  if (existsSync(join(target, 'tend.db'))) return;
  console.error(
    `bench: copying ${source} to ${target} and giving ~20% of people needs, offers and goals (once)…`,
  );
  mkdirSync(target, { recursive: true });
  const original = new Database(join(source, 'tend.db'), { readonly: true });
  await original.backup(join(target, 'tend.db'));
  original.close();
  if (existsSync(join(source, 'settings.json')))
    copyFileSync(join(source, 'settings.json'), join(target, 'settings.json'));
  const db = new Database(join(target, 'tend.db'));
  const random = createRandom(seed, 'intros-needs');
  const companies = db.prepare('select distinct company from people where company is not null').pluck().all();
  const update = db.prepare('update people set needs = ?, offers = ?, goals = ? where id = ?');
  db.transaction(() => {
    for (const id of db.prepare('select id from people order by id').pluck().all()) {
      if (!random.chance(0.2)) continue;
      const person = describedPerson(random, companies);
      update.run(
        JSON.stringify(person.needs),
        JSON.stringify(person.offers),
        JSON.stringify(person.goals),
        id,
      );
    }
  })();
  db.close();
}

function timeIntros(dir) {
  const argv = [
    join(root, 'bin', 'tend'),
    '--data',
    dir,
    '--now',
    '2026-11-21T12:00:00Z',
    'intros',
    '--json',
  ];
  const samples = [];
  let count = 0;
  for (let run = 0; run < runs; run++) {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, argv, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    samples.push(Number(process.hrtime.bigint() - started) / 1e9);
    if (result.status !== 0) throw new Error(`tend intros failed: ${result.stderr}`);
    count = JSON.parse(result.stdout).length;
  }
  return { ...summarize(samples), suggestions: count };
}

const dataDir = option('data', join(root, 'bench', 'out', 'engine-30k'));
const seededDir = `${dataDir}-intros`;
const commands = [];
if (existsSync(join(dataDir, 'tend.db'))) {
  await seededCopy(dataDir, seededDir);
  commands.push(
    ['tend intros --json, as imported', dataDir],
    ['tend intros --json, 20% with needs/offers', seededDir],
  );
  results['node -e ""'] = summarize(
    Array.from({ length: runs }, () => {
      const started = process.hrtime.bigint();
      spawnSync(process.execPath, ['-e', '']);
      return Number(process.hrtime.bigint() - started) / 1e9;
    }),
  );
  for (const [label, dir] of commands) results[label] = timeIntros(dir);
} else {
  console.error(
    `bench: ${dataDir} does not exist, skipping the tend intros timing; make it with: node bench/engine.bench.mjs --size 30k`,
  );
}

// 2. The pure matching on a synthetic network.
const moduleFile = join(root, 'dist', 'domain', 'introduction-matching.js');
if (!existsSync(moduleFile)) {
  console.error(`bench: ${moduleFile} is missing; run npm run build first`);
  process.exit(1);
}
const { suggestIntroductions } = await import(pathToFileURL(moduleFile).href);

function makeNetwork(everyoneWellKnown) {
  const random = createRandom(seed, 'intros-network');
  const companies = companyNames(random);
  const people = [];
  for (let id = 1; id <= size; id++) {
    const band = everyoneWellKnown
      ? random.pick(['strong', 'medium'])
      : random.weighted([
          ['strong', 4],
          ['medium', 8],
          ['weak', 18],
          ['dormant', 20],
          ['none', 50],
        ]);
    const score = { strong: 60, medium: 40, weak: 10, dormant: 10, none: 0 }[band] + random.int(0, 19);
    const described = random.chance(0.2) ? describedPerson(random, companies) : null;
    people.push({
      id,
      name: `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`,
      company: random.chance(0.9) ? random.pick(companies) : null,
      position: random.chance(0.95) ? random.pick(TITLES) : null,
      headline: null,
      needs: described?.needs ?? [],
      offers: described?.offers ?? [],
      goals: described?.goals ?? [],
      tie: { score, band },
      doNotContact: random.chance(0.01),
      archived: random.chance(0.02),
    });
  }
  // Group threads and recorded ties on a few, so the exclusions do some work.
  const groupThreads = new Map();
  for (let thread = 0; thread < size / 50; thread++)
    for (let member = 0; member < 4; member++) {
      const id = random.int(1, size);
      groupThreads.set(id, [...(groupThreads.get(id) ?? []), `t${thread}`]);
    }
  const knownTies = Array.from({ length: size / 30 }, () => [random.int(1, size), random.int(1, size)]);
  return { people, links: { groupThreads, knownTies, introductions: [] } };
}

for (const [label, everyone] of [
  ['pure matching, realistic bands', false],
  ['pure matching, everyone strong or medium', true],
]) {
  const { people, links } = makeNetwork(everyone);
  const eligible = people.filter(
    (p) => (p.tie.band === 'strong' || p.tie.band === 'medium') && !p.archived && !p.doNotContact,
  ).length;
  const samples = [];
  let count = 0;
  for (let run = 0; run < runs; run++) {
    const started = process.hrtime.bigint();
    count = suggestIntroductions(people, links).length;
    samples.push(Number(process.hrtime.bigint() - started) / 1e9);
  }
  results[`${label} (${size} people, ${eligible} well known)`] = {
    ...summarize(samples),
    suggestions: count,
  };
}

const lines = [
  `introductions benchmark, median of ${runs} runs, ${new Date().toISOString()}, ${cpus().length} cores, node ${process.version}`,
  '',
  '| what | median s | min s | max s | suggestions (the command prints at most 20) |',
  '|---|---|---|---|---|',
  ...Object.entries(results).map(
    ([name, r]) =>
      `| ${name} | ${r.median.toFixed(3)} | ${r.min.toFixed(3)} | ${r.max.toFixed(3)} | ${r.suggestions ?? ''} |`,
  ),
];
console.log(lines.join('\n'));
mkdirSync(join(root, 'bench', 'out'), { recursive: true });
writeFileSync(
  join(root, 'bench', 'out', 'intros.json'),
  JSON.stringify({ runs, size, seed, results }, null, 2),
);
const missed = commands.map(([label]) => label).filter((label) => results[label].median >= target);
if (missed.length > 0) {
  console.error(`bench: over the ${target} s target: ${missed.join(', ')}`);
  process.exitCode = 1;
}
