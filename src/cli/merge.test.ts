import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDataDir } from '../../test/support/cli-harness.js';

/** docs/rules/identity-and-imports.md#duplicate-proposals and #merge-records through the CLI. */

const NOW = '2026-12-01T12:00:00Z';
const CONNECTIONS = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';

function card(name: string, email: string, extra = ''): string {
  return `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${name}\r\nEMAIL:${email}\r\n${extra}END:VCARD\r\n`;
}

interface Listed {
  id: number;
  name: string;
}

describe('tend dupes, merge and unmerge', () => {
  it('proposes close names with a shared employer domain, merges them, keeps them one on re-import, and unmerges exactly', async () => {
    const data = tempDataDir();
    const folder = mkdtempSync(join(tmpdir(), 'tend-merge-'));
    const book = join(folder, 'book.vcf');
    writeFileSync(
      book,
      card('John Doe', 'john.doe@ibm.com', 'CATEGORIES:VIP\r\n') +
        card('Johnny Doe', 'jd@ibm.com', 'NOTE:Met at FOSDEM\r\n') +
        card('Aiko Tanabe', 'aiko@gmail.com'),
    );
    const cli = (...args: string[]) => runCli(['--data', data, '--now', NOW, ...args]);
    expect((await cli('import', book)).code).toBe(0);

    const dupes = await cli('--json', 'dupes');
    expect(dupes.code).toBe(0);
    const proposals = dupes.json<{ a: Listed; b: Listed; reasons: string[] }[]>();
    expect(proposals).toEqual([
      {
        a: expect.objectContaining({ name: 'John Doe' }) as Listed,
        b: expect.objectContaining({ name: 'Johnny Doe' }) as Listed,
        reasons: ['close names (John Doe / Johnny Doe), both with e-mail at ibm.com'],
      },
    ]);
    const { a, b } = proposals[0] as { a: Listed; b: Listed };
    expect((await cli('dupes')).stdout).toContain(
      'close names (John Doe / Johnny Doe), both with e-mail at ibm.com',
    );

    const merged = await cli('--json', 'merge', 'john.doe@ibm.com', 'jd@ibm.com');
    expect(merged.code).toBe(0);
    expect(merged.json()).toMatchObject({ kept: { id: a.id }, merged: { id: b.id, name: 'Johnny Doe' } });
    const shown = (await cli('--json', 'show', 'jd@ibm.com')).json<{ id: number; emails: string[] }>();
    expect(shown).toMatchObject({ id: a.id, emails: ['jd@ibm.com', 'john.doe@ibm.com'] });
    expect((await cli('--json', 'dupes')).json()).toEqual([]);

    // A changed address book is read again: both cards still find the one person.
    writeFileSync(
      book,
      card('John Doe', 'john.doe@ibm.com', 'CATEGORIES:VIP\r\nTITLE:CTO\r\n') +
        card('Johnny Doe', 'jd@ibm.com', 'NOTE:Met at FOSDEM in 2024\r\n') +
        card('Aiko Tanabe', 'aiko@gmail.com'),
    );
    expect((await cli('--json', 'import', book)).json()).toMatchObject({ totals: { peopleAdded: 0 } });
    expect(
      (await cli('--json', 'people'))
        .json<Listed[]>()
        .map((person) => person.name)
        .sort(),
    ).toEqual(['Aiko Tanabe', 'John Doe']);

    const undone = await cli('--json', 'unmerge', String(b.id));
    expect(undone.code).toBe(0);
    expect(undone.json()).toMatchObject({ kept: { id: a.id }, merged: { id: b.id, name: 'Johnny Doe' } });
    expect((await cli('--json', 'show', 'jd@ibm.com')).json()).toMatchObject({
      id: b.id,
      emails: ['jd@ibm.com'],
    });
    expect((await cli('--json', 'show', 'john.doe@ibm.com')).json()).toMatchObject({
      id: a.id,
      emails: ['john.doe@ibm.com'],
    });
    // Unmerged means two people: no longer proposed.
    expect((await cli('--json', 'dupes')).json()).toEqual([]);
    expect((await cli('unmerge', String(b.id))).code).toBe(3);
  });

  it('keeps a connection without URL or e-mail merged when the next export lists it again', async () => {
    const data = tempDataDir();
    const folder = mkdtempSync(join(tmpdir(), 'tend-merge-'));
    const connections = join(folder, 'Connections.csv');
    writeFileSync(
      connections,
      `${CONNECTIONS}\nBob,Smith,,,Acme,CTO,03 Feb 2024\nAiko,Tanabe,https://www.linkedin.com/in/aiko,,Acme,CEO,04 Feb 2024\n`,
    );
    const book = join(folder, 'book.vcf');
    writeFileSync(book, card('Robert Smith', 'robert@acme.example', 'ORG:Acme\r\n'));
    const cli = (...args: string[]) => runCli(['--data', data, '--now', NOW, ...args]);
    expect((await cli('import', connections, book)).code).toBe(0);
    expect((await cli('--json', 'dupes')).json()).toEqual([
      expect.objectContaining({ reasons: ['close names (Bob Smith / Robert Smith), both at Acme'] }),
    ]);
    expect((await cli('merge', 'robert@acme.example', 'Bob Smith')).code).toBe(0);
    writeFileSync(
      connections,
      `${CONNECTIONS}\nBob,Smith,,,Acme,VP Engineering,03 Feb 2024\nAiko,Tanabe,https://www.linkedin.com/in/aiko,,Acme,CEO,04 Feb 2024\n`,
    );
    expect((await cli('--json', 'import', connections)).json()).toMatchObject({ totals: { peopleAdded: 0 } });
    expect((await cli('--json', 'people')).json<Listed[]>()).toHaveLength(2);
    // The connection row found the person it was merged into and updated them.
    expect((await cli('--json', 'show', 'robert@acme.example')).json()).toMatchObject({
      position: 'VP Engineering',
      emails: ['robert@acme.example'],
    });
  });

  it('refuses to merge a person with themselves, and says when nobody was merged into a person', async () => {
    const data = tempDataDir();
    const folder = mkdtempSync(join(tmpdir(), 'tend-merge-'));
    writeFileSync(join(folder, 'book.vcf'), card('Aiko Tanabe', 'aiko@gmail.com'));
    const cli = (...args: string[]) => runCli(['--data', data, '--now', NOW, ...args]);
    expect((await cli('import', folder)).code).toBe(0);
    const same = await cli('merge', 'aiko@gmail.com', 'Aiko');
    expect(same.code).toBe(1);
    expect(same.stderr).toContain('already one person');
    const none = await cli('unmerge', 'Aiko');
    expect(none.code).toBe(3);
    expect(none.stderr).toContain('nobody was merged into Aiko Tanabe');
  });
});
