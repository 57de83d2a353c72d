import { createReadStream } from 'node:fs';
import { open, stat, readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { AppError } from '../../domain/errors.js';
import { formatInstant } from '../../domain/time.js';
import {
  createDataExportRepository,
  EXPORT_TABLES,
  type ExportTable,
} from '../../store/data-export.repository.js';
import type { Store } from '../../store/store.js';

/** The first key of every full export: how `tend import` tells one from other JSON. */
export const EXPORT_FORMAT = 'tend-export';
const EXPORT_VERSION = 1;
const ROWS_PER_WRITE = 2000;

export type TextSink = (text: string) => Promise<void>;

/** Text gathered into writes of about 1 MB: a sink call per row would cost more than the row. */
export function bufferedSink(sink: TextSink) {
  let buffer = '';
  return {
    async write(text: string): Promise<void> {
      buffer += text;
      if (buffer.length > 1 << 20) await this.flush();
    },
    async flush(): Promise<void> {
      const text = buffer;
      buffer = '';
      if (text) await sink(text);
    },
  };
}

/**
 * Writes every row of the workspace as one JSON document laid out one row per line (docs/rules/export.md#json):
 * `{"format":"tend-export","version":1,"exportedAt":…,"tables":{"people":{"columns":[…],"rows":[` then a row
 * array per line. Any JSON reader reads it; the restore reads it a line at a time, in constant memory.
 */
export async function writeJsonExport(
  store: Store,
  now: number,
  sink: TextSink,
): Promise<Record<string, number>> {
  const repository = createDataExportRepository(store);
  const counts: Record<string, number> = {};
  const out = bufferedSink(sink);
  await out.write(
    `{"format":"${EXPORT_FORMAT}","version":${EXPORT_VERSION},"exportedAt":${JSON.stringify(formatInstant(now))},"tables":{\n`,
  );
  for (const [index, [table, order]] of EXPORT_TABLES.entries()) {
    let columns: string[] | undefined;
    let count = 0;
    for await (const row of repository.rows(table, order)) {
      if (!columns) {
        columns = Object.keys(row);
        await out.write(`${JSON.stringify(table)}:{"columns":${JSON.stringify(columns)},"rows":[\n`);
      }
      await out.write(
        `${count === 0 ? '' : ','}${JSON.stringify(columns.map((column) => row[column] ?? null))}\n`,
      );
      count++;
    }
    if (!columns) await out.write(`${JSON.stringify(table)}:{"columns":[],"rows":[\n`);
    await out.write(`]}${index < EXPORT_TABLES.length - 1 ? ',' : ''}\n`);
    counts[table] = count;
  }
  await out.write('}}\n');
  await out.flush();
  return counts;
}

/** Whether the file starts as a full export does (its first bytes, whatever its name). */
export async function isJsonExport(path: string): Promise<boolean> {
  const handle = await open(path, 'r').catch(() => undefined);
  if (!handle) return false;
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(64), 0, 64, 0);
    return /^\s*\{\s*"format"\s*:\s*"tend-export"/.test(buffer.subarray(0, bytesRead).toString('utf8'));
  } finally {
    await handle.close();
  }
}

interface TableRows {
  table: ExportTable;
  columns: string[];
  rows: AsyncIterable<unknown[]> | Iterable<unknown[]>;
}

const KNOWN_TABLES = new Set<string>(EXPORT_TABLES.map(([table]) => table));

function checkedTable(name: string, path: string, line: number): ExportTable {
  if (!KNOWN_TABLES.has(name))
    throw new AppError(
      'bad-input',
      `line ${line}: unknown table "${name}": made by a newer tend? Update tend to restore it`,
    );
  return name as ExportTable;
}

/** The tables of an export as this file lays them out, read a line at a time. */
async function* linesOfExport(path: string): AsyncGenerator<TableRows> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  let lineNumber = 0;
  const next = async (): Promise<string | undefined> => {
    const result = await iterator.next();
    lineNumber++;
    return result.done ? undefined : result.value;
  };
  const header = await next();
  if (!header?.endsWith('"tables":{'))
    throw new AppError('bad-input', `line 1: not laid out as tend writes exports`);
  const meta = JSON.parse(`${header}}}`) as { version?: number };
  if (meta.version !== EXPORT_VERSION)
    throw new AppError('bad-input', `line 1: export version ${meta.version} is not known: update tend`);
  for (;;) {
    const line = await next();
    if (line === undefined)
      throw new AppError('bad-input', `line ${lineNumber}: the file is cut off; export again`);
    if (line === '}}') return;
    const start = JSON.parse(`{${line}]}}`) as Record<string, { columns: string[] }>;
    const [name, shape] = Object.entries(start)[0] ?? [];
    if (!name || !shape) throw new AppError('bad-input', `line ${lineNumber}: a table was expected`);
    const table = checkedTable(name, path, lineNumber);
    const rows = async function* () {
      for (;;) {
        const row = await next();
        if (row === undefined)
          throw new AppError('bad-input', `line ${lineNumber}: the file is cut off; export again`);
        if (row.startsWith(']}')) return;
        try {
          yield JSON.parse(row.startsWith(',') ? row.slice(1) : row) as unknown[];
        } catch {
          throw new AppError(
            'bad-input',
            `line ${lineNumber}: not a row of the export (the file was changed?)`,
          );
        }
      }
    };
    yield { table, columns: shape.columns, rows: rows() };
  }
}

/** An export laid out otherwise (pretty-printed by a tool): read whole, up to what a string can hold. */
async function* wholeExport(path: string): AsyncGenerator<TableRows> {
  if ((await stat(path)).size > 400 * 1024 * 1024)
    throw new AppError('bad-input', `too large to read whole; restore the file as tend wrote it`);
  const document = JSON.parse(await readFile(path, 'utf8')) as {
    version?: number;
    tables?: Record<string, { columns: string[]; rows: unknown[][] }>;
  };
  if (document.version !== EXPORT_VERSION || !document.tables)
    throw new AppError('bad-input', `not a tend export of version ${EXPORT_VERSION}`);
  for (const [name, { columns, rows }] of Object.entries(document.tables))
    yield { table: checkedTable(name, path, 1), columns, rows };
}

/** Whether the first line is the header as tend writes it (else: read whole). */
async function laidOutByTend(path: string): Promise<boolean> {
  const input = createReadStream(path, 'utf8');
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) return line.endsWith('"tables":{');
    return false;
  } finally {
    lines.close();
    input.destroy();
  }
}

/**
 * Restores a full export into an empty workspace: the same rows with the same ids, in one transaction
 * (nothing is written when any line is bad). Returns the rows written per table.
 */
export async function restoreJsonExport(store: Store, path: string): Promise<Record<string, number>> {
  const laidOut = await laidOutByTend(path);
  const counts: Record<string, number> = {};
  await store.transaction(async (trx) => {
    const repository = createDataExportRepository(trx);
    if (!(await repository.isEmpty()))
      throw new AppError(
        'conflict',
        `a full export restores only into an empty data folder, and this one holds people or imports: use --data with a new folder`,
      );
    const dropped = await repository.beforeRestore();
    for await (const { table, columns, rows } of laidOut ? linesOfExport(path) : wholeExport(path)) {
      let batch: Record<string, unknown>[] = [];
      counts[table] = 0;
      for await (const values of rows) {
        const row: Record<string, unknown> = {};
        for (const [index, column] of columns.entries()) row[column] = values[index] ?? null;
        batch.push(row);
        if (batch.length >= ROWS_PER_WRITE) {
          await repository.insert(table, batch);
          counts[table] += batch.length;
          batch = [];
        }
      }
      await repository.insert(table, batch);
      counts[table] += batch.length;
    }
    await repository.afterRestore(dropped);
  });
  return counts;
}
