import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  fileReport,
  fixturePath,
  importEra,
  materializeEra,
  onlyPerson,
  reportRows,
  tendSession,
  type ImportedEra,
  type ShowJson,
} from '../../test/support/linkedin-fixtures.js';

/**
 * The current LinkedIn export eras (2024–2025 with its draft variant, 2026, files re-saved by Excel),
 * imported through the CLI as a user would, asserted against test/fixtures/linkedin/<era>/EXPECTED.md.
 */

/** One-to-one messages; group threads (which silent participants see too) are checked by groupMessages. */
const messages = (shown: ShowJson) =>
  shown.timeline
    .filter((entry) => entry.kind === 'message' && entry.groupSize === 2)
    .map((entry) => [entry.direction, entry.at, entry.summary]);

const groupMessages = (shown: ShowJson, size: number) =>
  shown.timeline.filter((entry) => entry.groupSize === size).map((entry) => [entry.direction, entry.at]);

describe('a 2024–2025 export', () => {
  let era: ImportedEra;
  beforeAll(async () => {
    era = await importEra(tendSession('2025-03-10T12:00:00Z'), materializeEra('2024-2025'));
  });

  it('reads every file it knows, counts hidden profiles and skipped messages, and ignores the siblings', () => {
    expect(era.code).toBe(0);
    expect(reportRows(era.report)).toEqual([
      ['Profile.csv', 'linkedin-profile', 1, 1, {}],
      ['Connections.csv', 'linkedin-connections', 14, 12, { 'hidden profile': 2 }],
      ['Contacts.csv', 'linkedin-contacts', 3, 2, { 'no identity': 1 }],
      ['Invitations.csv', 'linkedin-invitations', 6, 6, {}],
      ['messages.csv', 'linkedin-messages', 25, 22, { spam: 1, sponsored: 2 }],
      ['Positions.csv', 'linkedin-positions', 3, 3, {}],
      ['Education.csv', 'linkedin-education', 1, 1, {}],
      ['Events.csv', 'linkedin-events', 2, 2, {}],
      [
        'Recommendations_Received.csv',
        'linkedin-recommendations-received',
        2,
        1,
        { 'recommendation hidden': 1 },
      ],
      ['Endorsement_Given_Info.csv', 'linkedin-endorsements-given', 1, 1, {}],
      ['Endorsement_Received_Info.csv', 'linkedin-endorsements-received', 3, 2, { 'endorsement hidden': 1 }],
      ['coach_messages.csv', 'ignored', 0, 0, {}],
      ['guide_messages.csv', 'ignored', 0, 0, {}],
      ['LearningCoachMessages.csv', 'ignored', 0, 0, {}],
    ]);
    expect(era.report.files.flatMap((file) => file.problems)).toEqual([]);
    expect(era.report.files.some((file) => file.failed !== undefined)).toBe(false);
    expect(era.report.owner).toEqual({ name: 'Linnea Voss', url: 'https://www.linkedin.com/in/linnea-voss' });
    expect(era.report.totals).toEqual({
      peopleAdded: 14,
      peopleUpdated: 0,
      interactionsAdded: 26,
      invitationsAdded: 6,
      // The SPAM and sponsored messages: stored, flagged skipped, no interactions.
      recordsKept: 3,
    });
  });

  it('creates the connections, the address-book contact and the recruiter who wrote — nobody else', () => {
    expect(
      [...era.people.values()].flat().map((p) => [p.name, p.company, p.position, p.connectionState]),
    ).toEqual([
      ['Aiko Tanabe', 'Sato, Mori & Partners', 'Counsel, IP & Licensing', 'connected'],
      ['Chloé Dubois', 'Atelier Nord', 'Founder', 'connected'],
      ['Fatima Zahra El Idrissi', 'Marrakech Ventures', 'Investor', 'connected'],
      ['Hanna Kovač', 'Brightwave', 'Engineering Manager', 'connected'],
      ['Ingrid Falk', 'Falk Consulting', 'Owner', 'not-connected'],
      ['Lukas Brenner', 'Hafenlicht GmbH', 'CTO', 'connected'],
      ['Miguel Ferreira', 'Atlas Growth Partners', 'Partner', 'connected'],
      ['Noah Whitaker', 'Brightwave', 'Staff Engineer', 'connected'],
      ['Priya Raman', 'Nordvik Analytics', 'Senior Data Scientist', 'connected'],
      ['Robert "Bobby" Okafor', 'Northgate Freight', 'Head of Operations', 'connected'],
      ['Ruth Asante', null, null, 'not-connected'],
      ['Sven Olofsson', 'Kettle & Crane, Inc.', 'Account Executive', 'connected'],
      ['Tomas Berglund', 'Kettle & Crane, Inc.', 'VP, Partnerships', 'connected'],
      ['Zoë Marchetti', 'Lumen Labs', 'Lead Product Designer', 'connected'],
    ]);
    expect(onlyPerson(era, 'Zoë Marchetti').urls).toEqual(['https://www.linkedin.com/in/zoë-marchetti-5c1d']);
    expect(onlyPerson(era, 'Ingrid Falk').emails).toEqual(['ingrid@falk-consulting.example']);
    expect(onlyPerson(era, 'Lukas Brenner').connectedAt).toBe('2025-03-02T23:00:00Z');
  });

  it('keeps the exact UTC times, takes the direction from the sender URL and turns HTML into plain text', () => {
    expect(messages(onlyPerson(era, 'Aiko Tanabe'))).toEqual([
      [
        'in',
        '2025-03-06T08:14:27Z',
        'Hi Linnea, could Fjordlight’s partner team review our licensing template? No rush.',
      ],
    ]);
    expect(messages(onlyPerson(era, 'Zoë Marchetti'))).toEqual([
      ['in', '2024-11-05T08:02:09Z', 'Great, I’ll send an invite.'],
      ['out', '2024-11-04T12:30:21Z', 'Yes please! Thursday afternoon works for me.'],
      [
        'in',
        '2024-11-04T10:15:00Z',
        'Hi Linnea,\nthe new partner portal mock-ups are ready.\nShall I walk you through them?',
      ],
    ]);
    expect(messages(onlyPerson(era, 'Tomas Berglund'))).toEqual([
      ['out', '2024-06-19T09:03:40Z', 'Thank you, Tomas – your ops team made it easy.'],
      ['in', '2024-06-19T07:58:12Z', 'Congrats on the Fjordlight & Kettle pilot going live!'],
    ]);
    expect(messages(onlyPerson(era, 'Chloé Dubois'))[1]).toEqual([
      'out',
      '2024-01-10T09:00:05Z',
      'Lovely to meet you in Lyon, Chloé!',
    ]);
  });

  it('stores SPAM and sponsored messages as skipped without creating anyone for them', () => {
    for (const name of [
      'Crypto Growth Hacks',
      'Marta Quinn',
      'LinkedIn Member',
      'Greta Holm',
      'Ola Nordmann',
      'Ines Duarte',
      'Kai 🚀 Nakamura',
      'Jean-Luc "JL" Moreau',
      'Peter Sandoval',
      'Noor Rahimi',
      'Linnea Voss',
    ]) {
      expect(era.people.has(name), name).toBe(false);
    }
    const texts = [...era.people.values()]
      .flat()
      .flatMap((p) => p.timeline.map((entry) => entry.summary ?? ''));
    expect(texts.some((text) => /pipeline|%FIRSTNAME%|exciting opportunity/.test(text))).toBe(false);
  });

  it('records group threads with their size, and each participant sees the thread', () => {
    const dinner = [
      ['in', '2024-09-13T06:10:00Z'],
      ['in', '2024-09-12T19:02:44Z'],
      ['in', '2024-09-12T17:30:10Z'],
      ['out', '2024-09-12T17:00:00Z'],
    ];
    for (const name of ['Fatima Zahra El Idrissi', 'Noah Whitaker', 'Hanna Kovač']) {
      expect(groupMessages(onlyPerson(era, name), 4), name).toEqual(dinner);
    }
    const alumni = [
      ['in', '2024-12-21T08:30:00Z'],
      ['out', '2024-12-20T12:01:02Z'],
      ['in', '2024-12-20T11:45:19Z'],
      ['in', '2024-12-20T11:00:00Z'],
    ];
    for (const name of ['Priya Raman', 'Miguel Ferreira', 'Robert "Bobby" Okafor']) {
      expect(groupMessages(onlyPerson(era, name), 9), name).toEqual(alumni);
    }
    expect(groupMessages(onlyPerson(era, 'Aiko Tanabe'), 9)).toEqual([]);
  });

  it('shows a large thread to the connections in it who did not speak', () => {
    for (const name of ['Tomas Berglund', 'Sven Olofsson']) {
      expect(groupMessages(onlyPerson(era, name), 9), name).toHaveLength(4);
    }
  });

  it('derives how we met and who initiated; pending invitations stay pending', async () => {
    const lukas = onlyPerson(era, 'Lukas Brenner');
    expect([lukas.initiatedBy, lukas.howMet]).toEqual([
      'them',
      'Hi Linnea, we met at the Hafenlicht demo day – would love to keep in touch.',
    ]);
    const chloe = onlyPerson(era, 'Chloé Dubois');
    expect([chloe.initiatedBy, chloe.howMet]).toEqual([
      'me',
      'Hi Chloé, it was a pleasure to sit next to you at the Atelier Nord workshop in Lyon.',
    ]);
    const pending = (await era.session.triage()).sort((a, b) =>
      a.invitation.from.localeCompare(b.invitation.from),
    );
    expect(pending.map((entry) => [entry.invitation, entry.person])).toEqual([
      [
        {
          from: 'Jean-Luc "JL" Moreau',
          url: 'https://www.linkedin.com/in/jl-moreau',
          sentAt: '2025-02-27T07:05:00Z',
          message:
            'Hi Linnea, I saw your talk at Logistics Summit Hamburg on partner onboarding. Could we connect?',
        },
        null,
      ],
      [
        {
          from: 'Kai 🚀 Nakamura',
          url: 'https://www.linkedin.com/in/kai-nakamura-dev',
          sentAt: '2025-03-05T10:20:00Z',
          message: null,
        },
        null,
      ],
    ]);
  });

  it('matches endorsements by their scheme-less Public Url and keeps the recommendation text', () => {
    const of = (name: string, kind: string) =>
      onlyPerson(era, name)
        .timeline.filter((entry) => entry.kind === kind)
        .map((entry) => [entry.direction, entry.at, entry.summary]);
    expect(of('Tomas Berglund', 'endorsement-received')).toEqual([
      ['in', '2024-06-20T13:05:02Z', 'endorsement: Partnerships'],
    ]);
    expect(of('Tomas Berglund', 'endorsement-given')).toEqual([
      ['out', '2024-06-21T09:12:33Z', 'endorsement: Supply Chain Management'],
    ]);
    expect(of('Zoë Marchetti', 'endorsement-received')).toEqual([
      ['in', '2024-09-02T08:44:10Z', 'endorsement: Negotiation'],
    ]);
    expect(of('Noah Whitaker', 'endorsement-received')).toEqual([]);
    const [recommendation] = of('Miguel Ferreira', 'help-received');
    expect(recommendation?.slice(0, 2)).toEqual(['in', '2024-08-30T15:51:00Z']);
    expect(recommendation?.[2]).toMatch(
      /^Linnea built our carrier partnership programme from nothing\.\n\nShe/,
    );
    expect(of('Hanna Kovač', 'help-received')).toEqual([]);
  });

  it('skips a draft of the IS MESSAGE DRAFT variant and recognises the messages it repeats', async () => {
    const { code, report } = await era.session.importJson(
      '--tz',
      'Europe/Berlin',
      fixturePath('2024-2025-draft', 'messages.csv'),
    );
    expect(code).toBe(0);
    expect(reportRows(report)).toEqual([
      ['messages.csv', 'linkedin-messages', 3, 0, { draft: 1, 'already imported': 2 }],
    ]);
    expect(report.totals.interactionsAdded).toBe(0);
    const tomas = await era.session.show('https://www.linkedin.com/in/tomas-berglund-3f2a1b');
    expect(tomas.timeline).toEqual(onlyPerson(era, 'Tomas Berglund').timeline);
  });
});

describe('a 2026 export', () => {
  let era: ImportedEra;
  beforeAll(async () => {
    era = await importEra(tendSession('2026-02-10T12:00:00Z'), materializeEra('2026'));
  });

  it('reads the fully quoted files with ATTACHMENTS and Notes.csv; numbered Complete files are ignored', () => {
    expect(era.code).toBe(0);
    expect(reportRows(era.report)).toEqual([
      ['Profile.csv', 'linkedin-profile', 1, 1, {}],
      ['Connections.csv', 'linkedin-connections', 14, 13, { 'hidden profile': 1 }],
      ['Notes.csv', 'linkedin-notes', 3, 2, { unmatched: 1 }],
      ['Invitations.csv', 'linkedin-invitations', 6, 6, {}],
      ['messages.csv', 'linkedin-messages', 20, 20, {}],
      ['Comments_1.csv', 'ignored', 0, 0, {}],
    ]);
    expect(fileReport(era.report, 'Notes.csv').problems).toEqual([
      { line: 5, message: 'no connection matches "Sven Olofsson"' },
    ]);
    expect(era.report.totals).toMatchObject({ peopleAdded: 13, interactionsAdded: 20, invitationsAdded: 6 });
    expect([...era.people.values()].flat().every((p) => p.connectionState === 'connected')).toBe(true);
    expect(era.people.size).toBe(13);
  });

  it('keeps the line breaks of multi-line CONTENT (LF and CRLF become one kind) and "" inside quoted text', () => {
    expect(messages(onlyPerson(era, 'Emre Yıldız'))).toEqual([
      ['out', '2026-01-21T11:25:37Z', 'Welcome, Emre! Here is our partner deck.'],
      [
        'in',
        '2026-01-21T09:10:00Z',
        'Hi Linnea,\nthanks for connecting.\nIstanbul Freight is looking for a partner-onboarding tool.',
      ],
    ]);
    expect(messages(onlyPerson(era, 'Tomas Berglund'))[0]).toEqual([
      'in',
      '2026-01-27T10:11:12Z',
      'He said "ship it", and we did.\nThe Kettle & Crane rollout is done.',
    ]);
  });

  it('stores Notes.csv as the person’s notes, multi-line notes included', () => {
    expect(onlyPerson(era, 'Tomas Berglund').notes).toBe(
      "Met at the Hamburg logistics meetup (Sept 2018). Introduced me to Kettle & Crane's ops team.",
    );
    expect(onlyPerson(era, 'Emre Yıldız').notes).toBe(
      'Wants a partner-onboarding tool for Istanbul Freight.\nFollow up in March.',
    );
  });

  it('derives who initiated from the invitations; only the new stranger is pending', async () => {
    const initiated = (name: string) => [onlyPerson(era, name).initiatedBy, onlyPerson(era, name).howMet];
    expect(initiated('Tomas Berglund')).toEqual([
      'me',
      "Hi Tomas, great meeting you at the Hamburg logistics meetup – let's stay in touch.",
    ]);
    expect(initiated('Emre Yıldız')).toEqual(['them', null]);
    expect(initiated('Priya Raman')).toEqual(['them', null]);
    expect(initiated('Astrid Nakashima-Berg')).toEqual([
      'me',
      'Hi Astrid, your Fjordlight API write-up was spot on – would love to connect.',
    ]);
    expect((await era.session.triage()).map((entry) => entry.invitation)).toEqual([
      {
        from: 'Wen Li',
        url: 'https://www.linkedin.com/in/wen-li-sg',
        sentAt: '2026-02-08T20:30:00Z',
        message: 'Hi Linnea, Emre Yıldız suggested I reach out about carrier onboarding in Asia.',
      },
    ]);
  });

  it('holds the bytes its EXPECTED.md describes: every field quoted, line breaks inside quotes', () => {
    const text = readFileSync(fixturePath('2026', 'messages.csv'), 'utf8');
    expect(text.startsWith('"CONVERSATION ID","CONVERSATION TITLE","FROM",')).toBe(true);
    expect(text.split('\n')[0]?.endsWith(',"FOLDER","ATTACHMENTS"')).toBe(true);
    expect(text).toContain('thanks for connecting.\r\nIstanbul');
    expect(text).toContain('"Hi Linnea,\nthanks');
  });
});

describe('files re-saved by a spreadsheet', () => {
  let era: ImportedEra;
  beforeAll(async () => {
    era = await importEra(tendSession('2025-03-10T12:00:00Z'), materializeEra('excel-resaved'));
  });

  it('strips the BOM, reads CRLF and D-Mon-YY dates without a preamble', () => {
    expect(era.code).toBe(0);
    expect(reportRows(era.report)).toEqual([
      ['Connections.csv', 'linkedin-connections', 7, 6, { 'hidden profile': 1 }],
      ['messages.csv', 'linkedin-messages', 6, 6, {}],
    ]);
    expect(era.report.owner).toEqual({ name: 'Linnea Voss', url: 'https://www.linkedin.com/in/linnea-voss' });
    expect([...era.people.values()].flat().map((p) => [p.name, p.connectedAt])).toEqual([
      ['Aiko Tanabe', '2025-02-11T23:00:00Z'],
      ['Chloé Dubois', '2024-01-08T23:00:00Z'],
      ['Lukas Brenner', '2025-03-02T23:00:00Z'],
      ['Noah Whitaker', '2021-04-21T22:00:00Z'],
      ['Robert "Bobby" Okafor', '2017-11-01T23:00:00Z'],
      ['Zoë Marchetti', '2018-03-13T23:00:00Z'],
    ]);
    expect(messages(onlyPerson(era, 'Chloé Dubois'))).toHaveLength(2);
  });

  it('holds the bytes its EXPECTED.md describes', () => {
    const connections = readFileSync(fixturePath('excel-resaved', 'Connections.csv'));
    expect([...connections.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(connections.toString('utf8').split('\r\n')).toHaveLength(9);
    expect([...readFileSync(fixturePath('excel-resaved', 'messages.csv')).subarray(0, 3)]).toEqual([
      0xef, 0xbb, 0xbf,
    ]);
  });
});
