import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  fileReport,
  folderEntries,
  materializeEra,
  networkState,
  tendSession,
  writeZip,
  type ImportReportJson,
} from '../../test/support/linkedin-fixtures.js';

/**
 * docs/rules/identity-and-imports.md#unchanged-files: importing is idempotent and order-independent. The same
 * export twice changes nothing; an older era then a newer one gives what the newer one alone gives; files in
 * separate runs in any order give what one run gives; what the user set survives; zips (and zips in zips)
 * read like folders.
 */

const BERLIN = ['--tz', 'Europe/Berlin'];
const SPRING_2025 = '2025-03-10T12:00:00Z';
const WINTER_2026 = '2026-02-10T12:00:00Z';

/** One run of the 2024–2025 export into a fresh data folder: what every other way of importing it must give. */
let oneRun: Promise<{ state: unknown; triage: unknown; paths: string[] }> | undefined;
function oneRunOf2024(): Promise<{ state: unknown; triage: unknown; paths: string[] }> {
  oneRun ??= (async () => {
    const session = tendSession(SPRING_2025);
    const { report } = await session.importJson(...BERLIN, materializeEra('2024-2025'));
    return {
      state: await networkState(session),
      triage: (await session.triage()).map((entry) => entry.invitation),
      paths: report.files.map((file) => file.path),
    };
  })();
  return oneRun;
}

function addedNothing(report: ImportReportJson) {
  return {
    totals: report.totals,
    imported: report.files.filter((file) => file.imported > 0).map((file) => basename(file.path)),
  };
}

describe('importing the same export again', () => {
  it('changes nothing when the files are the same: every file is recognised as unchanged', async () => {
    const session = tendSession(SPRING_2025);
    const folder = materializeEra('2024-2025');
    expect((await session.importJson(...BERLIN, folder)).code).toBe(0);
    // The first import wrote its messages without SQLite's per-row foreign key checks (first-import.ts).
    const database = new BetterSqlite3(join(session.data, 'tend.db'), { readonly: true });
    expect(database.pragma('foreign_key_check')).toEqual([]);
    expect(
      database.prepare("select count(*) from interactions where kind = 'message'").pluck().get(),
    ).toBeGreaterThan(0);
    database.close();
    const again = await session.importJson(...BERLIN, folder);
    expect(again.code).toBe(0);
    expect(addedNothing(again.report)).toEqual({
      totals: { peopleAdded: 0, peopleUpdated: 0, interactionsAdded: 0, invitationsAdded: 0, recordsKept: 0 },
      imported: [],
    });
    for (const file of again.report.files.filter((entry) => entry.format !== 'ignored')) {
      expect([basename(file.path), file.unchanged, file.skipped], file.path).toEqual([
        basename(file.path),
        true,
        { 'unchanged file': 1 },
      ]);
    }
    expect(await networkState(session)).toEqual((await oneRunOf2024()).state);
  });

  it('adds nothing when every file is read again (another zone): each row is counted as already there', async () => {
    const session = tendSession(SPRING_2025);
    const folder = materializeEra('2024-2025');
    await session.importJson(...BERLIN, folder);
    // The zone is part of the fingerprint but never of a source key
    // (docs/rules/identity-and-imports.md#source-keys): the files are re-read.
    const again = await session.importJson('--tz', 'America/New_York', folder);
    expect(again.code).toBe(0);
    expect(again.report.totals).toEqual({
      peopleAdded: 0,
      peopleUpdated: 0,
      interactionsAdded: 0,
      invitationsAdded: 0,
      recordsKept: 0,
    });
    expect(await networkState(session)).toEqual((await oneRunOf2024()).state);
    // DECISIONS.md: records already present are counted under "already imported", not as imported.
    const miscounted = again.report.files
      .filter((file) => file.format !== 'ignored')
      .filter((file) => {
        const skipped = Object.values(file.skipped).reduce((sum, count) => sum + count, 0);
        return file.unchanged || file.imported !== 0 || skipped !== file.rowsRead;
      })
      .map((file) => ({
        file: basename(file.path),
        rowsRead: file.rowsRead,
        imported: file.imported,
        skipped: file.skipped,
      }));
    expect(miscounted).toEqual([]);
  });
});

describe('importing an older era, then a newer export of the same network', () => {
  it('gives the people and interactions of the newer export alone (2018, then 2026)', async () => {
    const newerOnly = tendSession(WINTER_2026);
    await newerOnly.importJson(...BERLIN, materializeEra('2026'));
    const expected = await networkState(newerOnly);

    const both = tendSession(WINTER_2026);
    expect((await both.importJson(...BERLIN, materializeEra('2018-complete'))).code).toBe(0);
    const { code, report } = await both.importJson(...BERLIN, materializeEra('2026'));
    expect(code).toBe(0);
    expect(await networkState(both)).toEqual(expected);
    expect(report.totals.peopleAdded).toBe(7);
    const messages = fileReport(report, 'messages.csv');
    expect([messages.imported, messages.skipped]).toEqual([9, { 'already imported': 11 }]);
    const invitations = fileReport(report, 'Invitations.csv');
    expect([invitations.imported, invitations.skipped]).toEqual([3, { 'already imported': 3 }]);
  });

  it('marks a connection missing from the newer export "no longer connected", keeping everything else', async () => {
    const session = tendSession(WINTER_2026);
    await session.importJson(...BERLIN, materializeEra('2024-2025'));
    const sven = await session.show('https://www.linkedin.com/in/sven-olofsson');
    expect(sven.connectionState).toBe('connected');
    const { report } = await session.importJson(...BERLIN, materializeEra('2026'));
    expect(fileReport(report, 'Notes.csv').imported).toBe(3);
    const later = await session.show(String(sven.id));
    expect(later.connectionState).toBe('no-longer-connected');
    expect(later.connectedAt).toBe(sven.connectedAt);
    expect(later.timeline).toEqual(sven.timeline);
    expect(later.notes).toBe('Left Kettle & Crane in 2025.');
    const tomas = await session.show('https://www.linkedin.com/in/tomas-berglund-3f2a1b');
    expect(tomas.position).toBe('Chief Partnerships Officer');
    expect(tomas.history.filter((row) => row.field === 'position').map((row) => row.value)).toEqual([
      'VP, Partnerships',
      'Chief Partnerships Officer',
    ]);
    const fatima = await session.show('https://www.linkedin.com/in/fatima-el-idrissi');
    expect(fatima.connectionState).toBe('connected');
    const messages = fileReport(report, 'messages.csv');
    expect([messages.imported, messages.skipped]).toEqual([17, { 'already imported': 3 }]);
  });
});

describe('importing the files of one export in separate runs', () => {
  it('in reverse dependency order gives the result of one run', async () => {
    const expected = await oneRunOf2024();
    const separate = tendSession(SPRING_2025);
    const folder = materializeEra('2024-2025');
    // The one run's report lists the files in dependency order; here they come one by one, last first.
    for (const path of expected.paths.map((path) => join(folder, basename(path))).reverse()) {
      expect((await separate.importJson(...BERLIN, path)).code, path).toBe(0);
    }
    expect(await networkState(separate)).toEqual(expected.state);
    expect((await separate.triage()).map((entry) => entry.invitation)).toEqual(expected.triage);
  });
});

describe('what the user set', () => {
  it('survives re-importing the export and importing a newer one', async () => {
    const session = tendSession(WINTER_2026);
    const folder = materializeEra('2024-2025');
    await session.importJson(...BERLIN, folder);
    const zoe = 'https://www.linkedin.com/in/zo%C3%AB-marchetti-5c1d';
    const lukas = 'https://www.linkedin.com/in/lukas-brenner-b2';
    for (const argv of [
      ['set', zoe, '--circle', 'inner', '--how-met', 'Lumen Labs partner portal, 2018', '--tag', 'design'],
      ['set', lukas, '--how-met', 'Hafenlicht demo day, introduced by Tomas', '--notes', 'Prefers calls'],
    ]) {
      expect((await session.run(...argv)).code, argv.join(' ')).toBe(0);
    }
    await session.importJson('--tz', 'America/New_York', folder);
    await session.importJson(...BERLIN, materializeEra('2026'));
    const shownZoe = await session.show(zoe);
    expect([shownZoe.circle, shownZoe.howMet]).toEqual(['inner', 'Lumen Labs partner portal, 2018']);
    const shownLukas = await session.show(lukas);
    expect([shownLukas.howMet, shownLukas.notes]).toEqual([
      'Hafenlicht demo day, introduced by Tomas',
      'Prefers calls',
    ]);
    expect(shownLukas.initiatedBy).toBe('them');
  });
});

describe('zip input', () => {
  it('reads a zip and a zip inside a zip like the unpacked folder, and recognises them when imported again', async () => {
    const folder = materializeEra('2024-2025');
    const expected = (await oneRunOf2024()).state;

    const zip = writeZip(
      join(folder, '..', 'Basic_LinkedInDataExport_03-10-2025.zip'),
      folderEntries(folder),
    );
    const fromZip = tendSession(SPRING_2025);
    const first = await fromZip.importJson(...BERLIN, zip);
    expect(first.code).toBe(0);
    expect(first.report.files.map((file) => file.path)).toContain(`${zip} › messages.csv`);
    expect(fileReport(first.report, 'messages.csv')).toMatchObject({ rowsRead: 25, imported: 22 });
    expect(await networkState(fromZip)).toEqual(expected);
    const again = await fromZip.importJson(...BERLIN, zip);
    expect(
      again.report.files.filter((file) => file.format !== 'ignored').every((file) => file.unchanged),
    ).toBe(true);

    const outer = writeZip(join(folder, '..', 'export.zip.zip'), [
      { name: 'Basic_LinkedInDataExport_03-10-2025.zip', data: readFileSync(zip) },
    ]);
    const fromNested = tendSession(SPRING_2025);
    const nested = await fromNested.importJson(...BERLIN, outer);
    expect(nested.code).toBe(0);
    expect(fileReport(nested.report, 'Connections.csv').path).toMatch(
      /export\.zip\.zip › Basic_LinkedInDataExport_03-10-2025\.zip › Connections\.csv$/,
    );
    expect(await networkState(fromNested)).toEqual(expected);
    // The inner zip was spilled to the data folder and removed afterwards.
    const spill = join(fromNested.data, 'tmp');
    expect(existsSync(spill) ? readdirSync(spill) : []).toEqual([]);
  });
});
