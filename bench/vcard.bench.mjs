// The address book benchmark (issue 17): a 5,000-card vCard file imports in under 3 s, wall time of the whole
// `tend import` process (start included), median of N runs, each into a fresh data folder; then the same file
// again (recognised as unchanged) and with one card changed (every card read, one written).
//
//   node bench/vcard.bench.mjs [--cards 5000] [--runs 3] [--seed 7]
//
// Needs a build (`npm run build`). The file is generated into bench/out/ (gitignored): a mix of how clients
// write cards (Apple 3.0 with item groups and photos, Google 3.0, Outlook 2.1 quoted-printable with a
// charset, 4.0), with some people on two cards that share an e-mail or a phone (they become one person).
import { Buffer } from 'node:buffer';
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { option, root } from './lib/bench-options.mjs';
import { createRandom } from './lib/seeded-random.mjs';
import { FIRST_NAMES, LAST_NAMES, TITLES, companyNames } from './lib/export-vocabulary.mjs';

const cards = Number(option('cards', '5000'));
const runs = Number(option('runs', '3'));
const seed = Number(option('seed', '7'));
const tend = join(root, 'bin', 'tend');
const outDir = join(root, 'bench', 'out');

if (!existsSync(join(root, 'dist', 'bundle', 'main.cjs'))) {
  console.error('bench: dist/bundle/main.cjs is missing; run `npm run build` first');
  process.exit(1);
}

// A small JPEG-like photo (header bytes and padding): 3 KB of base64, as a phone's thumbnail.
const PHOTO = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2300, 7)]).toString(
  'base64',
);

function fold(line) {
  const parts = [];
  for (let start = 0; start < line.length; start += 74) parts.push(line.slice(start, start + 74));
  return parts.join('\r\n ');
}

const qp = (text) =>
  [...Buffer.from(text, 'utf8')]
    .map((byte) =>
      byte >= 0x21 && byte <= 0x7e && byte !== 0x3d
        ? String.fromCharCode(byte)
        : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');

function generate(file) {
  const random = createRandom(seed, 'vcards');
  const companies = companyNames(random);
  const lines = [];
  for (let index = 0; index < cards; index++) {
    // One card in ten repeats an earlier person (another client's copy): same e-mail, or same phone.
    const person = index > 10 && random.chance(0.1) ? random.int(0, index - 1) : index;
    const pick = createRandom(seed, `person-${person}`);
    const first = pick.pick(FIRST_NAMES);
    const last = pick.pick(LAST_NAMES);
    const email = `${first}.${last}.${person}@example.com`.toLowerCase().replace(/[^a-z0-9.@]/g, '');
    const phone = `+1 555 ${String(1000000 + person).slice(1, 4)} ${String(1000000 + person).slice(4)}`;
    const company = pick.pick(companies);
    const title = pick.pick(TITLES);
    const style = random.pick(['apple', 'google', 'outlook', 'v4']);
    const card = ['BEGIN:VCARD'];
    if (style === 'outlook') {
      card.push('VERSION:2.1', `N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${qp(last)};${qp(first)};;;`);
      card.push(`FN:${first} ${last}`, `ORG:${company.replace(/;/g, '\\;')}`, `TITLE:${title}`);
      card.push(`TEL;WORK;VOICE:${phone}`, `EMAIL;PREF;INTERNET:${email}`);
      card.push(`NOTE;ENCODING=QUOTED-PRINTABLE:Met at the ${index % 7} conference=0D=0A=`, 'second line');
      card.push(`BDAY:19${String(50 + (person % 50))}0${1 + (person % 9)}1${person % 10}`);
    } else if (style === 'apple') {
      card.push(
        'VERSION:3.0',
        'PRODID:-//Apple Inc.//iPhone OS 26.2//EN',
        `N:${last};${first};;;`,
        `FN:${first} ${last}`,
      );
      card.push(`ORG:${company.replace(/,/g, '\\,')};`, `TITLE:${title}`);
      card.push(`item1.EMAIL;type=INTERNET;type=pref:${email}`, 'item1.X-ABLabel:_$!<Other>!$_');
      card.push(`TEL;type=CELL;type=VOICE;type=pref:${phone}`);
      if (random.chance(0.3))
        card.push(
          `item2.URL:https\\://www.linkedin.com/in/${first}-${last}-${person}`.toLowerCase(),
          'item2.X-ABLabel:LinkedIn',
        );
      card.push(`BDAY;X-APPLE-OMIT-YEAR=1604:1604-0${1 + (person % 9)}-1${person % 10}`);
      if (random.chance(0.2)) card.push(fold(`PHOTO;ENCODING=b;TYPE=JPEG:${PHOTO}`));
    } else if (style === 'google') {
      card.push(
        'VERSION:3.0',
        `FN:${first} ${last}`,
        `N:${last};${first};;;`,
        `EMAIL;TYPE=INTERNET;TYPE=HOME:${email}`,
      );
      card.push(`TEL;TYPE=CELL:${phone}`, `ORG:${company.replace(/,/g, '\\,')}`, `TITLE:${title}`);
      card.push(
        fold(
          `NOTE:Google contact ${index}\\nwith a note that runs long enough to be folded by the writer at seventy-five octets`,
        ),
      );
      card.push(`CATEGORIES:myContacts,${random.pick(['Friends', 'Work', 'Family', 'Climbing'])}`);
    } else {
      card.push('VERSION:4.0', `FN:${first} ${last}`, `N:${last};${first};;;`, `EMAIL;TYPE=work:${email}`);
      card.push(
        `TEL;VALUE=uri;TYPE="work,voice":tel:${phone.replace(/ /g, '-')}`,
        `ORG:${company.replace(/,/g, '\\,')}`,
      );
      card.push(`BDAY:--0${1 + (person % 9)}1${person % 10}`, `UID:urn:uuid:bench-${index}`);
    }
    card.push('END:VCARD');
    lines.push(card.join('\r\n'));
  }
  writeFileSync(file, `${lines.join('\r\n')}\r\n`);
}

function time(argv) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, argv, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`${argv.join(' ')} failed (${result.status}): ${result.stderr}`);
  return { seconds, report: JSON.parse(result.stdout) };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

mkdirSync(outDir, { recursive: true });
const file = join(outDir, `contacts-${cards}.vcf`);
generate(file);
const first = [];
const again = [];
const changed = [];
let report;
for (let attempt = 0; attempt < runs; attempt++) {
  const data = mkdtempSync(join(outDir, 'vcard-'));
  const import_ = () =>
    time([tend, '--data', data, '--now', '2026-12-01T12:00:00Z', '--json', 'import', file]);
  const one = import_();
  report = one.report;
  first.push(one.seconds);
  again.push(import_().seconds);
  appendFileSync(
    file,
    'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Added Later\r\nEMAIL:added.later@example.com\r\nEND:VCARD\r\n',
  );
  changed.push(import_().seconds);
  generate(file);
  rmSync(data, { recursive: true, force: true });
}
const [load1] = loadavg();
const nodeStart = median(
  Array.from({ length: 3 }, () => {
    const started = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '']);
    return Number(process.hrtime.bigint() - started) / 1e9;
  }),
);
console.log(
  JSON.stringify(
    {
      cards,
      bytes: execFileSync('wc', ['-c', file], { encoding: 'utf8' }).trim().split(' ')[0],
      people: report.totals.peopleAdded,
      imported: report.files[0].imported,
      firstImportSeconds: { median: median(first), runs: first },
      unchangedSeconds: median(again),
      oneCardAddedSeconds: median(changed),
      nodeStartSeconds: nodeStart,
      cpus: cpus().length,
      load1: Number(load1.toFixed(2)),
    },
    null,
    2,
  ),
);
