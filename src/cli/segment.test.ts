import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDataDir } from '../../test/support/cli-harness.js';

const NOW = '2026-01-15T09:00:00Z';

async function sampleData(): Promise<(...argv: string[]) => ReturnType<typeof runCli>> {
  const data = tempDataDir();
  const tend = (...argv: string[]) => runCli(['--data', data, '--now', NOW, ...argv]);
  expect((await tend('config', 'timezone', 'UTC')).code).toBe(0);
  expect((await tend('import', 'sample/linkedin')).code).toBe(0);
  return tend;
}

describe('tend people QUERY and tend segment', () => {
  it('points at the column of a malformed query and exits 1, as any usage error', async () => {
    const tend = await sampleData();
    const result = await tend('people', 'company:(acme');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^tend: column 9: expected '\)'/);
    const unknown = await tend('people', 'compnay:acme');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/unknown field 'compnay': use one of company: title:/);
  });

  it('keeps plain words as they were: a substring of name, e-mail, profile URL, company or position', async () => {
    const tend = await sampleData();
    const names = async (...words: string[]) =>
      (await tend('--json', 'people', ...words)).json<Array<{ name: string }>>().map((row) => row.name);
    // Plain words find what they always found, and now also notes and messages that say them.
    const plain = await names('northwind', 'health');
    expect(plain).toEqual(expect.arrayContaining(await names('company:"northwind health"')));
    expect(plain.length).toBeGreaterThan((await names('company:"northwind health"')).length);
    expect(await names('élodie')).toEqual(['Élodie Marchand']);
    expect(await names('linkedin.com/in/ravi-menon')).toEqual(['Ravi Menon']);
    expect(await names('ravi', 'menon')).toEqual(['Ravi Menon']);
    expect(await names('menon', 'ravi')).toEqual([]);
  });

  it('saves, lists, uses and removes a segment; refuses unknown names, cycles and removing one in use', async () => {
    const tend = await sampleData();
    const saved = await tend('segment', 'save', 'northwind', 'company:northwind');
    expect(saved.code).toBe(0);
    expect(saved.stdout).toMatch(/^Saved @northwind = company:northwind \(5 people now\)/);
    expect((await tend('segment', 'save', 'pms', '@northwind', 'OR', 'title:"product manager"')).code).toBe(
      0,
    );
    const list = (await tend('--json', 'segment', 'list')).json<Array<{ name: string; people: number }>>();
    expect(list.map((row) => [row.name, row.people])).toEqual([
      ['northwind', 5],
      ['pms', 9],
    ]);
    const used = await tend('--json', 'people', '@pms', '-@northwind');
    expect(used.json<unknown[]>()).toHaveLength(4);
    const cycle = await tend('segment', 'save', 'northwind', '@pms');
    expect(cycle.code).toBe(1);
    expect(cycle.stderr).toMatch(/refers to itself \(@northwind → @pms → @northwind\)/);
    const missing = await tend('people', '@nobody');
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/no saved segment @nobody/);
    const inUse = await tend('segment', 'rm', 'northwind');
    expect(inUse.code).toBe(1);
    expect(inUse.stderr).toMatch(/@northwind is used by @pms/);
    expect((await tend('segment', 'rm', '@pms')).code).toBe(0);
    expect((await tend('segment', 'rm', 'northwind')).code).toBe(0);
    expect((await tend('segment', 'list')).stdout).toMatch(/No saved segments yet/);
    expect((await tend('segment', 'rm', 'northwind')).code).toBe(3);
  });

  it('source:linkedin is everyone from a LinkedIn export, also connections without URL or e-mail', async () => {
    const data = tempDataDir();
    const folder = join(data, 'export');
    mkdirSync(folder, { recursive: true });
    // A 2023-era Connections.csv: no URL column, e-mail mostly empty.
    writeFileSync(
      join(folder, 'Connections.csv'),
      [
        'First Name,Last Name,Email Address,Company,Position,Connected On',
        'Noor,Haddad,,Cedar Works,Analyst,03 Mar 2023',
        'Tomas,Berg,tomas@example.org,Fjell AS,Engineer,04 Mar 2023',
      ].join('\n'),
    );
    const me = 'Kai Mori,https://www.linkedin.com/in/kai-mori';
    const lena = 'Lena Voss,https://www.linkedin.com/in/lena-voss';
    writeFileSync(
      join(folder, 'messages.csv'),
      [
        'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER',
        `c1,,${lena},${me},2023-03-05 09:00:00 UTC,,Are you going to the meetup on Friday?,INBOX`,
        `c1,,${me},${lena},2023-03-05 10:00:00 UTC,,Yes see you there,INBOX`,
      ].join('\n'),
    );
    const card = join(data, 'book.vcf');
    writeFileSync(
      card,
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ines Prado\r\nEMAIL:ines@example.net\r\nEND:VCARD\r\n',
    );
    const tend = (...argv: string[]) => runCli(['--data', data, '--now', '2023-03-10T12:00:00Z', ...argv]);
    // One conversation names two people as often: say which is me.
    expect((await tend('config', 'owner-url', 'https://www.linkedin.com/in/kai-mori')).code).toBe(0);
    expect((await tend('import', '--tz', 'UTC', folder)).code).toBe(0);
    expect((await tend('import', card)).code).toBe(0);
    const names = async (query: string) =>
      (await tend('--json', 'people', query)).json<Array<{ name: string }>>().map((row) => row.name);
    expect(await names('source:linkedin')).toEqual(['Lena Voss', 'Noor Haddad', 'Tomas Berg']);
    expect(await names('-source:linkedin')).toEqual(['Ines Prado']);
    expect(await names('source:vcard')).toEqual(['Ines Prado']);
  });
});
