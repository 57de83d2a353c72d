import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { formatEml } from '../domain/eml.js';
import { AppError } from '../domain/errors.js';
import { normalizeName } from '../domain/text-normalization.js';
import { CsvParseError, parseCsvText } from '../importers/csv/csv.parser.js';
import type { FieldValues } from '../domain/outreach-template.js';
import { csvLine } from '../domain/spreadsheet-csv.js';

/**
 * The files of compose (docs/rules/segments.md#compose): the worksheet the user writes personal lines in,
 * and the drafts. Spreadsheet-safe cells (a cell starting with = + - @ tab or CR gets a leading ') and nothing
 * half-written: drafts go to a folder of their own, renamed into place when complete.
 */
export interface Recipient {
  id: number;
  name: string;
  email: string | null;
  values: FieldValues;
}

export interface Draft {
  id: number;
  name: string;
  email: string | null;
  subject: string | null;
  body: string;
}

const HEADER = ['batch', 'id', 'name', 'email', 'personal line'];

export function writeWorksheet(path: string, batchId: number, recipients: readonly Recipient[]): void {
  if (existsSync(path)) throw new AppError('bad-input', `${path} exists: choose another --worksheet FILE`);
  const text =
    csvLine(HEADER) +
    recipients
      .map((recipient) =>
        csvLine([String(batchId), String(recipient.id), recipient.name, recipient.email ?? '', '']),
      )
      .join('');
  writeFileSync(path, `\uFEFF${text}`, { mode: 0o600 });
}

/** The worksheet's batch and its rows' personal lines; its line numbers name bad rows. */
export function readWorksheet(path: string): {
  batchId: number;
  lines: Array<{ id: number; line: string; row: number }>;
} {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new AppError('bad-input', `cannot read the worksheet ${path}: ${(error as Error).message}`);
  }
  let rows;
  try {
    rows = parseCsvText(text, {
      delimiter: text.includes(';') && !text.split('\n')[0]?.includes(',') ? ';' : ',',
    });
  } catch (error) {
    if (error instanceof CsvParseError)
      throw new AppError('bad-input', `${path} line ${error.line}: ${error.message}`);
    throw error;
  }
  const [header, ...body] = rows.filter((row) => row.cells.some((value) => value.trim() !== ''));
  const columns = header?.cells.map((value) => value.trim().toLowerCase()) ?? [];
  const at = (name: string) => columns.indexOf(name);
  if (at('batch') < 0 || at('id') < 0 || at('personal line') < 0)
    throw new AppError(
      'bad-input',
      `${path} line 1: expected the columns ${HEADER.join(', ')}: use the worksheet tend compose wrote`,
    );
  const batches = new Set(body.map((row) => row.cells[at('batch')]?.trim() ?? ''));
  if (batches.size !== 1 || !/^\d+$/.test([...batches][0] ?? ''))
    throw new AppError(
      'bad-input',
      `${path}: every row must keep the batch number tend wrote (one worksheet, one batch)`,
    );
  const lines = body.map((row) => {
    const id = row.cells[at('id')]?.trim() ?? '';
    if (!/^\d+$/.test(id))
      throw new AppError(
        'bad-input',
        `${path} line ${row.line}: the id column must keep the number tend wrote`,
      );
    return { id: Number(id), line: (row.cells[at('personal line')] ?? '').trim(), row: row.line };
  });
  return { batchId: Number([...batches][0]), lines };
}

export type DraftFormat = 'eml' | 'csv' | 'text';

function fileName(index: number, draft: Draft, extension: string): string {
  const slug = normalizeName(draft.name).replace(/ /g, '-').slice(0, 40) || `person-${draft.id}`;
  return `${String(index + 1).padStart(3, '0')}-${slug}.${extension}`;
}

/**
 * Writes the drafts into `folder` (which must not exist yet): `.eml` for those with an e-mail address and text
 * for the others, one CSV, or one text file each. Returns the files written, relative to the folder.
 */
export function writeDrafts(
  folder: string,
  drafts: readonly Draft[],
  format: DraftFormat,
  now: number,
): string[] {
  if (existsSync(folder)) throw new AppError('bad-input', `${folder} exists: choose another --out folder`);
  const partial = join(dirname(folder), `.${basename(folder)}.partial`);
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true, mode: 0o700 });
  const written: string[] = [];
  const write = (name: string, text: string) => {
    writeFileSync(join(partial, name), text, { mode: 0o600 });
    written.push(name);
  };
  if (format === 'csv')
    write(
      'drafts.csv',
      `\uFEFF${csvLine(['id', 'name', 'email', 'subject', 'body'])}${drafts.map((draft) => csvLine([String(draft.id), draft.name, draft.email ?? '', draft.subject ?? '', draft.body])).join('')}`,
    );
  else
    drafts.forEach((draft, index) => {
      if (format === 'eml' && draft.email)
        write(
          fileName(index, draft, 'eml'),
          formatEml({
            to: { name: draft.name, address: draft.email },
            subject: draft.subject,
            body: draft.body,
            date: now,
          }),
        );
      else
        write(
          fileName(index, draft, 'txt'),
          `${draft.subject ? `Subject: ${draft.subject}\n\n` : ''}${draft.body}\n`,
        );
    });
  renameSync(partial, folder);
  return written;
}
