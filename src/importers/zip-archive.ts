import { Transform, type Readable, type TransformCallback } from 'node:stream';
import zlib from 'node:zlib';
import yauzl from 'yauzl';

/**
 * A zip file read defensively: entry names decoded here so that an unsafe one (`../`, an absolute path) is
 * set aside with its reason instead of failing the whole archive, and every entry's bytes checked against
 * the CRC-32 its directory states (yauzl checks sizes, not CRCs), so a damaged entry fails instead of
 * importing wrong text.
 */
export interface ZipEntry {
  /** The name inside the zip, `/`-separated (backslashes of Windows zippers turned into slashes). */
  name: string;
  uncompressedSize: number;
  crc32: number;
  raw: yauzl.Entry;
}

export interface ZipArchive {
  entries: ZipEntry[];
  /** Entries whose names are unsafe to use, with why: reported, never read. */
  rejected: Array<{ name: string; reason: string }>;
  /** The entry's bytes; the stream fails with ZipEntryDamagedError when they are not what the zip says. */
  open(entry: ZipEntry): Promise<Readable>;
  close(): void;
}

/** An entry whose bytes do not match its CRC-32, or that does not inflate: the download is damaged. */
export class ZipEntryDamagedError extends Error {
  constructor(name: string, detail: string) {
    super(`${name} is damaged inside the zip (${detail}): download the export again`);
    this.name = 'ZipEntryDamagedError';
  }
}

// yauzl's own name decoding and check (exported by yauzl, missing from its type declarations).
const lowLevel = yauzl as unknown as {
  getFileNameLowLevel(flags: number, raw: Buffer, extraFields: unknown[], strict: boolean): string;
  validateFileName(name: string): string | null;
};

export async function openZipArchive(path: string): Promise<ZipArchive> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    yauzl.open(
      path,
      { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true },
      (error, opened) => (error || !opened ? reject(error ?? new Error('cannot open zip')) : resolve(opened)),
    );
  });
  try {
    const entries: ZipEntry[] = [];
    const rejected: ZipArchive['rejected'] = [];
    for (const raw of await listEntries(zip)) {
      const fields = raw as unknown as { fileNameRaw: Buffer; extraFields: unknown[] };
      const name = lowLevel.getFileNameLowLevel(
        raw.generalPurposeBitFlag,
        fields.fileNameRaw,
        fields.extraFields,
        false,
      );
      const unsafe = lowLevel.validateFileName(name);
      if (unsafe) rejected.push({ name: printable(name), reason: unsafeReason(unsafe) });
      else entries.push({ name, uncompressedSize: raw.uncompressedSize, crc32: raw.crc32, raw });
    }
    return {
      entries,
      rejected,
      open: (entry) => openVerified(zip, entry),
      close: () => zip.close(),
    };
  } catch (error) {
    zip.close();
    throw error;
  }
}

function unsafeReason(message: string): string {
  if (message.startsWith('absolute path')) return 'an absolute path';
  if (message.startsWith('invalid relative path')) return 'a path that leads out of the export (..)';
  return 'characters not allowed in a file name';
}

/** A name as it may be shown on a terminal: control characters replaced. */
function printable(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

function listEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
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

function openVerified(zip: yauzl.ZipFile, entry: ZipEntry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry.raw, (error, stream) => {
      if (error || !stream) {
        reject(new ZipEntryDamagedError(entry.name, error?.message ?? 'cannot read it'));
        return;
      }
      const checked = new CrcCheck(entry);
      // Inflate errors and size mismatches surface as the same one clear failure.
      stream.on('error', (cause: Error) =>
        checked.destroy(new ZipEntryDamagedError(entry.name, cause.message)),
      );
      checked.on('close', () => stream.destroy());
      resolve(stream.pipe(checked));
    });
  });
}

/** Passes the bytes through, computing their CRC-32; at the end, fails unless it is the one the zip states. */
class CrcCheck extends Transform {
  private crc = 0;

  constructor(private readonly entry: ZipEntry) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.crc = crc32(chunk, this.crc);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.crc === this.entry.crc32) callback();
    else
      callback(
        new ZipEntryDamagedError(
          this.entry.name,
          `its CRC-32 is ${hex(this.crc)} where the zip says ${hex(this.entry.crc32)}`,
        ),
      );
  }
}

const hex = (value: number) => value.toString(16).padStart(8, '0');

type Crc32 = (data: Uint8Array, initial: number) => number;
let crc32Function: Crc32 | undefined;

/**
 * zlib's CRC-32 (Node ≥ 20.15), else the same computed here; chosen at the first zip, not when the module
 * loads: zlib loads only for commands that read a zip (docs/PERFORMANCE.md#lazy-modules).
 */
function crc32(data: Uint8Array, initial: number): number {
  crc32Function ??=
    typeof (zlib as { crc32?: unknown }).crc32 === 'function'
      ? (zlib as unknown as { crc32: Crc32 }).crc32
      : crc32Table();
  return crc32Function(data, initial);
}

function crc32Table(): (data: Uint8Array, initial: number) => number {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return (data, initial) => {
    let c = ~initial >>> 0;
    for (const byte of data) c = (table[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
    return ~c >>> 0;
  };
}
