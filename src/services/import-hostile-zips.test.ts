import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileReport, tendSession, writeZip, type ZipEntry } from '../../test/support/linkedin-fixtures.js';

/**
 * Zips as they arrive from a damaged download or from someone hostile (docs/RELIABILITY.md, Hostile input):
 * a damaged entry fails as damaged and a good download afterwards imports; nesting and expansion are
 * bounded before anything is spilled; unsafe names are set aside while the rest imports; every problem is
 * one line and exit code 2.
 */
const NOW = '2025-03-10T12:00:00Z';
const CONNECTIONS = Buffer.from(
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n' +
    'Ravi,Menon,https://www.linkedin.com/in/ravi-menon,,Acme,Engineer,01 Mar 2024\n' +
    'Ada,Quinn,https://www.linkedin.com/in/ada-quinn,,Acme,Designer,02 Mar 2024\n',
);

function zipOf(name: string, entries: readonly ZipEntry[]): string {
  const folder = mkdtempSync(join(tmpdir(), 'tend-zip-'));
  return writeZip(join(folder, name), entries);
}

/** The zip with one byte of an entry's data changed, as a bad download would have it. */
function flipByteOfEntryData(zip: string, entryName: string): string {
  const bytes = readFileSync(zip);
  // The first local header's data starts after its 30 bytes and the name (no extra field here).
  const at = 30 + Buffer.byteLength(entryName) + 12;
  bytes[at] = (bytes[at] ?? 0) ^ 0x20;
  const damaged = join(mkdtempSync(join(tmpdir(), 'tend-zip-')), zip.split('/').at(-1) ?? 'damaged.zip');
  writeFileSync(damaged, bytes);
  return damaged;
}

const names = async (session: ReturnType<typeof tendSession>) =>
  (await session.people()).map((person) => person.name).sort();

describe('a damaged zip entry', () => {
  it('fails its file with one line (a stored entry), and the good download afterwards imports', async () => {
    const good = zipOf('Basic_LinkedInDataExport_03-10-2025.zip', [
      { name: 'Connections.csv', data: CONNECTIONS, method: 'stored' },
    ]);
    const bad = flipByteOfEntryData(good, 'Connections.csv');
    const session = tendSession(NOW);
    const damaged = await session.run('import', bad);
    expect(damaged.code).toBe(2);
    expect(damaged.stderr).toMatch(
      /FAILED +\S+ › Connections\.csv: Connections\.csv is damaged inside the zip \(its CRC-32 is [0-9a-f]{8} where the zip says [0-9a-f]{8}\): download the export again\n$/,
    );
    expect(await names(session)).toEqual([]);
    const fixed = await session.importJson(good);
    expect(fixed.code).toBe(0);
    expect(fileReport(fixed.report, 'Connections.csv').unchanged).toBeUndefined();
    expect(await names(session)).toEqual(['Ada Quinn', 'Ravi Menon']);
  });

  it('fails a deflated entry whose compressed bytes are damaged, instead of calling it a file tend does not read', async () => {
    const good = zipOf('export.zip', [{ name: 'Connections.csv', data: CONNECTIONS }]);
    const bad = flipByteOfEntryData(good, 'Connections.csv');
    const session = tendSession(NOW);
    const result = await session.importJson(bad);
    expect(result.code).toBe(2);
    expect(fileReport(result.report, 'Connections.csv').failed).toMatch(
      /^Connections\.csv is damaged inside the zip \(.+\): download the export again$/,
    );
    expect(await names(session)).toEqual([]);
  });
});

describe('zips inside zips', () => {
  const nest = (levels: number): string => {
    let entries: ZipEntry[] = [{ name: 'Connections.csv', data: CONNECTIONS }];
    let zip = '';
    for (let level = levels; level >= 1; level -= 1) {
      zip = zipOf(`level-${level}.zip`, entries);
      entries = [{ name: `level-${level}.zip`, data: readFileSync(zip) }];
    }
    return zip;
  };

  it('reads a zip three deep', async () => {
    const session = tendSession(NOW);
    expect((await session.importJson(nest(3))).code).toBe(0);
    expect(await names(session)).toEqual(['Ada Quinn', 'Ravi Menon']);
  });

  it('does not open a fourth level: reported with one line, nothing spilled for it', async () => {
    const session = tendSession(NOW);
    const result = await session.run('import', nest(4));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /FAILED +\S*level-1\.zip › level-2\.zip › level-3\.zip › level-4\.zip: not read: a zip nested more than 3 deep \(an export never is\)\n$/,
    );
    expect(await names(session)).toEqual([]);
  });

  it('refuses an inner zip that would expand beyond the limit before a byte of it is written', async () => {
    // An inner zip whose directory says it is 1 GiB (a 3 MB nested bomb writes 3 GB otherwise).
    const inner = zipOf('inner.zip', [{ name: 'Connections.csv', data: CONNECTIONS }]);
    const outer = zipOf('export.zip', [
      { name: 'inner.zip', data: readFileSync(inner), declaredSize: 1024 * 1024 * 1024 },
      { name: 'Profile.csv', data: Buffer.from('First Name,Last Name,Headline\nAlex,Owner,Builder\n') },
    ]);
    const session = tendSession(NOW);
    const result = await session.importJson(outer);
    expect(result.code).toBe(2);
    expect(fileReport(result.report, 'inner.zip').failed).toBe(
      'not read: the zip would expand to more than 256 MB (20× its 1 MB; a zip bomb?)',
    );
    expect(fileReport(result.report, 'Profile.csv').failed).toBeUndefined();
    const spill = join(session.data, 'tmp');
    expect(existsSync(spill) ? readdirSync(spill) : []).toEqual([]);
  });

  it('stops an entry that inflates to more than its directory says, as damaged', async () => {
    const lying = zipOf('export.zip', [
      {
        name: 'Connections.csv',
        data: Buffer.concat([CONNECTIONS, Buffer.alloc(100_000, 0x41)]),
        declaredSize: 64,
      },
    ]);
    const session = tendSession(NOW);
    const result = await session.importJson(lying);
    expect(result.code).toBe(2);
    expect(fileReport(result.report, 'Connections.csv').failed).toMatch(/is damaged inside the zip/);
  });

  it('removes spill files a killed import left behind at the next start, and keeps a running one’s', async () => {
    const session = tendSession(NOW);
    const spill = join(session.data, 'tmp');
    mkdirSync(spill, { recursive: true });
    // No process has pid 2^22 + 1 (Linux pids stay below 2^22).
    writeFileSync(join(spill, `inner-${2 ** 22 + 1}-0.zip`), Buffer.alloc(1024));
    writeFileSync(join(spill, `inner-${process.pid}-0.zip`), Buffer.alloc(16));
    expect((await session.run('people')).code).toBe(0);
    expect(readdirSync(spill)).toEqual([`inner-${process.pid}-0.zip`]);
  });
});

describe('entry names', () => {
  it('sets aside ../ and absolute names with one line each and imports the valid entries (exit 2)', async () => {
    const zip = zipOf('export.zip', [
      { name: '../escape.csv', data: CONNECTIONS },
      { name: '/etc/absolute.csv', data: CONNECTIONS },
      { name: 'Connections.csv', data: CONNECTIONS },
    ]);
    const session = tendSession(NOW);
    const result = await session.run('import', zip);
    expect(result.code).toBe(2);
    const failures = result.stderr.trim().split('\n');
    expect(failures).toEqual([
      expect.stringMatching(
        /FAILED +\S+ › \.\.\/escape\.csv: not read: its name is a path that leads out of the export \(\.\.\)$/,
      ),
      expect.stringMatching(/FAILED +\S+ › \/etc\/absolute\.csv: not read: its name is an absolute path$/),
    ]);
    expect(result.stderr).not.toMatch(/unexpected error/);
    expect(await names(session)).toEqual(['Ada Quinn', 'Ravi Menon']);
  });
});

describe('an empty file', () => {
  it('is reported when it is a file tend reads (a 0-byte Connections.csv), not silently ignored', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'tend-empty-'));
    writeFileSync(join(folder, 'Connections.csv'), '');
    const session = tendSession(NOW);
    const result = await session.importJson(folder);
    expect(result.code).toBe(2);
    expect(fileReport(result.report, 'Connections.csv').failed).toBe(
      'the file is empty (0 bytes): the export was cut off or its download failed; download the export again',
    );
  });
});
