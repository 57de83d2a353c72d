// The web API under load (issue 16): autocannon on loopback, 50 connections for 20 s each (by default), against
// `tend serve` on the engine benchmark's database (30k connections, 1M messages), with a floor in the same run
// (an API path that passes the security middleware and answers 404). The server keeps the plan and searches
// while the data stays as it was (src/http/result-cache.ts), so one repeated query measures mostly the cache;
// the varied runs ask for a different person's name (or company) each request, which the cache seldom has.
// The page asks for a query's first 100 people (`limit=100`), then the rest in pages.
// autocannon shares this machine's cores with the server: requests/s is what both together manage.
//
//   node bench/serve-load.bench.mjs [--data bench/out/engine-30k] [--connections 50] [--seconds 20]
//
// Needs a build (`npm run build`) and the data folder `node bench/engine.bench.mjs` makes (or --data).
import autocannon from 'autocannon';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { option, root } from './lib/bench-options.mjs';
import { benchPeople, startServe } from './lib/serve-session.mjs';

const dataDir = option('data', join(root, 'bench', 'out', 'engine-30k'));
const connections = Number(option('connections', '50'));
const seconds = Number(option('seconds', '20'));
const now = option('now', '2026-11-21T12:00:00Z');

const { get, origin, cookie, stop } = await startServe(dataDir, now);
const { everyone, company, shared, busiest } = await benchPeople(get);
const names = [...new Set(everyone.people.map((person) => person.name))];
const companies = [...new Set(everyone.people.map((person) => person.company).filter(Boolean))];

/** One autocannon run: requests/s, latency median and p95 from every response, errors and non-2xx. */
async function load(paths) {
  let next = 0;
  const latencies = [];
  const instance = autocannon({
    url: origin,
    connections,
    duration: seconds,
    headers: { cookie },
    requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) }],
  });
  instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  const result = await instance;
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return {
    perSecond: result.requests.average,
    median: at(0.5),
    p95: at(0.95),
    requests: result.requests.total,
    bad: result.errors + result.timeouts + result.non2xx,
  };
}

const q = (text) => `/api/people?q=${encodeURIComponent(text)}`;
const runs = {
  'GET /api/nothing (floor: middleware + 404)': { paths: ['/api/nothing'], notFound: true },
  'GET /api/today': { paths: ['/api/today'], p95: 100 },
  [`GET /api/people?q=${company}&limit=100 (the page's first 100 of ${shared})`]: {
    paths: [`${q(company)}&limit=100`],
    p95: 20,
    perSecond: 2000,
  },
  [`GET /api/people?q=${company} (all ${shared} people at once)`]: { paths: [q(company)] },
  'GET /api/people?q=<one name>': { paths: [q(busiest.name)], p95: 20, perSecond: 2000 },
  [`GET /api/people?q=<a different name each request> (${names.length} names)`]: {
    paths: names.map(q),
    p95: 20,
    perSecond: 2000,
  },
  // A different company each request, as the page asks for it (its first 100): not one answer kept.
  [`GET /api/people?q=<a different company each request>&limit=100 (${companies.length} companies)`]: {
    paths: companies.map((name) => `${q(name)}&limit=100`),
    p95: 20,
    perSecond: 2000,
  },
};
const results = {};
for (const [name, run] of Object.entries(runs)) {
  // The first answer is computed before the load starts: the cold figure, said beside the loaded ones.
  const started = process.hrtime.bigint();
  await get(run.paths[0]);
  const cold = Number(process.hrtime.bigint() - started) / 1e6;
  results[name] = { ...(await load(run.paths)), cold };
  if (run.notFound) results[name].bad -= results[name].requests;
}
stop();

const verdict = (run, r) => {
  const said = [];
  if (run.perSecond) said.push(`≥ ${run.perSecond}/s ${r.perSecond >= run.perSecond ? 'met' : 'MISSED'}`);
  if (run.p95) said.push(`p95 ≤ ${run.p95} ms ${r.p95 <= run.p95 ? 'met' : 'MISSED'}`);
  return said.join(', ') || 'floor';
};
const load1 = loadavg()
  .map((value) => value.toFixed(2))
  .join(' ');
console.log(
  [
    `web API under load, ${everyone.total} people, autocannon ${connections} connections × ${seconds} s each, ${new Date().toISOString()}, ${cpus().length} cores, node ${process.version}, load ${load1}`,
    '',
    '| request | requests/s | median ms | p95 ms | first (cold) ms | requests | errors / non-2xx | target |',
    '|---|---|---|---|---|---|---|---|',
    ...Object.entries(results).map(
      ([name, r]) =>
        `| \`${name}\` | ${r.perSecond.toFixed(0)} | ${r.median.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.cold.toFixed(1)} | ${r.requests} | ${r.bad} | ${verdict(runs[name], r)} |`,
    ),
  ].join('\n'),
);
