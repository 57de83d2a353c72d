import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDataDir } from '../../test/support/cli-harness.js';

/**
 * docs/rules/calendar.md and docs/rules/mail.md through the CLI: calendars and mailboxes import beside a
 * LinkedIn export with its report and exit codes (a bad file: one line naming it and its line, exit 2, the
 * others imported), and `tend health` counts the conversations they hold.
 */

const NOW = '2026-12-01T12:00:00Z';

const CONNECTIONS = [
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Alice,Adams,https://www.linkedin.com/in/alice-adams,alice@example.com,Acme,CTO,05 Feb 2026',
  'Bob,Brown,https://www.linkedin.com/in/bob-brown,bob@example.com,Initech,Engineer,06 Feb 2026',
  'Carol,Cole,https://www.linkedin.com/in/carol-cole,,Globex,Designer,07 Feb 2026',
  '',
].join('\n');

const CALENDAR = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'BEGIN:VEVENT',
  'UID:review-1',
  'SUMMARY:Design review',
  'DTSTART;TZID=W. Europe Standard Time:20261110T100000',
  'ORGANIZER:mailto:me@example.com',
  'ATTENDEE;PARTSTAT=ACCEPTED:mailto:bob@example.com',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

const MAILBOX = [
  'From 1@xxx Mon Nov 02 09:00:00 +0000 2026',
  'From: Alice Adams <alice@example.com>',
  'To: me@example.com',
  'Subject: Lunch?',
  'Date: Mon, 2 Nov 2026 09:00:00 +0000',
  'Message-ID: <a1@example.com>',
  '',
  'Free on Thursday?',
  '',
  'From 2@xxx Mon Nov 02 10:00:00 +0000 2026',
  'From: me@example.com',
  'To: alice@example.com',
  'Subject: Re: Lunch?',
  'Date: Mon, 2 Nov 2026 10:00:00 +0000',
  'Message-ID: <m1@example.com>',
  'In-Reply-To: <a1@example.com>',
  '',
  'Yes!',
  '',
].join('\n');

describe('tend import with calendars and mailboxes', () => {
  it('imports a calendar and a mailbox beside the connections; a cut-off mailbox and a binary calendar fail alone', async () => {
    const data = tempDataDir();
    const folder = mkdtempSync(join(tmpdir(), 'tend-cli-mail-'));
    writeFileSync(join(folder, 'Connections.csv'), CONNECTIONS);
    writeFileSync(join(folder, 'work.ics'), CALENDAR);
    writeFileSync(join(folder, 'All mail.mbox'), MAILBOX);
    writeFileSync(join(folder, 'cut.mbox'), MAILBOX.slice(0, MAILBOX.indexOf('Subject: Re: Lunch?')));
    writeFileSync(join(folder, 'photo.ics'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]));
    expect((await runCli(['--data', data, 'config', 'owner-email', 'me@example.com'])).code).toBe(0);
    const plain = await runCli(['--data', data, '--now', NOW, 'import', folder]);
    expect(plain.code).toBe(2);
    expect(plain.stderr.trimEnd().split('\n').sort()).toEqual([
      `  FAILED    ${join(folder, 'cut.mbox')}: line 10: the file ends inside the headers of this message (cut off?): export the mailbox again`,
      `  FAILED    ${join(folder, 'photo.ics')}: line 1: binary data, not an iCalendar file: export the calendar as .ics again`,
    ]);
    expect(plain.stdout).toContain(`ok        ${join(folder, 'All mail.mbox')} (mbox): 2 rows, 2 imported`);
    expect(plain.stdout).toContain(`ok        ${join(folder, 'work.ics')} (icalendar): 1 rows, 1 imported`);
    expect(plain.stdout).toContain('Your e-mail: me@example.com (your owner-email setting)');

    // Alice answered by mail, Bob met: two of three connections conversed with, none of it on LinkedIn.
    const health = await runCli(['--data', data, '--now', NOW, '--json', 'health']);
    expect(health.json()).toMatchObject({ connections: 3, conversed: 2, depth: 0.667 });

    const again = await runCli(['--data', data, '--now', NOW, '--json', 'import', folder]);
    expect(again.code).toBe(2);
    expect(again.json()).toMatchObject({
      files: expect.arrayContaining([
        expect.objectContaining({
          path: join(folder, 'cut.mbox'),
          format: 'mbox',
          failed: expect.stringMatching(/^line 10: /) as string,
        }),
        expect.objectContaining({ path: join(folder, 'All mail.mbox'), format: 'mbox', unchanged: true }),
      ]) as unknown,
      owner: { emails: ['me@example.com'], emailsFrom: 'setting' },
      totals: { interactionsAdded: 0 },
    });
  });
});
