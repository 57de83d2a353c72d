// The warm-path benchmark (issue 5, item 4: a person target answers in well under 50 ms at the median).
// Builds a seeded synthetic network in memory — ~30,000 people, 1,000,000 evidence edges between them and
// my ties with a realistic strength distribution — then times the compiled search (dist/, so run
// `npm run build` first) for 100 random person targets and a few company targets of ~100 people each.
// With a benchmark database at bench/out/engine-30k (bench/engine.bench.mjs), it also times the whole
// command `tend path company:X --json` as a user runs it.
//
//   node bench/path.bench.mjs [--people 30000] [--edges 1000000] [--targets 100] [--seed 7] [--data DIR]
//
// --data points the end-to-end part at another imported data folder (default bench/out/engine-30k).
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mulberry32 } from './lib/seeded-random.mjs';
import { option, root } from './lib/bench-options.mjs';

const numberOption = (name, fallback) => Number(option(name, fallback));
const PEOPLE = numberOption('people', 30_000);
const EDGES = numberOption('edges', 1_000_000);
const TARGETS = numberOption('targets', 100);
const SEED = numberOption('seed', 7);
const COMPANY_TARGETS = 5;
const COMPANY_SIZE = 100;

const domain = join(root, 'dist', 'domain');
if (!existsSync(join(domain, 'warm-paths.js'))) {
  console.error('bench: dist/domain/warm-paths.js is missing; run `npm run build` first');
  process.exit(1);
}
const paths = await import(pathToFileURL(join(domain, 'warm-paths.js')).href);
const evidence = await import(pathToFileURL(join(domain, 'path-evidence.js')).href);
const graphs = await import(pathToFileURL(join(domain, 'path-graph.js')).href);
const companies = await import(pathToFileURL(join(domain, 'organization-name.js')).href);

const next = mulberry32(SEED);
const pick = (values) => values[Math.floor(next() * values.length)];

// People: ids 1..N. COMPANY_TARGETS × COMPANY_SIZE people picked at random work at the five target
// companies (written in varied ways, as exports do); the others at a long tail of employers.
const FORMS = ['', ' Inc.', ', Inc', ' GmbH', ' AB', ' S.A.', ' Ltd'];
const companyOf = [];
for (let id = 1; id <= PEOPLE; id++)
  companyOf[id] = `Employer ${Math.floor(next() ** 2 * 3000)}${pick(FORMS)}`;
for (let c = 1; c <= COMPANY_TARGETS; c++) {
  for (let placed = 0; placed < COMPANY_SIZE;) {
    const id = 1 + Math.floor(next() * PEOPLE);
    if (companyOf[id].startsWith('Target')) continue;
    companyOf[id] = `Target Company ${c}${pick(FORMS)}`;
    placed++;
  }
}
const people = [];
for (let id = 1; id <= PEOPLE; id++)
  people.push({ id, name: `Person ${String(id).padStart(5, '0')}`, canIntroduce: next() > 0.03 });

// My ties: most connections were never a conversation (no edge), a long tail of weak ties, a few strong.
const myTies = [];
for (let id = 1; id <= PEOPLE; id++) {
  const roll = next();
  let score;
  let band;
  if (roll < 0.55) continue;
  else if (roll < 0.8) [score, band] = [1 + Math.floor(next() * 20), 'none'];
  else if (roll < 0.9) [score, band] = [10 + Math.floor(next() * 40), 'dormant'];
  else if (roll < 0.97) [score, band] = [15 + Math.floor(next() * 25), 'weak'];
  else if (roll < 0.995) [score, band] = [40 + Math.floor(next() * 20), 'medium'];
  else [score, band] = [60 + Math.floor(next() * 35), 'strong'];
  myTies.push({ personId: id, evidence: evidence.myTieEvidence({ score, band, detail: 'synthetic' }) });
}

// Evidence edges: endpoints skewed towards a few well-connected people (u² puts a third of all
// endpoints on the first ~10% of ids), the rest uniform. Evidence objects are shared from a small pool:
// their text is not what the search costs.
const pool = {
  thread: evidence.threadEvidence({ threads: 2, largest: 6, lastAt: Date.UTC(2025, 2, 2) }, 'UTC'),
  meeting: evidence.meetingEvidence({ meetings: 1, lastAt: Date.UTC(2025, 5, 1) }, 'UTC'),
  colleague: evidence.colleagueEvidence('Employer', '2019–2021'),
  knows: [0.3, 0.5, 0.6, 0.7, 0.9].map((strength) => evidence.knowsEvidence(strength, 'synthetic')),
};
const endpoint = () =>
  next() < 0.35 ? 1 + Math.floor(next() ** 2 * PEOPLE) : 1 + Math.floor(next() * PEOPLE);
const pairs = new Array(EDGES);
for (let k = 0; k < EDGES; k++) {
  const roll = next();
  const evidence =
    roll < 0.7 ? pool.thread : roll < 0.85 ? pool.meeting : roll < 0.9 ? pool.colleague : pick(pool.knows);
  pairs[k] = { a: endpoint(), b: endpoint(), evidence };
}

const time = (work) => {
  const started = process.hrtime.bigint();
  const result = work();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, result };
};
const summary = (samples) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  const round = (value) => Math.round(value * 100) / 100;
  return { runs: sorted.length, median: round(at(0.5)), p95: round(at(0.95)), max: round(sorted.at(-1)) };
};

const build = time(() => graphs.buildPathGraph({ people, myTies, pairs }));
const graph = build.result;

// Warm-up outside the measurement (JIT), then the person targets.
for (let i = 0; i < 20; i++) paths.findWarmPaths(graph, [1 + Math.floor(next() * PEOPLE)]);
const personSamples = [];
let personPaths = 0;
for (let i = 0; i < TARGETS; i++) {
  const target = 1 + Math.floor(next() * PEOPLE);
  const run = time(() => paths.findWarmPaths(graph, [target]));
  personSamples.push(run.ms);
  personPaths += run.result.length;
}

// Company targets: loose matching over everyone's company, then the search from ~100 end people.
const companySamples = [];
const matchSamples = [];
let companyPaths = 0;
for (let c = 1; c <= COMPANY_TARGETS; c++) {
  const matching = time(() => {
    const matches = companies.companyMatcher(`target company ${c}`);
    const ends = [];
    for (let id = 1; id <= PEOPLE; id++) if (matches(companyOf[id]) === 'exact') ends.push(id);
    return ends;
  });
  if (matching.result.length !== COMPANY_SIZE)
    throw new Error(`company ${c}: ${matching.result.length} people`);
  const search = time(() => paths.findWarmPaths(graph, matching.result));
  matchSamples.push(matching.ms);
  companySamples.push(matching.ms + search.ms);
  companyPaths += search.result.length;
}

// The whole command on the benchmark database, when there is one.
const dataDir = option('data', join(root, 'bench', 'out', 'engine-30k'));
let endToEnd;
if (existsSync(join(dataDir, 'tend.db'))) {
  const tend = join(root, 'bin', 'tend');
  const everyone = JSON.parse(
    execFileSync(process.execPath, [tend, '--data', dataDir, 'people', '--json'], {
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
    }),
  );
  // A clock just after the newest event: an earlier --now makes the engine recompute everything as of then
  // (docs/rules/identity-and-imports.md#now), which is not what a user's everyday `tend path` costs.
  const newest = Math.max(...everyone.map((person) => Date.parse(person.lastInteractionAt ?? '') || 0));
  const now = new Date(newest + 86_400_000).toISOString();
  const counts = new Map();
  for (const person of everyone)
    if (person.company) counts.set(person.company, (counts.get(person.company) ?? 0) + 1);
  const bySize = [...counts].sort((a, b) => b[1] - a[1]);
  const typical = [...bySize].sort(
    (a, b) => Math.abs(a[1] - COMPANY_SIZE) - Math.abs(b[1] - COMPANY_SIZE),
  )[0];
  const timeCommand = (argv) => {
    const samples = [];
    for (let run = 0; run < 3; run++) {
      const started = process.hrtime.bigint();
      const result = spawnSync(process.execPath, [tend, ...argv], {
        encoding: 'utf8',
        maxBuffer: 512 * 1024 * 1024,
      });
      if (result.status !== 0) throw new Error(`tend ${argv.join(' ')} failed: ${result.stderr}`);
      samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    return summary(samples);
  };
  const path = (target) => timeCommand(['--data', dataDir, '--now', now, 'path', target, '--json']);
  const company = ([name, size]) => ({
    command: `tend path "company:${name}" --json`,
    endPeople: size,
    ...path(`company:${name}`),
  });
  // The strongest tie of all as a person target: the busiest neighbourhood a person query meets.
  const busiest = [...everyone].sort((a, b) => (b.strength ?? 0) - (a.strength ?? 0))[0];
  endToEnd = {
    now,
    floor: { command: 'tend --version', ...timeCommand(['--version']) },
    typicalCompany: company(typical),
    largestCompany: company(bySize[0]),
    person: { command: `tend path ${busiest?.id} --json`, ...path(String(busiest?.id)) },
  };
} else {
  console.error(
    `bench: ${dataDir}/tend.db is missing (make it with bench/engine.bench.mjs); end-to-end skipped`,
  );
}

const result = {
  at: new Date().toISOString(),
  machine: { cores: cpus().length, node: process.version },
  network: { people: PEOPLE, edges: EDGES, myTies: myTies.length, seed: SEED },
  buildMs: Math.round(build.ms),
  personTarget: { ...summary(personSamples), pathsPerTarget: personPaths / TARGETS, targetMedianMs: 50 },
  companyTarget: {
    endPeople: COMPANY_SIZE,
    ...summary(companySamples),
    matchingMedian: summary(matchSamples).median,
    pathsPerTarget: companyPaths / COMPANY_TARGETS,
  },
  ...(endToEnd ? { endToEnd } : { endToEnd: `skipped: no ${dataDir}/tend.db` }),
};
mkdirSync(join(root, 'bench', 'out'), { recursive: true });
writeFileSync(join(root, 'bench', 'out', 'path.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(
  [
    `warm paths, ${PEOPLE} people, ${EDGES} evidence edges, ${myTies.length} ties of mine (seed ${SEED}), ${cpus().length} cores, node ${process.version}`,
    `graph built once in ${result.buildMs} ms`,
    `person target (${TARGETS}):  median ${result.personTarget.median} ms, p95 ${result.personTarget.p95} ms, max ${result.personTarget.max} ms (target: median < 50 ms)`,
    `company target (${COMPANY_TARGETS} × ${COMPANY_SIZE} people, with matching): median ${result.companyTarget.median} ms (matching ${result.companyTarget.matchingMedian} ms), p95 ${result.companyTarget.p95} ms`,
    ...(endToEnd
      ? [
          `end to end (whole processes, median of 3, --now ${endToEnd.now}):`,
          ...[endToEnd.floor, endToEnd.typicalCompany, endToEnd.largestCompany, endToEnd.person].map(
            (entry) =>
              `  ${entry.command}${entry.endPeople ? ` (${entry.endPeople} people)` : ''}: ${entry.median} ms`,
          ),
        ]
      : [`end to end: skipped (no ${dataDir}/tend.db)`]),
    'written to bench/out/path.json',
  ].join('\n'),
);
