// The export benchmark (issue 17): the JSON export of the 30k/1M database in ≤ 30 s and its restore into an
// empty data folder in ≤ 60 s, wall time of the whole `tend` process, with CPU seconds and peak RSS (the
// machine is shared: CPU seconds compare across loads).
//
//   node bench/export.bench.mjs [--size 30k] [--keep]
//
// Needs a build (`npm run build`) and the generated export (`node bench/generate-export.mjs --size 30k`, into
// bench/data/30k). The database is made once by importing that export into bench/out/export-<size>/source
// (kept with --keep for the next run); the export file and the restored folder are made fresh each run. The
// restore is checked: `tend health --json` gives the same connections and depth in both folders.
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { option, root } from './lib/bench-options.mjs';
import { measure } from './lib/measure-process.mjs';

const size = option('size', '30k');
const keep = process.argv.includes('--keep');
const tend = join(root, 'bin', 'tend');
const outDir = join(root, 'bench', 'out', `export-${size}`);
const exportDir = join(root, 'bench', 'data', size);
const NOW = '2026-11-20';
const TARGETS = { exportSeconds: 30, restoreSeconds: 60 };

if (!existsSync(join(root, 'dist', 'bundle', 'main.cjs'))) {
  console.error('bench: dist/bundle/main.cjs is missing; run `npm run build` first');
  process.exit(1);
}
if (!existsSync(exportDir)) {
  console.error(`bench: ${exportDir} is missing; run node bench/generate-export.mjs --size ${size}`);
  process.exit(1);
}

mkdirSync(outDir, { recursive: true });
const source = join(outDir, 'source');
const restored = join(outDir, 'restored');
const file = join(outDir, 'export.json');
const run = (data, ...args) =>
  measure([tend, '--data', data, '--now', NOW, ...args], outDir, { label: 'export' });
const seconds = (value) => `${value.toFixed(1)} s`;
const describe = (step) =>
  `${seconds(step.seconds)} wall, ${seconds(step.cpuSeconds)} CPU, peak RSS ${Math.round(step.rssKb / 1024)} MB`;

console.log(
  `machine: ${cpus().length} cores, load ${loadavg()
    .map((load) => load.toFixed(1))
    .join(' ')}`,
);
if (!keep || !existsSync(join(source, 'tend.db'))) {
  rmSync(source, { recursive: true, force: true });
  console.log(`import ${exportDir} (setup): ${describe(run(source, 'import', exportDir))}`);
}

rmSync(file, { force: true });
const exported = run(source, '--json', 'export', '--format', 'json', '-o', file);
const rows = JSON.parse(exported.stdout).rows;
console.log(
  `export --format json: ${describe(exported)}; ${rows.toLocaleString('en')} rows, ${Math.round(statSync(file).size / 1024 / 1024)} MB (target ≤ ${TARGETS.exportSeconds} s)`,
);

rmSync(restored, { recursive: true, force: true });
const restore = run(restored, 'import', file);
console.log(
  `import (restore) into an empty folder: ${describe(restore)} (target ≤ ${TARGETS.restoreSeconds} s)`,
);

const health = (data) => {
  const { connections, conversed, depth } = JSON.parse(run(data, '--json', 'health').stdout);
  return { connections, conversed, depth };
};
const [before, after] = [health(source), health(restored)];
console.log(`health before ${JSON.stringify(before)}, after ${JSON.stringify(after)}`);
if (JSON.stringify(before) !== JSON.stringify(after)) {
  console.error('bench: the restored folder answers differently');
  process.exit(1);
}
console.log(
  `load after: ${loadavg()
    .map((load) => load.toFixed(1))
    .join(' ')}`,
);
if (!keep) rmSync(outDir, { recursive: true, force: true });
