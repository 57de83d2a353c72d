// The server's CPU per request under autocannon (issue 16): on a machine shared with other work, requests/s
// and p95 move with the load, the server's own user+sys time per answered request much less. `tend serve` on
// the engine benchmark's database, 50 connections for N seconds, each request a different person's name (or
// the first 100 of a different company, as the People page asks, or the floor: an API path answering 404);
// the server's CPU read from /proc/PID/stat before and after the load. Run it alternately on two builds.
//
//   node bench/serve-cpu.bench.mjs [--kind names|companies|floor] [--seconds 10] [--data bench/out/engine-30k]
//
// Needs a build (`npm run build`), Linux's /proc, and the data folder `node bench/engine.bench.mjs` makes.
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { option, root } from './lib/bench-options.mjs';
import { benchPeople, startServe } from './lib/serve-session.mjs';

const dataDir = option('data', join(root, 'bench', 'out', 'engine-30k'));
const kind = option('kind', 'names');
const seconds = Number(option('seconds', '10'));
const now = option('now', '2026-11-21T12:00:00Z');

const { get, origin, cookie, stop, server } = await startServe(dataDir, now);
const { everyone } = await benchPeople(get);
const q = (text) => `/api/people?q=${encodeURIComponent(text)}`;
const paths =
  kind === 'names'
    ? [...new Set(everyone.people.map((person) => person.name))].map(q)
    : kind === 'companies'
      ? [...new Set(everyone.people.map((person) => person.company).filter(Boolean))].map(
          (company) => `${q(company)}&limit=100`,
        )
      : ['/api/nothing'];
await get(paths[0]);

/** User + system clock ticks (1/100 s on Linux) of the server process so far. */
const ticks = () => {
  const fields = readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(fields[11]) + Number(fields[12]);
};
const before = ticks();
let next = 0;
const latencies = [];
const instance = autocannon({
  url: origin,
  connections: 50,
  duration: seconds,
  headers: { cookie },
  requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) }],
});
instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
const result = await instance;
const cpuMs = (ticks() - before) * 10;
stop();
latencies.sort((a, b) => a - b);
const at = (share) => latencies[Math.min(latencies.length - 1, Math.floor(share * latencies.length))] ?? NaN;
console.log(
  `${kind} (${paths.length} paths), ${seconds} s, load ${loadavg()[0].toFixed(2)}: ${result.requests.average.toFixed(0)} req/s, median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, ${result.requests.total} requests, server CPU ${cpuMs} ms = ${(cpuMs / result.requests.total).toFixed(3)} ms a request`,
);
