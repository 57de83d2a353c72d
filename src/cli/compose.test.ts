import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDataDir } from '../../test/support/cli-harness.js';
import { fillWorksheet } from '../../test/support/compose-worksheet.js';

const NOW = '2026-01-15T09:00:00Z';
const NORTHWIND = 'company:"northwind health"';

async function setUp() {
  const data = tempDataDir();
  const work = mkdtempSync(join(data, 'work-'));
  const tend = (...argv: string[]) => runCli(['--data', data, '--now', NOW, ...argv]);
  expect((await tend('config', 'timezone', 'UTC')).code).toBe(0);
  expect((await tend('import', 'sample/linkedin')).code).toBe(0);
  const template = (name: string, text: string) => {
    const path = join(work, name);
    writeFileSync(path, text);
    return path;
  };
  const note = template('note.txt', 'Hi {{first-name}}, {{personal}} Coffee in Stockholm next week? Alex');
  return { tend, work, template, note };
}

describe('tend compose', () => {
  it('refuses without a reason, or a template without {{personal}} or with an unknown field', async () => {
    const { tend, template, note } = await setUp();
    const noReason = await tend('compose', NORTHWIND, '--template', note, '--channel', 'linkedin');
    expect(noReason.code).toBe(1);
    expect(noReason.stderr).toMatch(/say why you write to these people: --reason/);
    const same = template('same.txt', 'Hi {{first-name}}, coffee next week?');
    const refused = await tend('compose', NORTHWIND, '--template', same, '--reason', 'catch up');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/no \{\{personal\}\}: put it where the line you write/);
    const typo = template('typo.txt', 'Subject: hello\n\nHi {{first-name}},\n{{compnay}} {{personal}}');
    const unknown = await tend('compose', NORTHWIND, '--template', typo, '--reason', 'catch up');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/typo\.txt line 4: unknown field \{\{compnay\}\}/);
  });

  it('leaves out do-not-contact and archived people, listed; checks every personal line; writes the drafts once', async () => {
    const { tend, work, note } = await setUp();
    expect((await tend('set', 'Oskar Nyberg', '--do-not-contact')).code).toBe(0);
    expect((await tend('prune', '--apply', 'Elin Sjöberg', '--force')).code).toBe(0);
    const worksheet = join(work, 'northwind.csv');
    const composed = await tend(
      'compose',
      NORTHWIND,
      '--template',
      note,
      '--reason',
      'pricing roundtable',
      '--channel',
      'linkedin',
      '--worksheet',
      worksheet,
    );
    expect(composed.code).toBe(0);
    expect(composed.stdout).toMatch(/Oskar Nyberg \(\d+\): do not contact/);
    expect(composed.stdout).toMatch(/Elin Sjöberg \(\d+\): archived/);
    const names = readFileSync(worksheet, 'utf8')
      .split('\r\n')
      .slice(1, -1)
      .map((row) => row.split(',')[2]);
    expect(names).not.toContain('Oskar Nyberg');
    expect(names).not.toContain('Elin Sjöberg');
    expect(names.length).toBeGreaterThanOrEqual(3);

    fillWorksheet(worksheet, ['Loved your talk on triage queues.', '', 'Loved your talk on triage queues.']);
    const lines = await tend('compose', '--finish', worksheet);
    expect(lines.code).toBe(2);
    expect(lines.stderr).toMatch(/row 3 \([^)]+\): the personal line is empty/);
    expect(lines.stderr).toMatch(/row 4 \([^)]+\): the same personal line as/);

    const own = [
      'Loved your talk on triage queues at Nordic Health Summit.',
      'Your post about clinician onboarding changed how we run pilots.',
      'Still thinking about your question on Swedish procurement rules.',
      'Congratulations on the new role, the mobile app looks great.',
      'Your backend migration write-up saved us a week.',
    ];
    fillWorksheet(worksheet, own.slice(0, names.length));
    const finished = await tend('compose', '--finish', worksheet);
    expect(finished.code).toBe(0);
    const files = readdirSync(join(work, 'northwind-drafts'));
    expect(files).toHaveLength(names.length);
    expect(readFileSync(join(work, 'northwind-drafts', files[0] ?? ''), 'utf8')).toMatch(
      /^Hi \w+, Loved your talk on triage queues at Nordic Health Summit\. Coffee in Stockholm next week\? Alex/,
    );
    const again = await tend('compose', '--finish', worksheet, '--out', join(work, 'other'));
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/these drafts were finished on 2026-01-15/);
    const within30 = await tend(
      'compose',
      NORTHWIND,
      '--template',
      note,
      '--reason',
      'again',
      '--channel',
      'linkedin',
    );
    expect(within30.code).toBe(3);
    expect(within30.stderr).toMatch(/no one to write to: all \d+ are left out/);
  });

  it('refuses near-duplicate bodies, more than the daily cap, long LinkedIn notes and an exhausted weekly budget', async () => {
    const { tend, work, template, note } = await setUp();
    const long = template(
      'long.txt',
      'Hi {{first-name}}, we are gathering product and clinical people from health companies across the Nordics ' +
        'for a small pricing roundtable in Stockholm on the second Thursday of next month, hosted at our office ' +
        'near Slussen, with a short talk on willingness to pay, an open discussion and dinner afterwards. ' +
        'Places are limited to twelve so that everyone gets to speak. {{personal}} Best, Alex',
    );
    expect((await tend('config', 'invitation-note-limit', '1000')).code).toBe(0);
    const worksheet = join(work, 'near.csv');
    expect(
      (
        await tend(
          'compose',
          NORTHWIND,
          '--template',
          long,
          '--reason',
          'roundtable',
          '--worksheet',
          worksheet,
          '--channel',
          'linkedin',
        )
      ).code,
    ).toBe(0);
    fillWorksheet(worksheet, ['See you!', 'Hope to see you!', 'Would be great!', 'Join us?', 'Please come!']);
    const near = await tend('compose', '--finish', worksheet, '--format', 'csv');
    expect(near.code).toBe(2);
    expect(near.stderr).toMatch(/messages nearly the same \(70% or more of their wording shared\)/);

    expect((await tend('config', 'invitation-note-limit', '200')).code).toBe(0);
    const longLines = join(work, 'long.csv');
    expect(
      (
        await tend(
          'compose',
          'company:carevia',
          '--template',
          note,
          '--reason',
          'x',
          '--channel',
          'linkedin',
          '--worksheet',
          longLines,
        )
      ).code,
    ).toBe(0);
    fillWorksheet(longLines, ['a'.repeat(190), `${'b'.repeat(10)} and more`]);
    const tooLong = await tend('compose', '--finish', longLines);
    expect(tooLong.code).toBe(2);
    expect(tooLong.stderr).toMatch(/a LinkedIn note holds 200 \(invitation-note-limit/);

    expect((await tend('config', 'outreach-daily-cap', '2')).code).toBe(0);
    const cap = await tend(
      'compose',
      NORTHWIND,
      '--template',
      note,
      '--reason',
      'x',
      '--channel',
      'linkedin',
    );
    expect(cap.code).toBe(1);
    expect(cap.stderr).toMatch(/more than your daily cap of 2 \(outreach-daily-cap\): narrow the query/);
    expect((await tend('config', 'outreach-daily-cap', '25')).code).toBe(0);
    expect((await tend('config', 'linkedin-weekly-invitations', '2')).code).toBe(0);
    const budget = await tend(
      'compose',
      NORTHWIND,
      '--template',
      note,
      '--reason',
      'x',
      '--channel',
      'linkedin',
    );
    expect(budget.code).toBe(1);
    expect(budget.stderr).toMatch(/over your weekly budget of 2 \(linkedin-weekly-invitations\)/);
  });

  it('writes e-mail drafts as .eml files a mail program opens, to those with an address', async () => {
    const { tend, work, template } = await setUp();
    const mail = template(
      'mail.txt',
      'Subject: Café in Lisboa, {{first-name}}?\n\nHi {{first-name}},\n\n{{personal}}\n\nAlex',
    );
    const worksheet = join(work, 'mail.csv');
    const composed = await tend(
      'compose',
      'marta',
      '--template',
      mail,
      '--reason',
      'visit',
      '--worksheet',
      worksheet,
    );
    expect(composed.code).toBe(0);
    fillWorksheet(worksheet, ['Your health-law talk is still the best I have heard.']);
    expect((await tend('compose', '--finish', worksheet)).code).toBe(0);
    const [file] = readdirSync(join(work, 'mail-drafts'));
    const eml = readFileSync(join(work, 'mail-drafts', file ?? ''), 'utf8');
    expect(eml).toMatch(/^To: "Marta Silva" <marta\.silva@lindgrenaberg\.example>\r\n/);
    expect(eml).toContain(
      `Subject: =?UTF-8?B?${Buffer.from('Café in Lisboa, Marta?').toString('base64')}?=\r\n`,
    );
    expect(eml).toContain('X-Unsent: 1\r\n\r\nHi Marta,\r\n\r\nYour health-law talk');
  });
});
