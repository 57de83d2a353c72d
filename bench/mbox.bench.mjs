// The mailbox benchmark (issue 17): a generated Gmail Takeout mbox of 200,000 messages and about 1 GB
// imports with a peak RSS of at most 300 MB and at least 50 MB/s, compared with a floor measured in the same
// run: a plain read of the same file in 1 MiB chunks counting its From_ lines (what any mbox reader must do).
// The machine is shared and loaded, so the ratio to that floor is the figure to compare across runs.
//
//   node bench/mbox.bench.mjs [--messages 200000] [--runs 1] [--seed 7] [--keep]
//
// Needs a build (`npm run build`). The file goes to bench/out/ (gitignored; --keep leaves it for the next
// run). Messages: one owner, 3,000 correspondents (threads answered or not, some groups), one in five from a
// mailing list or a robot; bodies of 2–8 KB, some base64, CRLF in one message in ten, as Takeout writes.
import { Buffer } from 'node:buffer';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { option, root } from './lib/bench-options.mjs';
import { measure as measureProcess } from './lib/measure-process.mjs';
import { createRandom } from './lib/seeded-random.mjs';
import { FIRST_NAMES, LAST_NAMES } from './lib/export-vocabulary.mjs';

const messages = Number(option('messages', '200000'));
const runs = Number(option('runs', '1'));
const seed = Number(option('seed', '7'));
const keep = process.argv.includes('--keep');
const tend = join(root, 'bin', 'tend');
const outDir = join(root, 'bench', 'out');
const TARGETS = { mbPerSecond: 50, rssMb: 300 };

if (!existsSync(join(root, 'dist', 'bundle', 'main.cjs'))) {
  console.error('bench: dist/bundle/main.cjs is missing; run `npm run build` first');
  process.exit(1);
}

const WORDS =
  'the a to of and in we our for is on that this with project meeting next week thanks update plan draft notes call team review budget numbers launch idea quick question follow up coffee lunch'.split(
    ' ',
  );
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function generate(file) {
  const random = createRandom(seed, 'mbox');
  const people = Array.from({ length: 3000 }, (_, index) => {
    const pick = createRandom(seed, `correspondent-${index}`);
    const first = pick.pick(FIRST_NAMES);
    const last = pick.pick(LAST_NAMES);
    return {
      name: `${first} ${last}`,
      address: `${first}.${last}.${index}@example.com`.toLowerCase().replace(/[^a-z0-9.@]/g, ''),
    };
  });
  const fd = openSync(file, 'w');
  let buffered = [];
  let bufferedBytes = 0;
  const write = (text) => {
    buffered.push(text);
    bufferedBytes += text.length;
    if (bufferedBytes > 8 * 1024 * 1024) {
      writeSync(fd, buffered.join(''));
      buffered = [];
      bufferedBytes = 0;
    }
  };
  let at = Date.UTC(2019, 0, 1);
  const step = (Date.UTC(2026, 10, 30) - at) / messages;
  let thread = 0;
  for (let index = 0; index < messages; index++) {
    at += step;
    const date = new Date(at);
    const stamp = `${DAYS[date.getUTCDay()]}, ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ${date.toISOString().slice(11, 19)} +0000`;
    const fromLine = `From ${1_600_000_000_000_000_000n + BigInt(index)}@xxx ${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${String(date.getUTCDate()).padStart(2, '0')} ${date.toISOString().slice(11, 19)} +0000 ${date.getUTCFullYear()}`;
    const kind = random.next();
    const person = people[random.int(0, people.length - 1)];
    const headers = [fromLine];
    if (random.chance(0.5) || index === 0) thread = index;
    headers.push(`X-GM-THRID: ${1_700_000_000_000_000_000n + BigInt(thread)}`);
    if (kind < 0.2) {
      headers.push(
        'X-Gmail-Labels: Inbox,Category Promotions',
        `From: Deals <deals@shop${index % 40}.example>`,
        'To: me@example.com',
      );
      headers.push(random.chance(0.5) ? `List-Id: <weekly.shop${index % 40}.example>` : 'Precedence: bulk');
    } else if (kind < 0.6) {
      headers.push(
        'X-Gmail-Labels: Sent',
        'From: Me <me@example.com>',
        `To: "${person.name}" <${person.address}>`,
      );
      if (random.chance(0.1)) headers.push(`Cc: ${people[random.int(0, people.length - 1)].address}`);
    } else {
      headers.push(
        'X-Gmail-Labels: Inbox,Opened',
        `From: "${person.name}" <${person.address}>`,
        'To: me@example.com',
      );
    }
    headers.push(
      `Subject: ${random.pick(['Re: ', '', 'Fwd: '])}${random.pick(WORDS)} ${random.pick(WORDS)} ${random.pick(WORDS)}`,
      `Date: ${stamp}`,
      `Message-ID: <bench-${index}@example.com>`,
      'MIME-Version: 1.0',
    );
    const size = random.int(2000, 8000);
    const words = [];
    for (let length = 0; length < size;) {
      const word = random.pick(WORDS);
      words.push(word);
      length += word.length + 1;
    }
    let body = words.join(' ').replace(/(.{1,72})( |$)/g, '$1\n');
    if (random.chance(0.1)) {
      headers.push('Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: base64');
      body = Buffer.from(body)
        .toString('base64')
        .replace(/(.{76})/g, '$1\n');
    } else headers.push('Content-Type: text/plain; charset=UTF-8');
    const eol = random.chance(0.1) ? '\r\n' : '\n';
    write(`${headers.join(eol)}${eol}${eol}${body.split('\n').join(eol)}${eol}`);
  }
  writeSync(fd, buffered.join(''));
  closeSync(fd);
}

/** Runs a command under /usr/bin/time (bench/lib/measure-process.mjs); an import may exit 2 for a file. */
const measure = (argv) => measureProcess(argv, outDir, { label: 'mbox', okStatuses: [0, 2] });

// The floor: read the file in 1 MiB chunks and count the From_ lines, in a Node process like tend's.
const FLOOR = `
const { openSync, readSync } = require('node:fs');
const fd = openSync(process.argv[1], 'r');
const buffer = Buffer.allocUnsafe(1 << 20);
let count = 0, bytes;
while ((bytes = readSync(fd, buffer, 0, buffer.length, null)) > 0)
  for (let i = buffer.indexOf('\\nFrom ', 0); i >= 0 && i < bytes; i = buffer.indexOf('\\nFrom ', i + 1)) count++;
console.log(count);
`;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

mkdirSync(outDir, { recursive: true });
const file = join(outDir, `takeout-${messages}.mbox`);
if (!keep || !existsSync(file)) generate(file);
const megabytes = statSync(file).size / 1e6;
const samples = [];
let report;
for (let attempt = 0; attempt < runs; attempt++) {
  const floor = measure(['-e', FLOOR, file]);
  const data = mkdtempSync(join(outDir, 'mbox-'));
  const run = measure([
    tend,
    '--data',
    data,
    '--now',
    '2026-12-01T12:00:00Z',
    '--json',
    'import',
    '--create-people',
    file,
  ]);
  report = JSON.parse(run.stdout);
  rmSync(data, { recursive: true, force: true });
  samples.push({ floor, run });
}
if (!keep) rmSync(file, { force: true });
const seconds = median(samples.map((sample) => sample.run.seconds));
const floorSeconds = median(samples.map((sample) => sample.floor.seconds));
const peakRssMb = Math.max(...samples.map((sample) => sample.run.rssKb)) / 1024;
const [load1] = loadavg();
console.log(
  JSON.stringify(
    {
      messages,
      megabytes: Number(megabytes.toFixed(0)),
      imported: report.files[0].imported,
      skipped: report.files[0].skipped,
      importSeconds: { median: seconds, runs: samples.map((sample) => sample.run.seconds) },
      importCpuSeconds: median(samples.map((sample) => sample.run.cpuSeconds)),
      mbPerSecond: Number((megabytes / seconds).toFixed(1)),
      floorSeconds,
      floorMbPerSecond: Number((megabytes / floorSeconds).toFixed(1)),
      ratioToFloor: Number((seconds / floorSeconds).toFixed(2)),
      peakRssMb: Number(peakRssMb.toFixed(0)),
      targets: TARGETS,
      met: { mbPerSecond: megabytes / seconds >= TARGETS.mbPerSecond, peakRssMb: peakRssMb <= TARGETS.rssMb },
      cpus: cpus().length,
      load1: Number(load1.toFixed(2)),
    },
    null,
    2,
  ),
);
