// The interactive-commands benchmark (issues 4, 5 and 13): on the 30k-connection / 1,000,000-message database,
// `today` (the daily plan) answers in under 0.3 s, `people TEXT` (a company shared by a tenth of the network),
// `show`, `health`, `triage`, `path company:X` in under 0.5 s and `intros` in under 2 s,
// wall time including process start, median of N whole-process runs — against floors measured in the same
// run: starting Node itself (`node -e ""`) and starting tend for `--version`.
//
//   node bench/engine.bench.mjs [--size 30k] [--runs 5]
//
// Needs the export of the import benchmark (bench/data/<size>, made by bench/generate-export.mjs) and a
// build (`npm run build`); imports it once into bench/out/engine-<size>/ and reuses that data folder.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { option, root } from './lib/bench-options.mjs';

const size = option('size', '30k');
const runs = Number(option('runs', '5'));
const exportDir = join(root, 'bench', 'data', size);
const dataDir = join(root, 'bench', 'out', `engine-${size}`);
const tend = join(root, 'bin', 'tend');
// The day after the generated export (2026-11-20): the aggregates serve it (an earlier --now recomputes).
const now = '2026-11-21T12:00:00Z';

if (!existsSync(join(root, 'dist', 'bundle', 'main.cjs'))) {
  console.error('bench: dist/bundle/main.cjs is missing; run `npm run build` first');
  process.exit(1);
}
if (!existsSync(exportDir)) {
  console.error(
    `bench: ${exportDir} is missing; make it with: node bench/generate-export.mjs --size ${size}`,
  );
  process.exit(1);
}
const run = (argv, options = {}) =>
  execFileSync(process.execPath, [tend, '--data', dataDir, '--now', now, ...argv], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    ...options,
  });
if (!existsSync(join(dataDir, 'tend.db'))) {
  mkdirSync(dataDir, { recursive: true });
  console.error(`bench: importing ${exportDir} into ${dataDir} (once)…`);
  execFileSync(process.execPath, [tend, '--data', dataDir, 'config', 'timezone', 'UTC'], { stdio: 'ignore' });
  run(['import', exportDir, '--json'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

function time(argv) {
  const samples = [];
  for (let attempt = 0; attempt < runs; attempt++) {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, argv, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (result.status !== 0) throw new Error(`${argv.join(' ')} failed: ${result.stderr}`);
    samples.push(seconds);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], min: samples[0], max: samples.at(-1) };
}

// Targets that exist in any generated export: the busiest tie, and the company with the most people
// among those of ordinary size (a path to a company ends at the people who work there now).
const people = JSON.parse(run(['people', '--json']));
const busiest = [...people].sort((a, b) => (b.strength ?? 0) - (a.strength ?? 0))[0];
const byCompany = new Map();
for (const person of people)
  if (person.company) byCompany.set(person.company, (byCompany.get(person.company) ?? 0) + 1);
const company = [...byCompany].filter(([, n]) => n <= 150).sort((a, b) => b[1] - a[1])[0]?.[0];
// The company most people share (about a tenth of the generated network): the slowest `people TEXT`.
const biggest = [...byCompany].sort((a, b) => b[1] - a[1])[0];
const base = [tend, '--data', dataDir, '--now', now];
const today = JSON.parse(run(['today', '--json']));

const targets = {
  'node -e ""': { argv: ['-e', ''] },
  'tend --version': { argv: [tend, '--version'] },
  'tend today --json': { argv: [...base, 'today', '--json'], target: 0.3 },
  'tend today --all --json': { argv: [...base, 'today', '--all', '--json'] },
  [`tend people "${biggest?.[0]}" --json (${biggest?.[1]} people)`]: {
    argv: [...base, 'people', biggest?.[0] ?? '', '--json'],
    target: 0.5,
  },
  [`tend people "${biggest?.[0]}" (table)`]: { argv: [...base, 'people', biggest?.[0] ?? ''], target: 0.5 },
  [`tend show ${busiest.id} --json`]: { argv: [...base, 'show', String(busiest.id), '--json'], target: 0.5 },
  'tend health --json': { argv: [...base, 'health', '--json'], target: 0.5 },
  'tend triage --json': { argv: [...base, 'triage', '--json'], target: 0.5 },
  [`tend path "company:${company}" --json`]: {
    argv: [...base, 'path', `company:${company}`, '--json'],
    target: 0.5,
  },
  'tend intros --json': { argv: [...base, 'intros', '--json'], target: 2 },
  'tend people --json': { argv: [...base, 'people', '--json'] },
};
const results = {};
for (const [name, { argv }] of Object.entries(targets)) results[name] = time(argv);

// Logging one interaction updates what it touches (one person's aggregates), not the world.
const logged = time([...base, 'log', String(busiest.id), 'note', 'benchmark note', '--json']);

const load = loadavg()
  .map((value) => value.toFixed(2))
  .join(' ');
const lines = [
  `engine benchmark, ${size} (${people.length} people, today: ${today.items.length} items in the plan, ${Object.values(today.more ?? {}).reduce((sum, n) => sum + n, 0)} more), median of ${runs} whole-process runs, ${new Date().toISOString()}, ${cpus().length} cores, node ${process.version}, load ${load}`,
  '',
  '| command | median s | min s | max s | target |',
  '|---|---|---|---|---|',
  ...Object.entries(results).map(
    ([name, r]) =>
      `| \`${name}\` | ${r.median.toFixed(3)} | ${r.min.toFixed(3)} | ${r.max.toFixed(3)} | ${
        targets[name].target
          ? `< ${targets[name].target} s ${r.median < targets[name].target ? 'met' : 'MISSED'}`
          : 'floor / info'
      } |`,
  ),
  `| \`tend log ${busiest.id} note …\` | ${logged.median.toFixed(3)} | ${logged.min.toFixed(3)} | ${logged.max.toFixed(3)} | info |`,
];
console.log(lines.join('\n'));
mkdirSync(join(root, 'bench', 'out'), { recursive: true });
writeFileSync(
  join(root, 'bench', 'out', `engine-${size}.json`),
  JSON.stringify({ size, runs, load, results, logged }, null, 2),
);
const missed = Object.entries(results).filter(
  ([name, r]) => targets[name].target !== undefined && r.median >= targets[name].target,
);
if (missed.length) {
  console.error(`bench: over target: ${missed.map(([name]) => name).join(', ')}`);
  process.exitCode = 1;
}
