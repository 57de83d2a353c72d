import { createWriteStream, mkdirSync, promises as fs, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { readFileChunks, readFileStream } from './file-chunks.js';
import { hashFile } from './file-hash.js';
import { openZipArchive, type ZipArchive } from './zip-archive.js';
import { AppError } from '../domain/errors.js';

/**
 * Turns what the user hands over — a zip (also a zip inside a zip), an unpacked folder or single files —
 * into a flat list of entries that can be opened as byte streams, each with a fingerprint that identifies
 * its content without reading it when possible (zip: name, size and CRC-32 from the central directory).
 */
export interface ImportEntry {
  /** What the report shows: `Basic_….zip › messages.csv`. */
  displayPath: string;
  /** Path inside its archive or folder, `/`-separated. */
  innerPath: string;
  size: number;
  /** Identifies the content (with the importer's version, the import log's key); may still be computing. */
  fingerprint(): Promise<string>;
  /** The export's date from a `…_MM-DD-YYYY.zip` name, when there is one (YYYY-MM-DD). */
  exportDate: string | null;
  /** A file problem found before reading (a broken zip entry): the file fails with this message. */
  brokenReason?: string;
  /** Where the bytes are, so another thread can open them too (a parser worker). */
  source: EntrySource;
  open(): Promise<Readable>;
}

export type EntrySource =
  { kind: 'file'; path: string } | { kind: 'zip'; zipPath: string; entryName: string };

export interface OpenedSources {
  entries: ImportEntry[];
  close(): Promise<void>;
}

/** Zips inside zips are read this deep (the export's zip is level 1): an export is never nested deeper. */
export const MAX_ZIP_DEPTH = 3;
/**
 * What one zip given to `import` may expand to, all its entries and inner zips together: 20× its own size
 * (LinkedIn's CSVs compress 4–10×), at least 256 MiB and at most 16 GiB. Sizes are checked against the
 * zip's directory before a byte is inflated, and the inflated bytes are held to those sizes while they
 * stream, so a zip bomb is refused before it can fill the disk.
 */
export function expansionLimit(zipBytes: number): number {
  return Math.min(16 * GIB, Math.max(256 * MIB, 20 * zipBytes));
}
const MIB = 1024 * 1024;
const GIB = 1024 * MIB;

/** Inner zips are spilled as `inner-<pid>-<n>.zip`: the pid says whether their process still runs. */
const SPILL_NAME = /^inner-(\d+)-\d+\.zip$/;

/**
 * Removes spill files that a killed import left behind (their process is gone); a running import's stay.
 * Returns how many bytes were freed.
 */
export function removeLeftoverSpills(spillDir: string): number {
  let freed = 0;
  let names: string[];
  try {
    names = readdirSync(spillDir);
  } catch {
    return 0;
  }
  for (const name of names) {
    const pid = Number(SPILL_NAME.exec(name)?.[1] ?? Number.NaN);
    if (Number.isNaN(pid) || isRunning(pid)) continue;
    const path = join(spillDir, name);
    try {
      freed += statSync(path).size;
      rmSync(path, { force: true });
    } catch {
      // Gone meanwhile: another process cleaned it.
    }
  }
  return freed;
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The entry's bytes for a reader that decodes each chunk before it asks for the next (a file's chunks share
 * one buffer: file-chunks.ts); `close` ends the reading early. Opened from its source alone (in a worker
 * thread, which cannot share the opener's zip handle), CRC-checked like every zip entry.
 */
export async function openEntrySource(
  source: EntrySource,
): Promise<{ chunks: AsyncIterable<Uint8Array>; close(): void }> {
  if (source.kind === 'file') {
    const chunks = readFileChunks(source.path);
    return { chunks, close: () => void chunks.return() };
  }
  const zip = await openZipArchive(source.zipPath);
  try {
    const entry = zip.entries.find((candidate) => candidate.name === source.entryName);
    if (!entry) throw new Error(`${source.entryName} is no longer in ${source.zipPath}`);
    const stream = await zip.open(entry);
    return {
      chunks: stream,
      close: () => {
        stream.destroy();
        zip.close();
      },
    };
  } catch (error) {
    zip.close();
    throw error;
  }
}

export function exportDateFromName(name: string): string | null {
  const match = /(\d{2})-(\d{2})-(\d{4})(?:\.zip)+$/i.exec(name);
  return match ? `${match[3]}-${match[1]}-${match[2]}` : null;
}

const formatBytes = (bytes: number) =>
  bytes >= GIB ? `${(bytes / GIB).toFixed(1)} GB` : `${Math.max(1, Math.round(bytes / MIB))} MB`;

export async function openImportSources(paths: readonly string[], spillDir: string): Promise<OpenedSources> {
  const entries: ImportEntry[] = [];
  const zips: ZipArchive[] = [];
  const spilled: string[] = [];

  /** An entry that is reported and never read. */
  function setAside(displayPath: string, innerPath: string, size: number, reason: string): void {
    entries.push({
      displayPath,
      innerPath,
      size,
      fingerprint: () => Promise.resolve(`unread:${innerPath}`),
      exportDate: null,
      brokenReason: reason,
      source: { kind: 'file', path: displayPath },
      open: () => Promise.reject(new Error(reason)),
    });
  }

  /** `budget.left`: the bytes the zip given by the user may still expand to. */
  async function addZip(
    zipPath: string,
    display: string,
    exportDate: string | null,
    depth: number,
    budget: { left: number; limit: number; zipBytes: number },
  ): Promise<void> {
    let zip: ZipArchive;
    try {
      zip = await openZipArchive(zipPath);
    } catch (error) {
      throw new AppError(
        'bad-input',
        `${display} is not a readable zip file (${(error as Error).message}): download the export again`,
      );
    }
    zips.push(zip);
    for (const { name, reason } of zip.rejected)
      setAside(`${display} › ${name}`, name, 0, `not read: its name is ${reason}`);
    for (const entry of zip.entries) {
      if (entry.name.endsWith('/')) continue;
      const innerDisplay = `${display} › ${entry.name}`;
      const nested = /\.zip$/i.test(entry.name);
      if (nested && depth >= MAX_ZIP_DEPTH) {
        setAside(
          innerDisplay,
          entry.name,
          entry.uncompressedSize,
          `not read: a zip nested more than ${MAX_ZIP_DEPTH} deep (an export never is)`,
        );
        continue;
      }
      if (entry.uncompressedSize > budget.left) {
        setAside(
          innerDisplay,
          entry.name,
          entry.uncompressedSize,
          `not read: the zip would expand to more than ${formatBytes(budget.limit)} (20× its ${formatBytes(budget.zipBytes)}; a zip bomb?)`,
        );
        continue;
      }
      budget.left -= entry.uncompressedSize;
      if (nested) {
        // A zip inside a zip (macOS `.zip.zip`): spilled to a temporary file, never held in memory; its
        // directory's sizes were counted above and yauzl holds the inflated bytes to them.
        mkdirSync(spillDir, { recursive: true, mode: 0o700 });
        const target = join(spillDir, `inner-${process.pid}-${spilled.length}.zip`);
        spilled.push(target);
        try {
          await pipeline(await zip.open(entry), createWriteStream(target, { mode: 0o600 }));
        } catch (error) {
          setAside(innerDisplay, entry.name, entry.uncompressedSize, describe(error));
          continue;
        }
        await addZip(target, innerDisplay, exportDateFromName(entry.name) ?? exportDate, depth + 1, budget);
        continue;
      }
      entries.push({
        displayPath: innerDisplay,
        innerPath: entry.name,
        size: entry.uncompressedSize,
        // The CRC-32 is checked against every byte read: a file imported under this fingerprint was it.
        fingerprint: () => Promise.resolve(`zip:${entry.name}:${entry.uncompressedSize}:${entry.crc32}`),
        exportDate,
        source: { kind: 'zip', zipPath, entryName: entry.name },
        open: () => zip.open(entry),
      });
    }
  }
  async function addFile(
    path: string,
    display: string,
    innerPath: string,
    exportDate: string | null,
  ): Promise<void> {
    const stat = await fs.stat(path);
    if (/\.zip$/i.test(path)) {
      const limit = expansionLimit(stat.size);
      const budget = { left: limit, limit, zipBytes: stat.size };
      await addZip(path, display, exportDateFromName(basename(path)) ?? exportDate, 1, budget);
      return;
    }
    const hashed = hashFile(path, stat.size).then((hex) => `sha1:${hex}`);
    // Awaited only when the file's turn comes, if it does: a failure then, never an unhandled rejection.
    hashed.catch(() => undefined);
    entries.push({
      displayPath: display,
      innerPath,
      size: stat.size,
      fingerprint: () => hashed,
      exportDate,
      source: { kind: 'file', path },
      open: () => Promise.resolve(readFileStream(path)),
    });
  }

  async function addFolder(root: string, folder: string, exportDate: string | null): Promise<void> {
    const children = await fs.readdir(folder, { withFileTypes: true });
    children.sort((a, b) => a.name.localeCompare(b.name));
    for (const child of children) {
      const full = join(folder, child.name);
      if (child.isDirectory()) await addFolder(root, full, exportDate);
      else if (child.isFile())
        await addFile(full, full, relative(root, full).split('\\').join('/'), exportDate);
    }
  }

  try {
    for (const path of paths) {
      let stat;
      try {
        stat = await fs.stat(path);
      } catch {
        throw new AppError(
          'not-found',
          `${path} does not exist: give the export's zip, its folder or a CSV file`,
        );
      }
      if (stat.isDirectory()) await addFolder(path, path, exportDateFromName(basename(path)));
      else await addFile(path, path, basename(path), null);
    }
  } catch (error) {
    for (const zip of zips) zip.close();
    await Promise.all(spilled.map((file) => fs.rm(file, { force: true })));
    throw error;
  }

  return {
    entries,
    async close() {
      for (const zip of zips) zip.close();
      await Promise.all(spilled.map((file) => fs.rm(file, { force: true })));
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
