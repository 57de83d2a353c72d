// The web benchmark (issue 16): `tend serve` on the engine benchmark's database (30k connections, 1M messages),
// requests one after another on loopback, median and p95 of N each after a warm-up, against a floor measured
// in the same run (an API path that only passes the security middleware and answers 404). With Chromium
// (/usr/bin/chromium): Today's first card and People's first row after navigation, and People's first row
// and all its rows on a server just started (nothing computed or kept), and the gzipped JS the page loads. Not autocannon: sequential requests on this loaded 2-core machine say what one user waits.
//
//   node bench/serve.bench.mjs [--data bench/out/engine-30k] [--runs 30]
//
// Needs a build (`npm run build`) and the data folder `node bench/engine.bench.mjs` makes (or --data).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { option, root } from './lib/bench-options.mjs';
import { benchPeople, startServe } from './lib/serve-session.mjs';

const dataDir = option('data', join(root, 'bench', 'out', 'engine-30k'));
const runs = Number(option('runs', '30'));
const now = option('now', '2026-11-21T12:00:00Z');

const { get, origin, cookie, stop } = await startServe(dataDir, now);

async function time(path) {
  await get(path);
  const samples = [];
  let bytes = 0;
  for (let attempt = 0; attempt < runs; attempt++) {
    const started = process.hrtime.bigint();
    const answer = await get(path);
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    bytes = answer.bytes;
  }
  samples.sort((a, b) => a - b);
  const at = (q) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  return { median: at(0.5), p95: at(0.95), bytes };
}

const { everyone, company, shared, busiest } = await benchPeople(get);

const targets = {
  'GET /api/nothing (floor: middleware + 404)': { path: '/api/nothing' },
  'GET /api/today': { path: '/api/today', p95: 100 },
  [`GET /api/people?q=${company} (${shared} people)`]: {
    path: `/api/people?q=${encodeURIComponent(company)}`,
    p95: 20,
  },
  'GET /api/people?q=<a name> (1 person)': {
    path: `/api/people?q=${encodeURIComponent(busiest.name)}`,
    p95: 20,
  },
  [`GET /api/people (all ${everyone.total})`]: { path: '/api/people' },
  [`GET /api/people/${busiest.id}`]: { path: `/api/people/${busiest.id}` },
  'GET /api/health': { path: '/api/health' },
};
const results = {};
for (const [name, { path }] of Object.entries(targets)) results[name] = await time(path);

const assets = join(root, 'dist', 'web', 'assets');
const gzippedJs = readdirSync(assets)
  .filter((name) => name.endsWith('.js'))
  .reduce((sum, name) => sum + gzipSync(readFileSync(join(assets, name))).length, 0);

let page = null;
if (existsSync('/usr/bin/chromium')) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext();
  await context.addCookies([
    { name: cookie.split('=')[0], value: cookie.split('=').slice(1).join('='), url: origin },
  ]);
  const tab = await context.newPage();
  const until = async (path, selector) => {
    const started = Date.now();
    await tab.goto(`${origin}${path}`);
    await tab.waitForSelector(selector, { timeout: 60_000 });
    return Date.now() - started;
  };
  await until('/', 'li.card');
  page = {
    today: await until('/', 'li.card'),
    people: await until('/people', '.scroller [role=row]'),
  };
  // Scrolled to the end: the last of the rows is reachable.
  await tab.evaluate("document.querySelector('.scroller').scrollTop = 1e9");
  await tab.waitForSelector(`.scroller [role=row][aria-rowindex="${everyone.total + 1}"]`, {
    timeout: 30_000,
  });
  page.scrolledToLast = true;
  stop();
  // A server just started, nothing computed or kept yet: People opened first.
  const fresh = await startServe(dataDir, now);
  const coldContext = await browser.newContext();
  await coldContext.addCookies([
    {
      name: fresh.cookie.split('=')[0],
      value: fresh.cookie.split('=').slice(1).join('='),
      url: fresh.origin,
    },
  ]);
  const coldTab = await coldContext.newPage();
  const started = Date.now();
  await coldTab.goto(`${fresh.origin}/people`);
  await coldTab.waitForSelector('.scroller [role=row]', { timeout: 60_000 });
  page.coldPeople = Date.now() - started;
  await coldTab.waitForSelector('.table[aria-busy=false]', { timeout: 120_000 });
  page.coldAll = Date.now() - started;
  fresh.stop();
  await browser.close();
} else stop();

const load = loadavg()
  .map((value) => value.toFixed(2))
  .join(' ');
console.log(
  [
    `web benchmark, ${everyone.total} people, ${runs} sequential requests each after one warm-up, ${new Date().toISOString()}, ${cpus().length} cores, node ${process.version}, load ${load}`,
    '',
    '| request | median ms | p95 ms | bytes | target |',
    '|---|---|---|---|---|',
    ...Object.entries(results).map(
      ([name, r]) =>
        `| \`${name}\` | ${r.median.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.bytes} | ${
          targets[name].p95
            ? `p95 ≤ ${targets[name].p95} ms ${r.p95 <= targets[name].p95 ? 'met' : 'MISSED'}`
            : 'floor / info'
        } |`,
    ),
    '',
    `JS the page loads: ${(gzippedJs / 1024).toFixed(1)} KB gzipped (target ≤ 300 KB)`,
    page
      ? `Chromium: Today's first card ${page.today} ms, People's first row ${page.people} ms after navigation (targets 1000 / 1500 ms); scrolled to row ${everyone.total}: ${page.scrolledToLast ? 'yes' : 'no'}; on a server just started: People's first row ${page.coldPeople} ms, all ${everyone.total} rows in ${page.coldAll} ms`
      : 'Chromium: not installed, page timings skipped',
  ].join('\n'),
);
