import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  encodeUtf16le,
  fileReport,
  fixturePath,
  importEra,
  materializeEra,
  onlyPerson,
  reportRows,
  tendSession,
  toTabSeparatedAllQuoted,
  type ImportedEra,
  type ShowJson,
} from '../../test/support/linkedin-fixtures.js';

/**
 * The older LinkedIn export eras (2018, mid-2021 to mid-2023 without URLs, the mid-2023 URN variant), each
 * imported through the CLI as a user would, asserted against test/fixtures/linkedin/<era>/EXPECTED.md.
 */

const messages = (person: ShowJson) =>
  person.timeline
    .filter((entry) => entry.kind === 'message')
    .map((entry) => [entry.direction, entry.at, entry.summary]);

describe('the 2018 Complete export', () => {
  let era: ImportedEra;
  beforeAll(async () => {
    era = await importEra(tendSession('2018-12-10T12:00:00Z'), materializeEra('2018-complete'));
  });

  it('recognises every file by its header, in dependency order, and ignores the UTF-16 activity files', () => {
    expect(era.code).toBe(0);
    const rows = reportRows(era.report);
    expect(rows.filter(([file]) => file !== 'Messages.csv')).toEqual([
      ['Profile.csv', 'linkedin-profile', 1, 1, {}],
      ['Connections.csv', 'linkedin-connections', 6, 6, {}],
      ['Imported Contacts.csv', 'linkedin-contacts', 2, 1, { 'no identity': 1 }],
      ['Invitations.csv', 'linkedin-invitations', 3, 3, {}],
      ['Logins.csv', 'ignored', 0, 0, {}],
      ['Search Queries.csv', 'ignored', 0, 0, {}],
    ]);
    expect(rows.map(([file]) => file).indexOf('Messages.csv')).toBe(4);
    expect(era.report.files.some((file) => file.failed)).toBe(false);
    expect(era.report.owner).toEqual({ name: 'Linnea Voss', url: null });
    expect(era.report.totals.peopleAdded).toBe(6);
    expect(era.report.totals.invitationsAdded).toBe(3);
  });

  it('creates the six connections with quoted commas, "" in names, e-mails and Connected On as a Berlin calendar date', () => {
    const table = [...era.people.values()].flat().map((person) => ({
      name: person.name,
      company: person.company,
      position: person.position,
      connectedAt: person.connectedAt,
      emails: person.emails,
      urls: person.urls,
      connectionState: person.connectionState,
    }));
    const row = (
      name: string,
      company: string,
      position: string,
      connectedAt: string,
      emails: string[] = [],
    ) => ({ name, company, position, connectedAt, emails, urls: [], connectionState: 'connected' });
    expect(table).toEqual([
      row('Hanna Kovač', 'Brightwave', 'Engineering Manager', '2018-06-29T22:00:00Z', [
        'hanna.kovac@brightwave.example',
      ]),
      row('Miguel Ferreira', 'Atlas Growth Partners', 'Principal, Growth', '2018-01-04T23:00:00Z', [
        'miguel@atlasgrowth.example',
      ]),
      row('Priya Raman', 'Fjordlight', 'Data Scientist', '2018-10-20T22:00:00Z'),
      row('Robert "Bobby" Okafor', 'Northgate Freight', 'Ops Lead', '2017-11-01T23:00:00Z'),
      row('Tomas Berglund', 'Kettle & Crane, Inc.', 'Director, Partnerships', '2018-09-08T22:00:00Z'),
      row('Zoë Marchetti', 'Lumen Labs', 'Product Designer', '2018-03-13T23:00:00Z', [
        'zoe.marchetti@example.com',
      ]),
    ]);
  });

  it('reads the local "M/D/YY, h:mm AM" times in the --tz zone and takes the direction from the Direction column', () => {
    expect(messages(onlyPerson(era, 'Tomas Berglund'))).toEqual([
      ['out', '2018-09-10T16:20:00Z', 'Here it is. Page 4 has the numbers we discussed.'],
      ['in', '2018-09-10T06:15:00Z', 'Likewise! Send me the deck and I’ll loop in our ops team.'],
      [
        'out',
        '2018-09-09T07:41:00Z',
        'Great to meet you at the Hamburg logistics meetup, Tomas – let’s talk about the pilot & pricing.',
      ],
    ]);
    // Winter time (UTC+1) and a name with "" matched to its connection.
    expect(
      messages(onlyPerson(era, 'Robert "Bobby" Okafor')).map(([direction, at]) => [direction, at]),
    ).toEqual([
      ['out', '2018-12-03T17:30:00Z'],
      ['in', '2018-12-03T16:07:00Z'],
    ]);
    expect(messages(onlyPerson(era, 'Zoë Marchetti')).map(([direction, at]) => [direction, at])).toEqual([
      ['in', '2018-03-16T08:05:00Z'],
      ['out', '2018-03-15T12:47:00Z'],
      ['in', '2018-03-15T09:02:00Z'],
    ]);
    expect(messages(onlyPerson(era, 'Hanna Kovač'))).toEqual([
      ['in', '2018-07-02T06:45:00Z', 'Hi Linnea – thanks for the intro to Priya. We’re meeting next week.'],
    ]);
    expect(messages(onlyPerson(era, 'Miguel Ferreira'))).toHaveLength(2);
  });

  it('derives how we met and who initiated from accepted invitations; the stranger stays pending', async () => {
    const tomas = onlyPerson(era, 'Tomas Berglund');
    expect([tomas.initiatedBy, tomas.howMet]).toEqual([
      'me',
      "Hi Tomas, great meeting you at the Hamburg logistics meetup – let's stay in touch.",
    ]);
    const priya = onlyPerson(era, 'Priya Raman');
    expect([priya.initiatedBy, priya.howMet]).toEqual(['them', null]);
    const pending = await era.session.triage();
    expect(pending.map((entry) => [entry.invitation, entry.person])).toEqual([
      [
        {
          from: 'Jens Albrecht',
          url: null,
          sentAt: '2018-11-28T14:47:00Z',
          message: "Hello Linnea, I'd like to join your LinkedIn network.",
        },
        null,
      ],
    ]);
  });

  it('reports the name-only message that matches no connection, with its line, and creates no person for it', () => {
    expect(era.people.has('Dana Whitfield')).toBe(false);
    const file = fileReport(era.report, 'Messages.csv');
    expect([file.rowsRead, file.imported, file.skipped]).toEqual([12, 11, { unmatched: 1 }]);
    expect(file.problems).toEqual([
      { line: 4, message: expect.stringContaining('Dana Whitfield') as string },
    ]);
  });

  it('keeps a company and position observation for every connection, with or without URL and e-mail', () => {
    for (const person of [...era.people.values()].flat()) {
      expect(
        person.history.map((row) => [row.field, row.value]),
        person.name,
      ).toEqual([
        ['company', person.company],
        ['position', person.position],
      ]);
    }
  });

  it('reads a file tend uses in its 2018 UTF-16LE, tab-separated, every-field-quoted form', async () => {
    const dir = materializeEra('2018-complete');
    const utf16 = join(dir, 'Connections.csv');
    writeFileSync(utf16, encodeUtf16le(toTabSeparatedAllQuoted(readFileSync(utf16, 'utf8'))));
    expect([...readFileSync(utf16).subarray(0, 4)]).toEqual([0xff, 0xfe, 0x22, 0x00]);
    const session = tendSession('2018-12-10T12:00:00Z');
    const { code, report } = await session.importJson('--tz', 'Europe/Berlin', utf16);
    expect(code).toBe(0);
    expect(reportRows(report)).toEqual([['Connections.csv', 'linkedin-connections', 6, 6, {}]]);
    const people = await session.people();
    expect(people.map((person) => [person.name, person.company, person.position])).toEqual(
      [...era.people.values()].flat().map((person) => [person.name, person.company, person.position]),
    );
  });
});

describe('a mid-2021 to mid-2023 export (no URL column)', () => {
  let era: ImportedEra;
  beforeAll(async () => {
    era = await importEra(tendSession('2022-09-18T12:00:00Z'), materializeEra('2021-2023-no-url'));
  });

  it('reads the preamble, the 9-column messages and the endorsements without Public Url', () => {
    expect(era.code).toBe(0);
    expect(reportRows(era.report)).toEqual([
      ['Profile.csv', 'linkedin-profile', 1, 1, {}],
      ['Connections.csv', 'linkedin-connections', 9, 8, { 'hidden profile': 1 }],
      ['Invitations.csv', 'linkedin-invitations', 4, 4, {}],
      ['messages.csv', 'linkedin-messages', 11, 11, {}],
      ['Endorsement_Received_Info.csv', 'linkedin-endorsements-received', 3, 2, { unmatched: 1 }],
    ]);
    expect(fileReport(era.report, 'Endorsement_Received_Info.csv').problems).toEqual([
      { line: 2, message: 'no connection matches "Erik Sandvik"' },
    ]);
    expect(era.report.owner).toEqual({ name: 'Linnea Voss', url: 'https://www.linkedin.com/in/linnea-voss' });
  });

  it('matches a message sender with an unknown URL to the one connection of that name', () => {
    expect([...era.people.keys()]).toEqual([
      'Erik Sandvik',
      'Joachim Weiß',
      'Mary-Kate "MK" O\'Brien',
      'Noah Whitaker',
      'Priya Raman',
      'Tomas Berglund',
      'Zoë Marchetti',
    ]);
    expect([...era.people.values()].flat()).toHaveLength(9);
    for (const [name, slug] of [
      ['Tomas Berglund', 'tomas-berglund-3f2a1b'],
      ['Zoë Marchetti', 'zoë-marchetti-5c1d'],
      ['Noah Whitaker', 'noahwhitaker'],
      ['Mary-Kate "MK" O\'Brien', 'mk-obrien'],
    ] as const) {
      const person = onlyPerson(era, name);
      expect([person.connectionState, person.urls], name).toEqual([
        'connected',
        [`https://www.linkedin.com/in/${slug}`],
      ]);
      expect(
        messages(person)
          .map(([direction]) => direction)
          .sort(),
        name,
      ).toEqual(['in', 'out']);
    }
  });

  it('keeps an ambiguous name apart: the sender with that URL holds the whole conversation', () => {
    const eriks = era.people.get('Erik Sandvik') ?? [];
    expect(eriks.map((erik) => [erik.connectionState, erik.company])).toEqual([
      ['connected', 'Nordhavn Shipping'],
      ['connected', 'Sandvik Logistik AB'],
      ['not-connected', null],
    ]);
    const sender = eriks.find((erik) => erik.connectionState === 'not-connected');
    expect(sender?.urls).toEqual(['https://www.linkedin.com/in/erik-sandvik-nordhavn']);
    expect(sender ? messages(sender) : []).toEqual([
      ['out', '2022-08-03T12:40:19Z', 'Thanks Erik – Friday works.'],
      ['in', '2022-08-03T09:02:33Z', 'Hej Linnea! Could we talk about Nordhavn’s carrier portal on Friday?'],
    ]);
  });

  it('links name-only invitations to unique connection names; the stranger is pending', async () => {
    const noah = (era.people.get('Noah Whitaker') ?? []).find((p) => p.connectionState === 'connected');
    expect([noah?.initiatedBy, noah?.howMet]).toEqual([
      'me',
      "Hi Noah, thanks for the Brightwave architecture talk – I'd love to stay in touch.",
    ]);
    const mk = (era.people.get('Mary-Kate "MK" O\'Brien') ?? []).find(
      (p) => p.connectionState === 'connected',
    );
    expect(mk?.initiatedBy).toBe('them');
    expect((await era.session.triage()).map((entry) => entry.invitation.from)).toEqual(['Olu Adeyemi']);
  });

  it('matches endorsements without Public Url by unique name', () => {
    const tomas = (era.people.get('Tomas Berglund') ?? []).find((p) => p.connectionState === 'connected');
    expect(tomas?.timeline.filter((entry) => entry.kind === 'endorsement-received')).toMatchObject([
      { direction: 'in', at: '2022-06-20T13:05:02Z', summary: 'endorsement: Partnerships' },
    ]);
  });
});

describe('a mid-2023 export with member URNs in Invitations.csv', () => {
  let era: ImportedEra;
  beforeAll(async () => {
    era = await importEra(tendSession('2023-07-11T12:00:00Z'), materializeEra('2023-urn'));
  });

  it('reads the URN invitations and the 10-column messages', () => {
    expect(era.code).toBe(0);
    expect(reportRows(era.report)).toEqual([
      ['Profile.csv', 'linkedin-profile', 1, 1, {}],
      ['Connections.csv', 'linkedin-connections', 8, 7, { 'hidden profile': 1 }],
      ['Invitations.csv', 'linkedin-invitations', 4, 4, {}],
      ['messages.csv', 'linkedin-messages', 10, 10, {}],
    ]);
    expect(era.report.owner.url).toBe('https://www.linkedin.com/in/linnea-voss');
    expect([...era.people.values()].flat().every((person) => person.connectionState === 'connected')).toBe(
      true,
    );
    expect(era.people.size).toBe(7);
  });

  it('turns HTML lists and entities into plain text', () => {
    const tomas = onlyPerson(era, 'Tomas Berglund');
    const [reply, list] = messages(tomas);
    expect(reply).toEqual(['out', '2023-06-20T16:02:54Z', 'On it • will send both by Friday.']);
    expect(list?.[1]).toBe('2023-06-20T15:31:00Z');
    expect(String(list?.[2]).split('\n').filter(Boolean)).toEqual([
      'For the Q3 review we need:',
      '• Rates',
      '• Lanes & volumes',
    ]);
    expect(messages(onlyPerson(era, 'Robert "Bobby" Okafor'))[1]?.[2]).toBe(
      'Northgate signed > thank you for the intro!',
    );
  });

  it('links an invitation whose URN matches nobody to the unique connection of that name', async () => {
    const fatima = onlyPerson(era, 'Fatima Zahra El Idrissi');
    expect([fatima.initiatedBy, fatima.howMet]).toEqual([
      'them',
      "Hi Linnea, we spoke on the Marrakech logistics panel – let's connect!",
    ]);
    const sven = onlyPerson(era, 'Sven Olofsson');
    expect([sven.initiatedBy, sven.howMet]).toEqual([
      'me',
      'Hi Sven, Tomas told me you just joined Kettle & Crane – welcome!',
    ]);
    const pending = await era.session.triage();
    expect(pending.map((entry) => [entry.invitation.from, entry.invitation.sentAt])).toEqual([
      ['Ola Nordmann', '2023-07-08T19:14:00Z'],
    ]);
  });
});

describe('the fixtures hold the bytes their EXPECTED.md describes', () => {
  it('2018 Connected On is quoted "M/D/YY, h:mm AM"; the UTF-16 sources are tab-separated and quoted', () => {
    expect(readFileSync(fixturePath('2018-complete', 'Connections.csv'), 'utf8')).toContain(
      ',"9/9/18, 9:38 AM"\n',
    );
    const logins = readFileSync(
      join(fixturePath('2018-complete'), '..', '2018-complete.utf16', 'Logins.csv'),
      'utf8',
    );
    expect(logins.split('\n')[0]).toBe('"Login Date"\t"IP Address"\t"User Agent"\t"Login Type"');
  });

  it('the 2023 and 2024–2025 Connections.csv end without a final newline', () => {
    for (const era of ['2023-urn', '2024-2025'] as const) {
      const bytes = readFileSync(fixturePath(era, 'Connections.csv'));
      expect(bytes.at(-1), era).not.toBe(0x0a);
      expect(bytes.subarray(0, 7).toString(), era).toBe('Notes:\n');
    }
  });
});
