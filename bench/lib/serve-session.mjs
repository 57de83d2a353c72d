/* global fetch */
// `tend serve` on a data folder for the web benchmarks: started on a free loopback port, signed in through
// its one-time login link; `get` sends the session cookie as the page does.
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './bench-options.mjs';

// TEND_BENCH_NODE_ARGS: node options for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
export async function startServe(dataDir, now) {
  if (!existsSync(join(dataDir, 'tend.db'))) {
    console.error(
      `bench: ${dataDir} has no database; make it with node bench/engine.bench.mjs (or give --data)`,
    );
    process.exit(1);
  }
  const server = spawn(
    process.execPath,
    [
      ...(process.env.TEND_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean),
      join(root, 'bin', 'tend'),
      '--data',
      dataDir,
      '--now',
      now,
      'serve',
      '--port',
      '0',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const loginUrl = await new Promise((resolve, reject) => {
    let text = '';
    server.stdout.setEncoding('utf8').on('data', (chunk) => {
      text += chunk;
      const match = /tend serve: (http:\/\/\S+)/.exec(text);
      if (match) resolve(match[1]);
    });
    server.on('close', (code) => reject(new Error(`tend serve ended (${code})`)));
  });
  const origin = new URL(loginUrl).origin;
  const login = await fetch(loginUrl, { redirect: 'manual' });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const get = async (path) => {
    const response = await fetch(`${origin}${path}`, { headers: { cookie } });
    const body = await response.arrayBuffer();
    return { status: response.status, bytes: body.byteLength, body };
  };
  return { server, origin, cookie, get, stop: () => server.kill('SIGINT') };
}

/** Everyone (`GET /api/people`), the company most share and the busiest tie: what the benchmarks ask for. */
export async function benchPeople(get) {
  const everyone = JSON.parse(Buffer.from((await get('/api/people')).body).toString('utf8'));
  const byCompany = new Map();
  for (const person of everyone.people)
    if (person.company) byCompany.set(person.company, (byCompany.get(person.company) ?? 0) + 1);
  const [company, shared] = [...byCompany].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  const busiest = [...everyone.people].sort((a, b) => (b.strength ?? 0) - (a.strength ?? 0))[0];
  return { everyone, company, shared, busiest };
}
