import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  fileReport,
  materializeEra,
  networkState,
  tendSession,
  type Era,
} from '../../../test/support/linkedin-fixtures.js';

/**
 * docs/rules/identity-and-imports.md#import-order: the files of one export imported in separate runs, in any
 * order, give what one import gives. Every era, one file per run, last dependency first (the 2024–2025 export
 * is covered by import-idempotence.test.ts).
 */

const ERAS: Array<[Era, string]> = [
  ['2018-complete', '2018-12-10T12:00:00Z'],
  ['2021-2023-no-url', '2022-09-18T12:00:00Z'],
  ['2023-urn', '2023-07-11T12:00:00Z'],
  ['2026', '2026-02-10T12:00:00Z'],
];

describe.each(ERAS)('the %s export, one file per run in reverse dependency order', (era, now) => {
  it('gives the people, timelines and pending invitations of one import', async () => {
    const one = tendSession(now);
    const { report } = await one.importJson('--tz', 'Europe/Berlin', materializeEra(era));
    const folder = materializeEra(era);
    const separate = tendSession(now);
    for (const path of report.files.map((file) => join(folder, basename(file.path))).reverse()) {
      expect((await separate.importJson('--tz', 'Europe/Berlin', path)).code, path).toBe(0);
    }
    // People of the same name come in id order, which the order of the runs may change.
    const stable = async (session: typeof one) =>
      (await networkState(session)).map((person) => JSON.stringify(person)).sort();
    expect(await stable(separate)).toEqual(await stable(one));
    const pending = async (session: typeof one) =>
      (await session.triage()).map((entry) => [entry.invitation, entry.person?.name ?? null]);
    expect(await pending(separate)).toEqual(await pending(one));
  });
});

describe('every era of one network, oldest first or newest first', () => {
  it('gives the same people, connection states and timelines', async () => {
    const eras: Era[] = ['2018-complete', '2021-2023-no-url', '2023-urn', '2024-2025', '2026'];
    const stateAfter = async (order: Era[]) => {
      const session = tendSession('2026-02-10T12:00:00Z');
      for (const era of order) await session.importJson('--tz', 'Europe/Berlin', materializeEra(era));
      // Notes.csv read before the export that has the connection finds nobody (DECISIONS.md): not compared.
      return (await networkState(session)).map((person) => JSON.stringify({ ...person, notes: null })).sort();
    };
    const oldestFirst = await stateAfter(eras);
    expect(oldestFirst).toHaveLength(21);
    expect(await stateAfter([...eras].reverse())).toEqual(oldestFirst);
  });
});

describe('a file that fails in the middle of a run', () => {
  it('leaves no trace of the people it found for the files after it', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'tend-run-')), 'export');
    mkdirSync(folder);
    const ruth = 'https://www.linkedin.com/in/ruth-asante-recruits';
    writeFileSync(
      join(folder, 'Profile.csv'),
      'First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\nLinnea,Voss,,,,Partnerships,,Logistics,,,,,\n',
    );
    writeFileSync(
      join(folder, 'messages.csv'),
      [
        'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER',
        `2-cnV0aA==,,Linnea Voss,https://www.linkedin.com/in/linnea-voss,Ruth Asante,${ruth},2025-02-25 14:00:00 UTC,,<p>Not now.</p>,INBOX`,
        `2-cnV0aA==,,Ruth Asante,${ruth},Linnea Voss,https://www.linkedin.com/in/linnea-voss,2025-02-25 13:05:00 UTC,,<p>Interested?</p>,INBOX`,
        // A third of the rows malformed: the file fails after its rows were written, and is rolled back.
        `2-bmV2ZXI=,,Ruth Asante,${ruth},Linnea Voss,https://www.linkedin.com/in/linnea-voss,sometime in 2025,,<p>Hi</p>,INBOX`,
      ].join('\n'),
    );
    writeFileSync(
      join(folder, 'Endorsement_Received_Info.csv'),
      [
        'Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,Endorser Public Url,Endorsement Status',
        '2025/01/11 17:00:00 UTC,Hiring,Ruth,Asante,www.linkedin.com/in/ruth-asante-recruits,ACCEPTED',
      ].join('\n'),
    );
    const session = tendSession('2025-03-10T12:00:00Z');
    const { code, report } = await session.importJson('--tz', 'Europe/Berlin', folder);
    expect(code).toBe(2);
    expect(fileReport(report, 'messages.csv').failed).toBeDefined();
    // Ruth existed only in the rolled-back messages.csv: the endorsement waits for her instead.
    expect(fileReport(report, 'Endorsement_Received_Info.csv')).toMatchObject({
      imported: 0,
      skipped: { unmatched: 1 },
    });
    expect(await session.people()).toEqual([]);
  });
});
