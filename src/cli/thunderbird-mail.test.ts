import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDataDir } from '../../test/support/cli-harness.js';

/** docs/rules/mail.md#mbox: Thunderbird's folders are mbox files without an extension. */
const NOW = '2026-12-01T12:00:00Z';

function message(from: string, to: string, day: number, subject: string): string {
  return [
    `From - Thu Oct ${day} 11:39:48 2026`,
    `From: ${from}`,
    `To: ${to}`,
    `Subject: ${subject}`,
    `Date: Thu, ${day} Oct 2026 11:39:48 +0000`,
    `Message-ID: <${day}.${subject.replace(/\W/g, '')}@example.org>`,
    '',
    'Hello',
    '',
  ].join('\n');
}

describe('tend import with a Thunderbird profile folder', () => {
  it("reads Thunderbird's extension-less folder files as mboxes and leaves the rest", async () => {
    const profile = mkdtempSync(join(tmpdir(), 'tend-thunderbird-'));
    const mail = join(profile, 'Mail', 'Local Folders');
    mkdirSync(mail, { recursive: true });
    writeFileSync(
      join(mail, 'Inbox'),
      message('Aiko Tanabe <aiko@tanabe.example>', 'Me <me@example.org>', 12, 'Lunch?') +
        message('Me <me@example.org>', 'Aiko Tanabe <aiko@tanabe.example>', 13, 'Re: Lunch?'),
    );
    writeFileSync(join(mail, 'Inbox.msf'), '// <!-- <mdb:mork:z v="1.4"/> -->');
    writeFileSync(join(mail, 'filterlog'), 'not mail at all');
    const data = tempDataDir();
    expect((await runCli(['--data', data, 'config', 'owner-email', 'me@example.org'])).code).toBe(0);
    const result = await runCli([
      '--data',
      data,
      '--now',
      NOW,
      '--json',
      'import',
      '--create-people',
      profile,
    ]);
    expect(result.code).toBe(0);
    const files = result.json<{ files: { path: string; format: string; imported: number }[] }>().files;
    expect(files.find((file) => file.path.endsWith('Inbox'))).toMatchObject({ format: 'mbox', imported: 2 });
    expect(files.filter((file) => file.format === 'mbox')).toHaveLength(1);
    const shown = await runCli(['--data', data, '--now', NOW, '--json', 'show', 'aiko@tanabe.example']);
    expect(shown.json<{ timeline: unknown[] }>().timeline).toHaveLength(2);
  });
});
