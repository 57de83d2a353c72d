import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDataDir } from '../../test/support/cli-harness.js';

/**
 * docs/rules/contacts.md through the CLI: `tend import` reads vCard files with the LinkedIn import's report
 * and exit codes, and `tend show` says what the address book cards hold.
 */

const EXTERNAL = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'external', 'vcard-ez-vcard');
const NOW = '2026-12-01T12:00:00Z';

describe('tend import with address books', () => {
  it('exits 2 naming the cut-off file and its line, imports the other file, and prints the same JSON report', async () => {
    const data = tempDataDir();
    const folder = mkdtempSync(join(tmpdir(), 'tend-cli-vcards-'));
    writeFileSync(
      join(folder, 'ok.vcf'),
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Berg\r\nEMAIL:ada@example.com\r\nEND:VCARD\r\n',
    );
    writeFileSync(join(folder, 'cut.vcf'), 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bo Lind\r\nEMAIL:bo@exa');
    const plain = await runCli(['--data', data, '--now', NOW, 'import', folder]);
    expect(plain.code).toBe(2);
    expect(plain.stderr.trimEnd().split('\n')).toEqual([
      `  FAILED    ${join(folder, 'cut.vcf')}: line 1: the card starting here has no END:VCARD: the file is cut off; export the address book again`,
    ]);
    expect(plain.stdout).toContain(`ok        ${join(folder, 'ok.vcf')} (vcard): 1 rows, 1 imported`);
    const again = await runCli(['--data', data, '--now', NOW, '--json', 'import', folder]);
    expect(again.code).toBe(2);
    expect(again.json()).toMatchObject({
      files: [
        {
          path: join(folder, 'cut.vcf'),
          format: 'vcard',
          failed: expect.stringMatching(/^line 1: /) as string,
        },
        { path: join(folder, 'ok.vcf'), format: 'vcard', unchanged: true, skipped: { 'unchanged file': 1 } },
      ],
      totals: { peopleAdded: 0 },
    });
  });

  it('shows what the cards say: birthday, categories, phones, web addresses, notes and the photo file', async () => {
    const data = tempDataDir();
    expect((await runCli(['--data', data, '--now', NOW, 'import', EXTERNAL])).code).toBe(0);
    const shown = await runCli(['--data', data, '--now', NOW, '--json', 'show', 'john.doe@ibm.com']);
    const john = shown.json<{ addressBook: Record<string, unknown>; emails: string[] }>();
    expect(john.emails).toEqual(['billy_bob@gmail.com', 'john.doe@ibm.cm', 'john.doe@ibm.com']);
    expect(john.addressBook).toMatchObject({
      cards: 6,
      birthday: '1980-03-22',
      tags: ['VIP'],
      urls: expect.arrayContaining(['http://www.ibm.com', 'http://www.sun.com']) as string[],
    });
    expect(john.addressBook.phones).toContain('905-555-1234');
    expect(john.addressBook.photos).toContainEqual(expect.stringMatching(/^photos\/[0-9a-f]{40}\.jpg$/));
    const text = await runCli(['--data', data, '--now', NOW, 'show', 'john.doe@ibm.com']);
    expect(text.stdout).toMatch(
      / {2}Address book \(6 cards\):\n {4}Birthday: 1980-03-22\n {4}Categories: VIP\n/,
    );
  });
});
