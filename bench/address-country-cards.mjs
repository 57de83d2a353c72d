// Cards with postal address countries and national phones (docs/PERFORMANCE.md#address-countries): what the
// address-country reading of phones costs an import. Writes bench/out/address-countries/cards.vcf (5,000
// cards, seven in eight with an ADR country in English, a local language or an ISO code) and prints the
// commands that time `tend import` of it, CPU seconds, for this build and another (A/B, alternated).
//
//   node bench/address-country-cards.mjs [--cards 5000] [--other CHECKOUT]   (CHECKOUT: another built checkout)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { option, root } from './lib/bench-options.mjs';

const cards = Number(option('cards', '5000'));
const other = option('other', 'OTHER-CHECKOUT');
const COUNTRIES = ['Sweden', 'Deutschland', 'SE', 'France', 'United Kingdom', 'Norge', '', 'Nigeria'];
const pad = (value, width) => String(value).padStart(width, '0');
const lines = [];
for (let i = 0; i < cards; i++) {
  const country = COUNTRIES[i % COUNTRIES.length];
  lines.push(
    'BEGIN:VCARD',
    'VERSION:3.0',
    `N:Person${i};Given${i};;;`,
    `FN:Given${i} Person${i}`,
    `EMAIL:p${i}@example.com`,
    `TEL;TYPE=CELL:070-${pad(i % 1000, 3)} ${pad(i % 100, 2)} ${pad(i % 97, 2)}`,
    `TEL;TYPE=WORK:+46 8 ${100000 + i}`,
    ...(country ? [`ADR;TYPE=HOME:;;Street ${i};City;;${10000 + i};${country}`] : []),
    'END:VCARD',
  );
}
const folder = join(root, 'bench', 'out', 'address-countries');
mkdirSync(folder, { recursive: true });
writeFileSync(join(folder, 'cards.vcf'), `${lines.join('\r\n')}\r\n`);
console.log(`wrote ${cards} cards to ${folder}/cards.vcf; time each build's import, alternated:`);
for (const [name, base] of [
  ['this', root],
  ['other', other],
])
  console.log(
    `  rm -rf /tmp/ac-${name} && /usr/bin/time -f '%U %S %M' ${base}/bin/tend --data /tmp/ac-${name} --now 2026-01-15T09:00:00Z import ${folder}`,
  );
