import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../../test/support/cli-harness.js';
import { tendSession } from '../../test/support/linkedin-fixtures.js';

/**
 * One person, one care item, also when tend keeps two records of them apart
 * (docs/rules/agenda.md#possibly-one-person). An export whose Connections.csv has no URL column (2023 era)
 * with two connections of one name: the messages of a sender with that name and a profile URL cannot be
 * matched to either, so the sender is a record of their own — and the plan gave the same name a reply and a
 * follow-up. Made-up people, shaped like the export where it was seen.
 */

const CONNECTIONS = [
  'First Name,Last Name,Email Address,Company,Position,Connected On',
  'Rahul,Verma,,Lumen Labs,Data Engineer,08 Mar 2024',
  'Rahul,Verma,,Orbit Systems,Chip Designer,12 Jan 2021',
  'Sara,Lind,,Fjord AB,Designer,02 Feb 2020',
].join('\n');

const ME = 'Mira Okoye,https://www.linkedin.com/in/mira-okoye';
const RAHUL = 'Rahul Verma,https://www.linkedin.com/in/rahul-verma-42';
const SARA = 'Sara Lind,https://www.linkedin.com/in/sara-lind';
const MESSAGES = [
  'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER',
  `c1,,${RAHUL},${ME},2024-03-09 09:00:00 UTC,,Could you look at my resume for the data role?,INBOX`,
  `c1,,${ME},${RAHUL},2024-03-09 10:00:00 UTC,,Sure send it over,INBOX`,
  `c1,,${RAHUL},${ME},2024-03-10 09:00:00 UTC,,Here it is: could you forward it to your manager?,INBOX`,
  `c2,,${SARA},${ME},2023-02-01 09:00:00 UTC,,See you at the meetup,INBOX`,
  `c2,,${ME},${SARA},2023-02-01 10:00:00 UTC,,Looking forward to it,INBOX`,
].join('\n');

describe('two records that may be one person', () => {
  it('get one care item between them: the reply wins over the follow-up', async () => {
    const data = tempDataDir();
    const folder = join(data, 'export');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'Connections.csv'), CONNECTIONS);
    writeFileSync(join(folder, 'messages.csv'), MESSAGES);
    const session = tendSession('2024-03-12T12:00:00Z', data);
    await session.importJson('--tz', 'UTC', folder);
    for (const args of [['today'], ['today', '--all']]) {
      const items = (await session.run('--json', ...args)).json<{
        items: Array<{ kind: string; person: { name: string } | null }>;
      }>().items;
      const rahul = items.filter((item) => item.person?.name === 'Rahul Verma');
      expect(
        rahul.map((item) => item.kind),
        args.join(' '),
      ).toEqual(['reply']);
    }
  });

  it('two connections of one name are two people: each keeps its item', async () => {
    const data = tempDataDir();
    const folder = join(data, 'export');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'Connections.csv'), CONNECTIONS.replace('12 Jan 2021', '09 Mar 2024'));
    const session = tendSession('2024-03-12T12:00:00Z', data);
    await session.importJson('--tz', 'UTC', folder);
    const items = (await session.run('--json', 'today')).json<{
      items: Array<{ kind: string; person: { name: string } | null }>;
    }>().items;
    const rahul = items.filter((item) => item.person?.name === 'Rahul Verma');
    expect(rahul.map((item) => item.kind)).toEqual(['follow-up', 'follow-up']);
  });

  /** Rahul's conversation, its last message mine (nothing for him to answer), and Sara's (who I am). */
  const answeredAt = (day: string) =>
    [
      ...MESSAGES.split('\n').filter((line) => !line.startsWith('c1,')),
      `c1,,${RAHUL},${ME},${day} 09:00:00 UTC,,Could you look at my resume for the data role?,INBOX`,
      `c1,,${ME},${RAHUL},${day} 10:00:00 UTC,,Sure send it over and I will read it tonight,INBOX`,
    ].join('\n');

  async function rahulItems(messages: string, dismiss = false): Promise<string[]> {
    const data = tempDataDir();
    const folder = join(data, 'export');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'Connections.csv'), CONNECTIONS);
    writeFileSync(join(folder, 'messages.csv'), messages);
    const session = tendSession('2024-03-12T12:00:00Z', data);
    await session.importJson('--tz', 'UTC', folder);
    const dupes = (await session.run('dupes')).stdout;
    expect(dupes).toContain('Rahul Verma');
    if (dismiss) {
      // "They are two people": the new connection and the sender (the one without a company).
      const rahuls = (await session.people()).filter((person) => person.name === 'Rahul Verma');
      const connection = rahuls.find((person) => person.company === 'Lumen Labs');
      const sender = rahuls.find((person) => person.company === null);
      const dismissed = await session.run('dupes', '--dismiss', String(connection?.id), String(sender?.id));
      expect(dismissed.code).toBe(0);
    }
    const items = (await session.run('--json', 'today', '--all')).json<{
      items: Array<{ kind: string; person: { name: string } | null }>;
    }>().items;
    return items.filter((item) => item.person?.name === 'Rahul Verma').map((item) => item.kind);
  }

  it('a new connection gets no follow-up when its possible other record holds my message since connecting', async () => {
    // The new connection (08 Mar 2024) and the sender with a URL are proposed by `tend dupes`; I answered
    // the sender on 09 Mar: "nothing said since connecting" would be false if they are one person.
    expect(await rahulItems(answeredAt('2024-03-09'))).toEqual([]);
    // Said to be two people with `tend dupes --dismiss`: the follow-up is back.
    expect(await rahulItems(answeredAt('2024-03-09'), true)).toEqual(['follow-up']);
  });

  it("keeps the follow-up when the other record's conversation ended before the connection", async () => {
    expect(await rahulItems(answeredAt('2024-02-01'))).toEqual(['follow-up']);
  });
});
