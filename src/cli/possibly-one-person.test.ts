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
});
