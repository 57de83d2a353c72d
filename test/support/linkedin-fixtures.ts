import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';
import { parseCsvText } from '../../src/importers/csv/csv.parser.js';
import { runCli, tempDataDir, type CliResult } from './cli-harness.js';

/**
 * The LinkedIn era fixtures (test/fixtures/linkedin/<era>/, each with its EXPECTED.md) and what the tests
 * need around them: a temporary copy that holds exactly what a user would unpack (UTF-16 files written as
 * LinkedIn wrote them in 2018, from readable UTF-8 sources), zips built at test time, and the CLI in a data
 * folder of its own.
 */

export const LINKEDIN_FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'linkedin');

export type Era =
  | '2018-complete'
  | '2021-2023-no-url'
  | '2023-urn'
  | '2024-2025'
  | '2024-2025-draft'
  | '2026'
  | 'excel-resaved';

export function fixturePath(era: Era, file?: string): string {
  return file ? join(LINKEDIN_FIXTURES, era, file) : join(LINKEDIN_FIXTURES, era);
}

/** UTF-16LE with a byte order mark, as the 2018 Complete export wrote several files. */
export function encodeUtf16le(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

/** Re-writes CSV text the 2018 UTF-16 way: tab-separated, every field quoted (line endings kept as LF). */
export function toTabSeparatedAllQuoted(csvText: string): string {
  return parseCsvText(csvText)
    .map((row) => row.cells.map((cell) => `"${cell.replace(/"/g, '""')}"`).join('\t'))
    .join('\n')
    .concat('\n');
}

/**
 * Copies an era into a fresh temporary folder named `folderName` (default: the era), without EXPECTED.md.
 * For 2018, the files of `2018-complete.utf16/` (UTF-8, tab-separated) are written as UTF-16LE with a BOM.
 */
export function materializeEra(era: Era, folderName: string = era): string {
  const target = join(mkdtempSync(join(tmpdir(), 'tend-era-')), folderName);
  cpSync(fixturePath(era), target, {
    recursive: true,
    filter: (source) => basename(source) !== 'EXPECTED.md',
  });
  const utf16Sources = join(LINKEDIN_FIXTURES, `${era}.utf16`);
  if (era === '2018-complete') {
    for (const name of readdirSync(utf16Sources)) {
      writeFileSync(join(target, name), encodeUtf16le(readFileSync(join(utf16Sources, name), 'utf8')));
    }
  }
  return target;
}

export interface ZipEntry {
  name: string;
  data: Buffer;
  /** `stored`: the bytes as they are (method 0), so a flipped byte stays a flipped byte. Default deflate. */
  method?: 'stored' | 'deflate';
  /** The uncompressed size the zip's headers state, when a test needs them to lie (a zip bomb). */
  declaredSize?: number;
}

/**
 * A minimal zip writer (deflate or stored, UTF-8 names, no zip64): enough for test archives of a few files. The
 * project depends only on a zip reader (yauzl), and tests must not rely on a `zip` binary being installed.
 */
export function writeZip(path: string, entries: readonly ZipEntry[]): string {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  // 1 January 2025, 12:00 in MS-DOS format: fixed, so the same content gives the same archive.
  const dosTime = 12 << 11;
  const dosDate = ((2025 - 1980) << 9) | (1 << 5) | 1;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const stored = entry.method === 'stored';
    const compressed = stored ? entry.data : deflateRawSync(entry.data);
    const crc = crc32(entry.data) >>> 0;
    const size = entry.declaredSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(stored ? 0 : 8, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(path, Buffer.concat([...locals, directory, end]));
  return path;
}

/** The files of a folder (top level) as zip entries, in name order. */
export function folderEntries(folder: string): ZipEntry[] {
  return readdirSync(folder)
    .sort()
    .map((name) => ({ name, data: readFileSync(join(folder, name)) }));
}

export interface ImportReportJson {
  files: Array<{
    path: string;
    format: string;
    rowsRead: number;
    imported: number;
    skipped: Record<string, number>;
    problems: Array<{ line: number; message: string }>;
    failed?: string;
    unchanged?: boolean;
  }>;
  owner: { name: string | null; url: string | null };
  totals: { peopleAdded: number; peopleUpdated: number; interactionsAdded: number; invitationsAdded: number };
}

export interface PersonJson {
  id: number;
  name: string;
  company: string | null;
  position: string | null;
  circle: string | null;
}

export interface TimelineEntryJson {
  id: number;
  kind: string;
  direction: string;
  at: string;
  channel: string;
  groupSize: number;
  summary: string | null;
  skipped?: string;
}

export interface ShowJson extends PersonJson {
  emails: string[];
  urls: string[];
  connectionState: string;
  connectedAt: string | null;
  howMet: string | null;
  initiatedBy: 'me' | 'them' | null;
  notes: string | null;
  history: Array<{ field: string; value: string; seenAt: string }>;
  timeline: TimelineEntryJson[];
}

export interface TriageJson {
  id: number;
  invitation: { from: string; url: string | null; sentAt: string; message: string | null };
  person: { id: number; name: string } | null;
}

/** The CLI bound to one data folder and one clock, as a user's shell session would be. */
export function tendSession(now: string, data: string = tempDataDir()) {
  const run = (...argv: string[]): Promise<CliResult> => runCli(['--data', data, '--now', now, ...argv]);
  return {
    data,
    run,
    async importJson(...args: string[]): Promise<{ code: number; report: ImportReportJson }> {
      const result = await run('--json', 'import', ...args);
      if (result.stdout.trim() === '') throw new Error(`import printed nothing: ${result.stderr}`);
      return { code: result.code, report: result.json<ImportReportJson>() };
    },
    async people(): Promise<PersonJson[]> {
      const result = await run('--json', 'people');
      if (result.code !== 0) throw new Error(`people failed: ${result.stderr}`);
      return result.json<PersonJson[]>();
    },
    async show(ref: string): Promise<ShowJson> {
      const result = await run('--json', 'show', ref);
      if (result.code !== 0) throw new Error(`show ${ref} failed (${result.code}): ${result.stderr}`);
      return result.json<ShowJson>();
    },
    async triage(): Promise<TriageJson[]> {
      const result = await run('--json', 'triage');
      if (result.code !== 0) throw new Error(`triage failed: ${result.stderr}`);
      return result.json<TriageJson[]>();
    },
  };
}

export type TendSession = ReturnType<typeof tendSession>;

/** The report of one file, found by the end of its path (`Connections.csv`, `zip › messages.csv`). */
export function fileReport(report: ImportReportJson, name: string): ImportReportJson['files'][number] {
  const found = report.files.find(
    (file) => file.path === name || file.path.endsWith(`/${name}`) || file.path.endsWith(` ${name}`),
  );
  if (!found) throw new Error(`no report for ${name}: ${report.files.map((file) => file.path).join(', ')}`);
  return found;
}

/**
 * Everyone with their details, in name order: what `people` and `show` print, without ids and the
 * company/position history (which legitimately grows with every export read).
 */
export async function networkState(session: TendSession) {
  const state: Array<Record<string, unknown>> = [];
  for (const person of await session.people()) {
    const shown = await session.show(String(person.id));
    state.push({
      name: shown.name,
      company: shown.company,
      position: shown.position,
      circle: shown.circle,
      emails: shown.emails,
      urls: shown.urls,
      connectionState: shown.connectionState,
      connectedAt: shown.connectedAt,
      howMet: shown.howMet,
      initiatedBy: shown.initiatedBy,
      notes: shown.notes,
      timeline: shown.timeline.map((entry) => ({
        kind: entry.kind,
        direction: entry.direction,
        at: entry.at,
        groupSize: entry.groupSize,
        summary: entry.summary?.replace(/\s+/g, ' ').trim() ?? null,
        skipped: entry.skipped ?? null,
      })),
    });
  }
  return state;
}

/** A file's report line as the era tests compare it: name, format, rows read, imported, skipped. */
export type ReportRow = [
  file: string,
  format: string,
  rowsRead: number,
  imported: number,
  skipped: Record<string, number>,
];

export function reportRows(report: ImportReportJson): ReportRow[] {
  return report.files.map((file) => [
    file.path.replace(/^.*[/›] ?/, ''),
    file.format,
    file.rowsRead,
    file.imported,
    file.skipped,
  ]);
}

/** An era imported through the CLI (`--tz Europe/Berlin`), with `show --json` of everyone by name. */
export interface ImportedEra {
  session: TendSession;
  code: number;
  report: ImportReportJson;
  /** A name shared by several people maps to all of them. */
  people: Map<string, ShowJson[]>;
}

export async function importEra(session: TendSession, path: string): Promise<ImportedEra> {
  const { code, report } = await session.importJson('--tz', 'Europe/Berlin', path);
  const people = new Map<string, ShowJson[]>();
  for (const person of await session.people()) {
    const shown = await session.show(String(person.id));
    people.set(person.name, [...(people.get(person.name) ?? []), shown]);
  }
  return { session, code, report, people };
}

/** The one person of that name (a test about a name shared by two looks at `people` itself). */
export function onlyPerson(era: ImportedEra, name: string): ShowJson {
  const found = era.people.get(name) ?? [];
  if (found.length !== 1)
    throw new Error(`${found.length} people named ${name}: ${[...era.people.keys()].join(', ')}`);
  return found[0] as ShowJson;
}
