import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tendSession } from '../../../test/support/linkedin-fixtures.js';

/**
 * docs/rules/identity-and-imports.md#name-and-connected-on: across exports, a connection the URL and e-mail
 * do not find is the stored one with the same normalised name and `Connected On` date, unless an identity
 * tells them apart.
 */

const NOW = '2026-02-10T12:00:00Z';
const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';

function connections(rows: string[], header = HEADER): string {
  const folder = join(mkdtempSync(join(tmpdir(), 'tend-connections-')), 'export');
  mkdirSync(folder);
  const file = join(folder, 'Connections.csv');
  writeFileSync(file, [header, ...rows].join('\n'));
  return file;
}

async function peopleAfter(...files: string[]) {
  const session = tendSession(NOW);
  for (const file of files) expect((await session.importJson('--tz', 'Europe/Berlin', file)).code).toBe(0);
  const shown = [];
  for (const person of await session.people()) shown.push(await session.show(String(person.id)));
  return shown.map((person) => [person.name, person.emails, person.urls, person.company]);
}

describe('a connection seen again in a later export', () => {
  it('is the same person when one export knew only the e-mail and the other only the URL', async () => {
    expect(
      await peopleAfter(
        connections(['Ada,Berg,,ada@example.com,Fjordlight,Analyst,12 Mar 2019']),
        connections(['Ada,Berg,https://www.linkedin.com/in/ada-berg,,Nordvik,Lead,12 Mar 2019']),
      ),
    ).toEqual([['Ada Berg', ['ada@example.com'], ['https://www.linkedin.com/in/ada-berg'], 'Nordvik']]);
  });

  it('is another person when the two URLs differ, or the day', async () => {
    const people = await peopleAfter(
      connections([
        'Ada,Berg,https://www.linkedin.com/in/ada-berg,,Fjordlight,Analyst,12 Mar 2019',
        'Bo,Lind,,,Fjordlight,Analyst,12 Mar 2019',
      ]),
      connections([
        'Ada,Berg,https://www.linkedin.com/in/ada-berg-2,,Nordvik,Lead,12 Mar 2019',
        'Bo,Lind,,,Nordvik,Lead,13 Mar 2019',
      ]),
    );
    expect(people.map(([name]) => name)).toEqual(['Ada Berg', 'Ada Berg', 'Bo Lind', 'Bo Lind']);
  });

  it('keeps two connections of one export apart, though they share name and day and have no URL', async () => {
    const header = 'First Name,Last Name,Email Address,Company,Position,Connected On';
    const people = await peopleAfter(
      connections(
        ['Erik,Sandvik,,Nordhavn,Sales,02 Aug 2022', 'Erik,Sandvik,,Sandvik AB,Owner,02 Aug 2022'],
        header,
      ),
    );
    expect(people.map(([name, , , company]) => [name, company])).toEqual([
      ['Erik Sandvik', 'Nordhavn'],
      ['Erik Sandvik', 'Sandvik AB'],
    ]);
  });
});
