// The engine benchmark (issue: agenda, show, health under 0.5 s on the 30k/1M database).
// Times whole CLI processes, as a user runs them, median of N runs, against a floor measured in the same run:
// starting Node itself (`node -e ""`) and starting tend for `--version`.
//
//   node bench/engine.bench.mjs [--size 30k] [--runs 5]
//
// Needs the export of the import benchmark (bench/data/<size>, made by bench/generate-export.mjs); imports
// it once into bench/out/engine-<size>/ and reuses that data folder afterwards.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus } from 'node:os';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? fallback : args[index + 1];
};
const size = option('size', '30k');
const runs = Number(option('runs', '5'));
const exportDir = join(root, 'bench', 'data', size);
const dataDir = join(root, 'bench', 'out', `engine-${size}`);
const tend = join(root, 'bin', 'tend');
const now = '2026-11-01T12:00:00Z';

if (!existsSync(exportDir)) {
  console.error(
    `bench: ${exportDir} is missing; make it with: node bench/generate-export.mjs --size ${size} --out ${exportDir}`,
  );
  process.exit(1);
}
if (!existsSync(join(dataDir, 'tend.db'))) {
  mkdirSync(dataDir, { recursive: true });
  console.error(`bench: importing ${exportDir} into ${dataDir} (once)…`);
  execFileSync(process.execPath, [tend, '--data', dataDir, 'config', 'timezone', 'UTC'], {
    stdio: 'inherit',
  });
  execFileSync(process.execPath, [tend, '--data', dataDir, '--now', now, 'import', exportDir, '--json'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

function time(argv) {
  const samples = [];
  for (let run = 0; run < runs; run++) {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, argv, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (result.status !== 0) throw new Error(`${argv.join(' ')} failed: ${result.stderr}`);
    samples.push(seconds);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], min: samples[0], max: samples.at(-1) };
}

const people = JSON.parse(
  execFileSync(process.execPath, [tend, '--data', dataDir, '--now', now, 'people', '--json'], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  }),
);
const busiest = [...people].sort((a, b) => (b.strength ?? 0) - (a.strength ?? 0))[0];
const base = [tend, '--data', dataDir, '--now', now];
const results = {
  'node -e ""': time(['-e', '']),
  'tend --version': time([tend, '--version']),
  'tend today --json': time([...base, 'today', '--json']),
  [`tend show ${busiest.id} --json`]: time([...base, 'show', String(busiest.id), '--json']),
  'tend health --json': time([...base, 'health', '--json']),
  'tend people --json': time([...base, 'people', '--json']),
};

const lines = [
  `engine benchmark, ${size} (${people.length} people), median of ${runs} whole-process runs, ${new Date().toISOString()}, ${cpus().length} cores, node ${process.version}`,
  '',
  '| command | median s | min s | max s |',
  '|---|---|---|---|',
  ...Object.entries(results).map(
    ([name, r]) => `| \`${name}\` | ${r.median.toFixed(3)} | ${r.min.toFixed(3)} | ${r.max.toFixed(3)} |`,
  ),
];
console.log(lines.join('\n'));
mkdirSync(join(root, 'bench', 'out'), { recursive: true });
writeFileSync(
  join(root, 'bench', 'out', `engine-${size}.json`),
  JSON.stringify({ size, runs, results }, null, 2),
);
const target = 0.5;
const missed = ['tend today --json', `tend show ${busiest.id} --json`, 'tend health --json'].filter(
  (name) => results[name].median >= target,
);
if (missed.length) {
  console.error(`bench: over ${target} s: ${missed.join(', ')}`);
  process.exitCode = 1;
}
