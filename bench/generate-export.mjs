// The deterministic generator of large LinkedIn exports (Basic export, 2023–2025 era) for the benchmarks.
// Same size and seed → byte-identical files; files are streamed to disk in chunks.
//
//   node bench/generate-export.mjs --size 1k|10k|30k [--messages long|short] [--out DIR] [--seed N]
//
// Default DIR is bench/data/<size> (git-ignored), bench/data/<size>-short with `--messages short`: the same
// people, threads and times, but every personal message a chat line of ~60 bytes instead of a letter of 5–80
// words (the per-row cost of an import dominates there). Sizes: 1k = 1,000 connections / 30,000 messages /
// 200 invitations; 10k = 10,000 / 300,000 / 1,500; 30k = 30,000 / 1,000,000 / 5,000. The formats follow
// docs/rules/linkedin-export.md: exact headers, the Connections.csv preamble, `DD Mon YYYY`,
// `YYYY-MM-DD HH:MM:SS UTC`, `"M/D/YY, h:mm AM"`, LF, UTF-8 without BOM, no final newline on Connections.csv.
// The owner is Alex Owner, https://www.linkedin.com/in/alex-owner; the export is dated 2026-11-20.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCsvFile } from './lib/csv-file-writer.mjs';
import { EXPORT_DATE } from './lib/export-dates.mjs';
import { writeMessagesFile } from './lib/export-messages.mjs';
import {
  writeEndorsementsFile,
  writeInvitationsFile,
  writeRecommendationsFile,
} from './lib/export-network-files.mjs';
import {
  writeEducationFile,
  writeLearningFile,
  writePositionsFile,
  writeProfileFile,
  writeSkillsFile,
} from './lib/export-owner-files.mjs';
import { connectionRow, createSlugMaker, makeCompanies, makeConnections } from './lib/export-people.mjs';
import { createRandom } from './lib/seeded-random.mjs';

export const SIZES = {
  '1k': { connections: 1_000, messages: 30_000, invitations: 200, endorsements: 150, recommendations: 12 },
  '10k': {
    connections: 10_000,
    messages: 300_000,
    invitations: 1_500,
    endorsements: 300,
    recommendations: 30,
  },
  '30k': {
    connections: 30_000,
    messages: 1_000_000,
    invitations: 5_000,
    endorsements: 450,
    recommendations: 45,
  },
};

export const MESSAGE_LENGTHS = ['long', 'short'];

/** The folder name under bench/data/ of one export: `30k`, or `30k-short` for chat-line messages. */
export function exportName(size, messageLength = 'long') {
  return messageLength === 'long' ? size : `${size}-${messageLength}`;
}

const CONNECTIONS_PREAMBLE = [
  'Notes:',
  '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"',
  '',
];

function writeConnectionsFile(path, connections) {
  // No newline after the last row, as in real exports (docs/rules/linkedin-export.md#no-final-newline).
  const file = openCsvFile(path, { finalNewline: false });
  for (const line of CONNECTIONS_PREAMBLE) file.writeLine(line);
  file.writeRow(['First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On']);
  for (const connection of connections) file.writeRow(connectionRow(connection));
  return file.close();
}

/** Writes the whole export into `outDir`; returns the files written and a summary of the messages. */
export function generateExport({ size, outDir, seed = 1, messageLength = 'long' }) {
  const counts = SIZES[size];
  if (!counts) throw new Error(`unknown size "${size}": use ${Object.keys(SIZES).join(', ')}`);
  mkdirSync(outDir, { recursive: true });
  const people = createRandom(seed, 'people');
  const makeSlug = createSlugMaker(people);
  const companies = makeCompanies(people);
  const connections = makeConnections(people, counts.connections, makeSlug, companies);
  const visible = connections.filter((connection) => !connection.hidden);
  const network = { seed, connections: visible, makeSlug, companies };

  const files = [];
  const write = (name, writer) => {
    const started = process.hrtime.bigint();
    const result = writer(join(outDir, name));
    files.push({ name, ...result, seconds: Number(process.hrtime.bigint() - started) / 1e9 });
    return result;
  };
  write('Profile.csv', writeProfileFile);
  write('Positions.csv', writePositionsFile);
  write('Education.csv', writeEducationFile);
  write('Connections.csv', (path) => writeConnectionsFile(path, connections));
  const messages = write('messages.csv', (path) =>
    writeMessagesFile(path, { ...network, budget: counts.messages, length: messageLength }),
  );
  write('Invitations.csv', (path) => writeInvitationsFile(path, { ...network, count: counts.invitations }));
  write('Endorsement_Received_Info.csv', (path) =>
    writeEndorsementsFile(path, { ...network, count: counts.endorsements }),
  );
  write('Recommendations_Received.csv', (path) =>
    writeRecommendationsFile(path, { ...network, count: counts.recommendations }),
  );
  write('Skills.csv', writeSkillsFile);
  write('Learning.csv', writeLearningFile);
  return {
    files,
    hiddenConnections: connections.length - visible.length,
    messages: messages.stats,
  };
}

function formatBytes(bytes) {
  if (bytes >= 1 << 20) return `${(bytes / (1 << 20)).toFixed(1)} MB`;
  if (bytes >= 1 << 10) return `${(bytes / (1 << 10)).toFixed(1)} KB`;
  return `${bytes} B`;
}

function main() {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const index = args.indexOf(`--${name}`);
    return index === -1 ? fallback : args[index + 1];
  };
  const size = option('size', '30k');
  const seed = Number(option('seed', '1'));
  const messageLength = option('messages', 'long');
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const outDir = resolve(option('out', join(root, 'bench', 'data', exportName(size, messageLength))));
  if (!SIZES[size] || !Number.isInteger(seed) || !MESSAGE_LENGTHS.includes(messageLength)) {
    console.error(
      'usage: node bench/generate-export.mjs --size 1k|10k|30k [--messages long|short] [--out DIR] [--seed N] (seed: an integer)',
    );
    process.exit(1);
  }
  const before = existsSync(outDir) ? readdirSync(outDir) : [];
  const started = process.hrtime.bigint();
  const result = generateExport({ size, outDir, seed, messageLength });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  const written = new Set(result.files.map((file) => file.name));
  const stray = before.filter((name) => !written.has(name));
  console.log(
    `export ${size}, ${messageLength} messages (seed ${seed}, dated ${EXPORT_DATE}) → ${relative(process.cwd(), outDir) || '.'}`,
  );
  for (const file of result.files) {
    console.log(
      `  ${file.name.padEnd(32)} ${formatBytes(file.bytes).padStart(9)}  ${String(file.lines).padStart(9)} lines  ${file.seconds.toFixed(2)} s`,
    );
  }
  const m = result.messages;
  const share = (part) => `${((100 * part) / m.rows).toFixed(1)}%`;
  console.log(
    [
      `  connections: ${SIZES[size].connections} rows, ${result.hiddenConnections} hidden profiles`,
      `  messages: ${m.rows} rows in ${m.conversations} conversations (${Object.entries(m.kinds)
        .map(([kind, n]) => `${n} ${kind}`)
        .join(', ')})`,
      `  threads (one-to-one and group): median ${m.threadLength.median}, p90 ${m.threadLength.p90}, max ${m.threadLength.max}, ` +
        `${m.threadLength.upTo3} with 1–3 messages, ${m.threadLength.atLeast100} with 100+`,
      `  owner sent ${share(m.owner)}; folders ${Object.entries(m.folders)
        .map(([folder, n]) => `${folder} ${share(n)}`)
        .join(', ')}; ${m.deletedAccountRows} rows from "LinkedIn Member"`,
      `  connections without any conversation: ${(100 * m.connectionsWithoutConversation).toFixed(1)}%`,
      `  messages per year: ${Object.entries(m.years)
        .sort()
        .map(([year, n]) => `${year} ${n}`)
        .join(', ')}`,
      `done in ${seconds.toFixed(1)} s`,
    ].join('\n'),
  );
  if (stray.length) console.error(`note: ${outDir} also holds ${stray.join(', ')} (left as they are)`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
