import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../../../test/support/cli-harness.js';
import { singleLine } from '../../domain/imported-text.js';
import {
  encodeUtf16le,
  tendSession,
  type ImportReportJson,
} from '../../../test/support/linkedin-fixtures.js';
import { CsvParseError, readCsvRows, type CsvRow } from '../csv/csv.parser.js';
import { CsvDecodeError } from '../csv/text-decoding.js';
import { detectLinkedInFormat } from './linkedin-format.registry.js';
import { readRecordBatches, rowParserFor, type HeaderInfo, type RowSkip } from './linkedin-records.reader.js';

/**
 * Generated files of every LinkedIn header kind — random cells with quotes, commas, line breaks and any
 * Unicode, short and long rows, dates of valid and invalid shapes, BOMs, CRLF, UTF-16 — must never make the
 * importer throw: each row with a date that cannot be read is reported with its line, or the whole file
 * fails with a message; `tend import` exits with 0 or 2, never anything else.
 */

const ZONE = 'Europe/Berlin';
type DateShape = 'utc' | 'utc-slash' | 'us' | 'calendar';

interface Kind {
  file: string;
  header: string[];
  /** The date column a row is malformed without, and its shape; the column that makes a row count. */
  date?: { column: string; shape: DateShape };
  key?: string;
  preamble?: boolean;
}

const MESSAGE_10 = ['CONVERSATION ID', 'CONVERSATION TITLE', 'FROM', 'SENDER PROFILE URL', 'TO'];
const MESSAGE_REST = ['DATE', 'SUBJECT', 'CONTENT', 'FOLDER'];
const messages = (extra: string[], recipients = true): string[] => [
  ...MESSAGE_10,
  ...(recipients ? ['RECIPIENT PROFILE URLS'] : []),
  ...MESSAGE_REST,
  ...extra,
];
const utcDate = { column: 'DATE', shape: 'utc' } as const;

const KINDS: readonly Kind[] = [
  {
    file: 'Connections.csv',
    header: ['First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On'],
    date: { column: 'Connected On', shape: 'calendar' },
    key: 'First Name',
    preamble: true,
  },
  {
    file: 'Connections.csv',
    header: ['First Name', 'Last Name', 'Email Address', 'Company', 'Position', 'Connected On'],
    date: { column: 'Connected On', shape: 'us' },
    key: 'First Name',
  },
  {
    file: 'Messages.csv',
    header: ['From', 'To', 'Date', 'Subject', 'Content', 'Direction', 'Folder'],
    date: { column: 'Date', shape: 'us' },
    key: 'From',
  },
  { file: 'messages.csv', header: messages([], false), date: utcDate, key: 'FROM' },
  { file: 'messages.csv', header: messages([]), date: utcDate, key: 'FROM' },
  { file: 'messages.csv', header: messages(['ATTACHMENTS']), date: utcDate, key: 'FROM' },
  {
    file: 'messages.csv',
    header: messages(['IS MESSAGE DRAFT', 'IS CONVERSATION DRAFT']),
    date: utcDate,
    key: 'FROM',
  },
  ...[[], ['inviterProfileUrn', 'inviteeProfileUrn'], ['inviterProfileUrl', 'inviteeProfileUrl']].map(
    (extra) => ({
      file: 'Invitations.csv',
      header: ['From', 'To', 'Sent At', 'Message', 'Direction', ...extra],
      date: { column: 'Sent At', shape: 'us' as const },
      key: 'From',
    }),
  ),
  {
    file: 'Profile.csv',
    header: [
      'First Name',
      'Last Name',
      'Maiden Name',
      'Address',
      'Birth Date',
      'Headline',
      'Summary',
      'Industry',
      'Zip Code',
      'Geo Location',
    ],
  },
  {
    file: 'Positions.csv',
    header: ['Company Name', 'Title', 'Description', 'Location', 'Started On', 'Finished On'],
  },
  {
    file: 'Education.csv',
    header: ['School Name', 'Start Date', 'End Date', 'Notes', 'Degree Name', 'Activities'],
  },
  { file: 'Events.csv', header: ['Event Name', 'Event Time', 'Status', 'External Url'] },
  {
    file: 'Notes.csv',
    header: [
      'Connection First Name',
      'Connection Last Name',
      'Connection Profile URL',
      'Note',
      'Created On',
      'Edited On',
    ],
  },
  {
    file: 'Contacts.csv',
    header: [
      'Source',
      'FirstName',
      'LastName',
      'Companies',
      'Title',
      'Emails',
      'PhoneNumbers',
      'CreatedAt',
      'Profiles',
    ],
  },
  {
    file: 'Imported Contacts.csv',
    header: [
      'First Name',
      'Last Name',
      'Companies',
      'Title',
      'Email Address',
      'Phone Numbers',
      'Created At',
      'Profiles',
    ],
  },
  ...['Recommendations_Received.csv', 'Recommendations_Given.csv'].map((file) => ({
    file,
    header: ['First Name', 'Last Name', 'Company', 'Job Title', 'Text', 'Creation Date', 'Status'],
    date: { column: 'Creation Date', shape: 'us' as const },
    key: 'First Name',
  })),
  ...['Endorser', 'Endorsee'].map((role) => ({
    file: role === 'Endorser' ? 'Endorsement_Received_Info.csv' : 'Endorsement_Given_Info.csv',
    header: [
      'Endorsement Date',
      'Skill Name',
      `${role} First Name`,
      `${role} Last Name`,
      `${role} Public Url`,
      'Endorsement Status',
    ],
    date: { column: 'Endorsement Date', shape: 'utc-slash' as const },
    key: `${role} First Name`,
  })),
];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

function formatDate(date: Date, shape: DateShape): string {
  const [y, mo, d, h, mi, s] = [
    date.getUTCFullYear(),
    date.getUTCMonth() + 1,
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
  ];
  if (shape === 'utc') return `${y}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}:${pad(s)} UTC`;
  if (shape === 'utc-slash') return `${y}/${pad(mo)}/${pad(d)} ${pad(h)}:${pad(mi)}:${pad(s)} UTC`;
  if (shape === 'calendar') return `${pad(d)} ${MONTHS[mo - 1]} ${y}`;
  return `${mo}/${d}/${String(y).slice(2)}, ${h % 12 || 12}:${pad(mi)} ${h < 12 ? 'AM' : 'PM'}`;
}

/** Shapes no date parser may accept: they must come back as a malformed row with its line. */
const INVALID_DATES = [
  '',
  'yesterday',
  'N/A',
  '2024-13-01 10:00:00 UTC',
  '2031/02/29 10:00:00 UTC',
  '13/45/18, 9:41 AM',
  '31 Foo 2021',
  '0/0/00',
];

const units = fc.constantFrom(
  'a',
  'Z',
  'é',
  'ß',
  '中',
  '🚀',
  '"',
  '""',
  ',',
  ';',
  '\t',
  '\n',
  '\r\n',
  '\r',
  ' ',
  '<p>',
  '&amp;',
  '\u00a0',
  '\ufeff',
  '\u0000',
  '%C3%AB',
);
const nasty = fc.oneof(
  fc.string({ unit: units, maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
);
const slug = fc.string({
  unit: fc.constantFrom('a', 'k', 'z', '0', '9', '-', '%C3%AB', 'ë'),
  minLength: 1,
  maxLength: 16,
});
const url = fc.oneof(
  slug.map((s) => `https://www.linkedin.com/in/${s}`),
  slug.map((s) => `www.linkedin.com/in/${s}`),
  nasty,
);
const name = fc.oneof(
  fc.constantFrom('Zoë', 'Robert "Bobby"', 'Kai 🚀', 'LinkedIn Member', 'Linnea Voss', "O'Brien, PhD"),
  nasty,
);

/** A generated cell; `bad` marks a date no parser may accept. */
interface Cell {
  text: string;
  bad?: boolean;
}

const plain = (text: string): Cell => ({ text });

function cellFor(kind: Kind, column: string): fc.Arbitrary<Cell> {
  if (kind.date?.column === column) {
    const shape = kind.date.shape;
    return fc.oneof(
      fc
        .date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2030-12-31T00:00:00Z'),
          noInvalidDate: true,
        })
        .map((date) => plain(formatDate(date, shape))),
      fc.constantFrom(...INVALID_DATES).map((text): Cell => ({ text, bad: true })),
      nasty.map(plain),
    );
  }
  if (/url/i.test(column)) return url.map(plain);
  if (/name|^from$|^to$/i.test(column)) return name.map(plain);
  if (/direction/i.test(column))
    return fc.oneof(fc.constantFrom('INCOMING', 'OUTGOING'), nasty).map((text) => ({ text }));
  if (/folder/i.test(column))
    return fc.constantFrom('INBOX', 'SPAM', 'ARCHIVE', 'SENT', '').map((text) => ({ text }));
  return nasty.map(plain);
}

interface GeneratedFile {
  kind: Kind;
  bytes: Buffer;
  /** Physical lines of the rows that must be reported as malformed (when the file does not fail). */
  badLines: number[];
  /** True when the text was deliberately damaged (a stray quote): only the no-throw invariants hold. */
  damaged: boolean;
}

function generatedFile(kind: Kind): fc.Arbitrary<GeneratedFile> {
  const fullRow = fc.tuple(...kind.header.map((column) => cellFor(kind, column)));
  const row = fc.oneof(
    { weight: 6, arbitrary: fullRow.map((cells) => ({ cells, exact: true })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fullRow, fc.nat({ max: kind.header.length }))
        .map(([cells, n]) => ({ cells: cells.slice(0, n), exact: false })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fullRow, fc.array(nasty, { minLength: 1, maxLength: 3 }))
        .map(([cells, more]) => ({ cells: [...cells, ...more.map(plain)], exact: false })),
    },
  );
  return fc
    .record({
      rows: fc.array(row, { maxLength: 30 }),
      eol: fc.constantFrom('\n', '\r\n'),
      encoding: fc.constantFrom('utf8', 'utf8-bom', 'utf16le-bom'),
      finalNewline: fc.boolean(),
      quoteAll: fc.boolean(),
      damage: fc.oneof({ weight: 7, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat() }),
    })
    .map(({ rows, eol, encoding, finalNewline, quoteAll, damage }) => {
      const tabs = encoding === 'utf16le-bom';
      const separator = tabs ? '\t' : ',';
      const quote = (text: string) =>
        quoteAll || tabs || /[",\t\r\n]/.test(text) || text !== text.trim()
          ? `"${text.replace(/"/g, '""')}"`
          : text;
      const lines: string[] =
        kind.preamble && !tabs
          ? [
              'Notes:',
              '"When exporting your connection data, you may notice that some of the email addresses are missing."',
              '',
            ]
          : [];
      lines.push(kind.header.map(quote).join(separator));
      const badLines: number[] = [];
      const keyIndex = kind.key ? kind.header.indexOf(kind.key) : -1;
      for (const { cells, exact } of rows) {
        const text = cells.map((cell) => quote(cell.text)).join(separator);
        // A key of control characters alone is empty once imported (they are removed): the row is blank.
        const counts = exact && keyIndex >= 0 && singleLine(cells[keyIndex]?.text ?? '').trim() !== '';
        // The physical line the row starts on: one more than the line breaks before it, as an editor counts.
        if (counts && cells.some((cell) => cell.bad))
          badLines.push((lines.join(eol) + eol).split(/\r\n|\r|\n/).length);
        lines.push(text);
      }
      let body = lines.join(eol) + (finalNewline ? eol : '');
      if (damage !== null)
        body = `${body.slice(0, damage % (body.length + 1))}"${body.slice(damage % (body.length + 1))}`;
      const bytes =
        encoding === 'utf16le-bom'
          ? encodeUtf16le(body)
          : Buffer.from(encoding === 'utf8-bom' ? `\ufeff${body}` : body, 'utf8');
      return { kind, bytes, badLines, damaged: damage !== null };
    });
}

const anyFile = fc.constantFrom(...KINDS).chain(generatedFile);

/** The bytes as a stream hands them over: in chunks that cut characters and rows anywhere. */
function chunked(bytes: Buffer, size: number): AsyncIterable<Uint8Array> {
  return {
    [Symbol.asyncIterator]: () => {
      let at = 0;
      return {
        next: () => {
          const chunk = bytes.subarray(at, at + size);
          at += size;
          return Promise.resolve(
            chunk.length > 0
              ? { value: chunk, done: false as const }
              : { value: undefined, done: true as const },
          );
        },
      };
    },
  };
}

type Outcome = { failed: string } | { format: string; skips: RowSkip[]; records: number };

/** What the import service does with one file, without the store: find the header, read every row. */
async function importerOutcome(file: GeneratedFile, chunk: number): Promise<Outcome> {
  const peek: CsvRow[] = [];
  try {
    for await (const batch of readCsvRows(chunked(file.bytes, chunk))) peek.push(...batch);
  } catch (error) {
    if (error instanceof CsvParseError || error instanceof CsvDecodeError) return { failed: error.message };
    throw error;
  }
  const detected = detectLinkedInFormat(
    peek.slice(0, 25).map((row) => row.cells),
    file.kind.file,
  );
  if (!detected || detected.format === 'ignored') return { failed: 'no recognisable header' };
  const header: HeaderInfo = { ...detected, headerLine: peek[detected.headerIndex]?.line ?? 1 };
  const skips: RowSkip[] = [];
  let records = 0;
  const parseRow = rowParserFor(detected.format, ZONE);
  for await (const batch of readRecordBatches(chunked(file.bytes, chunk), header, parseRow)) {
    records += batch.records.length;
    skips.push(...batch.skips);
  }
  return { format: detected.format, skips, records };
}

describe('generated LinkedIn files of every header kind', () => {
  it('never make the importer throw; every row with an unreadable date is reported with its line', async () => {
    await fc.assert(
      fc.asyncProperty(anyFile, fc.integer({ min: 1, max: 97 }), async (file, chunk) => {
        const outcome = await importerOutcome(file, chunk);
        if ('failed' in outcome) {
          expect(outcome.failed.length).toBeGreaterThan(0);
          if (!file.damaged) expect(outcome.failed).toMatch(/^(unterminated|not valid|no recognisable)/);
          return;
        }
        expect(outcome.skips.every((skip) => skip.line > 0 && skip.reason.length > 0)).toBe(true);
        if (file.damaged) return;
        expect(outcome.format).toBe(detectLinkedInFormat([file.kind.header], file.kind.file)?.format);
        const malformed = new Set(outcome.skips.filter((skip) => skip.message).map((skip) => skip.line));
        expect(file.badLines.filter((line) => !malformed.has(line))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('are imported by `tend import` with exit code 0 or 2, bad rows listed or the file failed with a message', async () => {
    const session = tendSession('2026-02-10T12:00:00Z');
    const folder = tempDataDir();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(anyFile, async (file) => {
        const path = join(folder, `${run++}-${file.kind.file}`);
        writeFileSync(path, file.bytes);
        const result = await session.run('--json', 'import', '--tz', ZONE, path);
        expect([0, 2]).toContain(result.code);
        expect(result.stderr).not.toMatch(/\n\s+at /);
        const [report] = result.json<ImportReportJson>().files;
        expect(report).toBeDefined();
        if (!report) return;
        expect(result.code === 2).toBe(report.failed !== undefined);
        if (report.failed !== undefined) {
          expect(report.failed.length).toBeGreaterThan(0);
          return;
        }
        // A generated file identical to an earlier one is recognised and not read again.
        if (file.damaged || report.format === 'ignored' || report.unchanged) return;
        const reported = new Set(report.problems.map((problem) => problem.line));
        expect(file.badLines.filter((line) => !reported.has(line))).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });
});
