import { createWriteStream, mkdirSync, promises as fs } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { readFileChunks, readFileStream } from './file-chunks.js';
import { hashFile } from './file-hash.js';
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

/**
 * Opens an entry's bytes from its source alone (in a worker thread, which cannot share the opener's zip
 * handle); `close` releases the zip when the stream is done with.
 */
/**
 * The entry's bytes for a reader that decodes each chunk before it asks for the next (a file's chunks share
 * one buffer: file-chunks.ts); `close` ends the reading early.
 */
export async function openEntrySource(
  source: EntrySource,
): Promise<{ chunks: AsyncIterable<Uint8Array>; close(): void }> {
  if (source.kind === 'file') {
    const chunks = readFileChunks(source.path);
    return { chunks, close: () => void chunks.return() };
  }
  const zip = await openZip(source.zipPath);
  try {
    const entry = (await listZipEntries(zip)).find((candidate) => candidate.fileName === source.entryName);
    if (!entry) throw new Error(`${source.entryName} is no longer in ${source.zipPath}`);
    const stream = await openZipEntry(zip, entry);
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

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, strictFileNames: false }, (error, zip) => {
      if (error || !zip) reject(error ?? new Error('cannot open zip'));
      else resolve(zip);
    });
  });
}

function listZipEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

function openZipEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) reject(error ?? new Error('cannot read zip entry'));
      else resolve(stream);
    });
  });
}

export async function openImportSources(paths: readonly string[], spillDir: string): Promise<OpenedSources> {
  const entries: ImportEntry[] = [];
  const zips: yauzl.ZipFile[] = [];
  const spilled: string[] = [];

  async function addZip(zipPath: string, display: string, exportDate: string | null): Promise<void> {
    let zip: yauzl.ZipFile;
    try {
      zip = await openZip(zipPath);
    } catch (error) {
      throw new AppError(
        'bad-input',
        `${display} is not a readable zip file (${(error as Error).message}): download the export again`,
      );
    }
    zips.push(zip);
    const zipEntries = await listZipEntries(zip);
    for (const entry of zipEntries) {
      if (entry.fileName.endsWith('/')) continue;
      const innerDisplay = `${display} › ${entry.fileName}`;
      if (/\.zip$/i.test(entry.fileName)) {
        // A zip inside a zip (macOS `.zip.zip`): spilled to a temporary file, never held in memory.
        mkdirSync(spillDir, { recursive: true });
        const target = join(spillDir, `inner-${process.pid}-${spilled.length}.zip`);
        spilled.push(target);
        await pipeline(await openZipEntry(zip, entry), createWriteStream(target));
        await addZip(target, innerDisplay, exportDateFromName(entry.fileName) ?? exportDate);
        continue;
      }
      entries.push({
        displayPath: innerDisplay,
        innerPath: entry.fileName,
        size: entry.uncompressedSize,
        fingerprint: () => Promise.resolve(`zip:${entry.fileName}:${entry.uncompressedSize}:${entry.crc32}`),
        exportDate,
        source: { kind: 'zip', zipPath, entryName: entry.fileName },
        open: () => openZipEntry(zip, entry),
      });
    }
  }

  async function addFile(
    path: string,
    display: string,
    innerPath: string,
    exportDate: string | null,
  ): Promise<void> {
    if (/\.zip$/i.test(path)) {
      await addZip(path, display, exportDateFromName(basename(path)) ?? exportDate);
      return;
    }
    const stat = await fs.stat(path);
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
