// The compose benchmark (issue 18): composing for 1,000 recipients on the 30k-connection / 1,000,000-message
// database takes ≤ 2 s — the worksheet (query, guards, template fields) and the finish (personal lines, the
// near-duplicate check over every pair, the drafts written). Floor in the same run: `tend people` listing
// the same 1,000 people in the process (the query alone).
//
//   node bench/compose.bench.mjs [--size 30k] [--runs 3]
//
// Needs a build and bench/out/engine-<size> (node bench/engine.bench.mjs makes it). The data folder's
// outreach-daily-cap is raised for the run and composed messages of earlier runs are not counted (each run
// composes as of a later day).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { option, root } from './lib/bench-options.mjs';

const size = option('size', '30k');
const runs = Number(option('runs', '3'));
const dataDir = join(root, 'bench', 'out', `engine-${size}`);
const load = async (path) => import(pathToFileURL(join(root, 'dist', path)).href);
const { createApp } = await load('app.js');
const { resolveConfig } = await load('config.js');

const app = await createApp(resolveConfig({ data: dataDir, now: '2026-11-21T12:00:00Z' }, {}));
app.settings.set('outreach-daily-cap', '5000');
app.settings.set('linkedin-weekly-invitations', '100000');
app.settings.set('invitation-note-limit', '1000');
const work = mkdtempSync(join(tmpdir(), 'tend-compose-bench-'));
const template = join(work, 'note.txt');
writeFileSync(template, 'Hi {{first-name}}, {{personal}} I am in {{location|town}} next week. Alex');
// The query, of a few, whose segment is nearest 1,000 people.
const candidates = [];
for (const text of [
  'stockholm connected:>2026-01-01',
  'stockholm connected:>2025-06-01',
  'stockholm connected:>2025-01-01',
  'stockholm connected:>2024-01-01',
  'stockholm connected:>2023-01-01',
])
  candidates.push({ text, n: (await app.people.listing(text, Date.parse('2026-11-21T12:00:00Z'))).length });
const query = candidates.sort((a, b) => Math.abs(a.n - 1000) - Math.abs(b.n - 1000))[0].text;
const ms = async (work) => {
  const started = process.hrtime.bigint();
  const result = await work();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, result };
};
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const samples = { floor: [], compose: [], finish: [] };
let recipients = 0;
for (let run = 0; run < runs; run++) {
  // Each run a month later: the 30-day rule leaves no one out because of the run before.
  const now = Date.parse('2026-11-21T12:00:00Z') + run * 40 * 86_400_000;
  const floor = await ms(() => app.people.listing(query, now));
  samples.floor.push(floor.ms);
  const worksheet = join(work, `run-${run}.csv`);
  const composed = await ms(() =>
    app.outreach.compose({
      query,
      templatePath: template,
      reason: 'benchmark',
      channel: 'linkedin',
      worksheetPath: worksheet,
      now,
    }),
  );
  samples.compose.push(composed.ms);
  recipients = composed.result.recipients.length;
  // A line of its own for each: a sentence with the person's id and name in it.
  const rows = readFileSync(worksheet, 'utf8')
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean);
  writeFileSync(
    worksheet,
    rows
      .map((row, index) =>
        index === 0
          ? row
          : `${row}"Remembering our talk number ${index} about ${['pricing', 'hiring', 'onboarding', 'research'][index % 4]} in ${2010 + (index % 15)}, item ${row.split(',')[1]}."`,
      )
      .join('\r\n'),
  );
  const finished = await ms(() =>
    app.outreach.finish({ worksheet, format: 'text', out: join(work, `drafts-${run}`), now }),
  );
  samples.finish.push(finished.ms);
}
await app.close();
rmSync(work, { recursive: true, force: true });
console.log(
  [
    `compose benchmark, ${size}, ${new Date().toISOString()}, ${cpus().length} cores, node ${process.version}, load ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}`,
    `query: ${query} (${recipients} recipients), median of ${runs}`,
    `| step | median ms |`,
    `|---|---|`,
    `| floor: the query alone (tend people) | ${median(samples.floor).toFixed(0)} |`,
    `| compose: worksheet with guards and fields | ${median(samples.compose).toFixed(0)} |`,
    `| finish: lines checked, near-duplicates over every pair, drafts written | ${median(samples.finish).toFixed(0)} |`,
    `| compose + finish | ${(median(samples.compose) + median(samples.finish)).toFixed(0)} (target ≤ 2000) |`,
  ].join('\n'),
);
