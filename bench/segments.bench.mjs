// The segment query benchmark (issue 18): on the 30k-connection / 1,000,000-message database, a segment query
// with free text answers in ≤ 50 ms inside the process (median) and ≤ 0.5 s through the CLI including start-up.
// Floors measured in the same run, interleaved with the queries: inside the process, what `tend people TEXT`
// did before segments (a substring scan of the search column, then the listing's order) for the company most
// people share (about a tenth of the network); through the CLI, `tend --version`. Most of a query's time is
// making the rows it returns: compare queries with the floor that returns about as many.
//
//   node bench/segments.bench.mjs [--size 30k] [--runs 15] [--cli-runs 5]
//
// Needs a build (`npm run build`) and the engine benchmark's data folder bench/out/engine-<size> (made by
// `node bench/engine.bench.mjs`, which imports bench/data/<size> from bench/generate-export.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { option, root } from './lib/bench-options.mjs';

const size = option('size', '30k');
const runs = Number(option('runs', '15'));
const cliRuns = Number(option('cli-runs', '5'));
const dataDir = join(root, 'bench', 'out', `engine-${size}`);
const tend = join(root, 'bin', 'tend');
const nowText = '2026-11-21T12:00:00Z';
const now = Date.parse(nowText);

if (!existsSync(join(dataDir, 'tend.db'))) {
  console.error(`bench: ${dataDir} is missing; run node bench/engine.bench.mjs --size ${size} once first`);
  process.exit(1);
}
const load = async (path) => import(pathToFileURL(join(root, 'dist', path)).href);
const { createApp } = await load('app.js');
const { resolveConfig } = await load('config.js');
const { createPersonRepository } = await load('store/person.repository.js');

const app = await createApp(resolveConfig({ data: dataDir, now: nowText }, {}));
const median = (samples) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)];
const ms = async (work) => {
  const started = process.hrtime.bigint();
  const result = await work();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, result };
};

// The import builds the search documents (its `search index` step): the first search has nothing left to build
// unless the data folder was imported by an older tend (then it builds them, once).
const first = await ms(() => app.people.listing('stockholm', now));
const byCompany = new Map();
for (const person of await app.people.listing(null, now))
  if (person.company) byCompany.set(person.company, (byCompany.get(person.company) ?? 0) + 1);
const biggest = [...byCompany].sort((a, b) => b[1] - a[1])[0][0];

const queries = {
  [`${biggest} (plain words, now also over notes and messages)`]: biggest,
  'stockholm (free text: 18% of the network wrote it)': 'stockholm',
  '"onboarding review" (phrase)': '"onboarding review"',
  'company:acme stockholm -tag:x': 'company:acme stockholm -tag:x',
  '(london OR lisbon) -circle:none': '(london OR lisbon) -circle:none',
  'stockholm strength:>=40 (engine)': 'stockholm strength:>=40',
};
const oldScan = createPersonRepository(app.store);
// What `tend people TEXT` did before segments: the scan, then the listing's order.
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const byName = (people) => people.sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id);
const floorName = `floor: ${biggest} as before segments (search column scan)`;
const samples = { [floorName]: [] };
for (const name of Object.keys(queries)) samples[name] = [];
const counts = {};
for (let run = 0; run < runs; run++) {
  const floor = await ms(async () => byName(await oldScan.listing(biggest)));
  samples[floorName].push(floor.ms);
  counts[floorName] = floor.result.length;
  for (const [name, query] of Object.entries(queries)) {
    const { ms: took, result } = await ms(() => app.people.listing(query, now));
    samples[name].push(took);
    counts[name] = result.length;
  }
}
await app.close();

const cli = (argv) => {
  const times = [];
  for (let run = 0; run < cliRuns; run++) {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, argv, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (result.status !== 0) throw new Error(`${argv.join(' ')}: ${result.stderr}`);
    times.push(Number(process.hrtime.bigint() - started) / 1e9);
  }
  return median(times);
};
const base = [tend, '--data', dataDir, '--now', nowText];
const cliResults = {
  'tend --version (floor)': cli([tend, '--version']),
  [`tend people "${biggest}" --json`]: cli([...base, 'people', biggest, '--json']),
  'tend people "onboarding review" --json': cli([...base, 'people', '"onboarding review"', '--json']),
  'tend people company:acme stockholm --json': cli([...base, 'people', 'company:acme stockholm', '--json']),
  'tend people stockholm --json': cli([...base, 'people', 'stockholm', '--json']),
};

const lines = [
  `segment benchmark, ${size}, ${new Date().toISOString()}, ${cpus().length} cores, node ${process.version}, load ${loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')}`,
  `first search after the import (documents built): ${(first.ms / 1000).toFixed(1)} s`,
  '',
  `| in the process (median of ${runs}, interleaved) | people | median ms | target |`,
  '|---|---|---|---|',
  ...Object.entries(samples).map(
    ([name, values]) =>
      `| ${name} | ${counts[name] ?? ''} | ${median(values).toFixed(1)} | ${name.startsWith('floor') ? 'floor' : median(values) <= 50 ? '≤ 50 met' : '≤ 50 MISSED'} |`,
  ),
  '',
  `| through the CLI (median of ${cliRuns} whole-process runs) | median s |`,
  '|---|---|',
  ...Object.entries(cliResults).map(([name, seconds]) => `| \`${name}\` | ${seconds.toFixed(3)} |`),
];
console.log(lines.join('\n'));
