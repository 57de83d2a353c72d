import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/cli-harness.js';
import { tendSession } from './support/linkedin-fixtures.js';

/**
 * Control characters (docs/RELIABILITY.md#control-characters): an export whose names carry ESC, BEL or NUL
 * is imported without them, so tend never prints them raw and the person is found by name; older data that
 * still has them is shown safely.
 */
const NOW = '2025-03-10T12:00:00Z';
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

function hostileExport(): string {
  const folder = mkdtempSync(join(tmpdir(), 'tend-controls-'));
  writeFileSync(
    join(folder, 'Connections.csv'),
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n' +
      'Ra\u001b]0;owned\u0007vi,Menon,https://www.linkedin.com/in/ravi-menon,,Acme\u001b[2J,Engineer,01 Mar 2024\n' +
      'Nul\u0000la,Quinn,https://www.linkedin.com/in/nulla-quinn,,Acme,"Line\nbreak",02 Mar 2024\n',
  );
  writeFileSync(
    join(folder, 'messages.csv'),
    'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n' +
      'c-1,,Ravi Menon,https://www.linkedin.com/in/ravi-menon,Me,https://www.linkedin.com/in/me,2025-03-01 10:00:00 UTC,,"Hello&#27;[31m\u0007 there\nsecond line",INBOX\n' +
      'c-1,,Me Myself,https://www.linkedin.com/in/me,Ravi Menon,https://www.linkedin.com/in/ravi-menon,2025-03-02 10:00:00 UTC,,Hi Ravi,INBOX\n' +
      'c-2,,Me Myself,https://www.linkedin.com/in/me,Nulla Quinn,https://www.linkedin.com/in/nulla-quinn,2025-03-02 11:00:00 UTC,,Hi Nulla,INBOX\n',
  );
  return folder;
}

describe('control characters in an export', () => {
  it('are removed from names, fields and messages at import: nothing raw on screen, names found', async () => {
    const session = tendSession(NOW);
    expect((await session.importJson(hostileExport())).code).toBe(0);
    // Wide enough that the table cuts no cell (it fits the output width: docs/rules/cli.md#output-width).
    const people = await runCli(['--data', session.data, '--now', NOW, 'people'], { COLUMNS: '200' });
    expect(people.stdout).not.toMatch(RAW_CONTROL);
    expect(people.stdout).toMatch(/Ra\]0;ownedvi Menon +Acme\[2J/);
    const nulla = await session.show('Nulla Quinn');
    expect(nulla.name).toBe('Nulla Quinn');
    expect(nulla.position).toBe('Line break');
    const ravi = await session.show('Menon');
    expect(ravi.timeline.map((entry) => entry.summary)).toContain('Hello[31m there\nsecond line');
    expect((await session.run('show', 'Menon')).stdout).not.toMatch(RAW_CONTROL);
  });

  it('stored by an older version are never written raw to the terminal', async () => {
    const session = tendSession(NOW);
    expect((await session.importJson(hostileExport())).code).toBe(0);
    const database = new BetterSqlite3(join(session.data, 'tend.db'));
    database.prepare("update people set company = 'Evil\u001b]52;c;cGF5bG9hZA==\u0007Corp'").run();
    database.close();
    // Wide enough that the table cuts no cell (it fits the output width: docs/rules/cli.md#output-width).
    const people = await runCli(['--data', session.data, '--now', NOW, 'people'], { COLUMNS: '200' });
    expect(people.stdout).not.toMatch(RAW_CONTROL);
    expect(people.stdout).toContain('Evil\ufffd]52;c;cGF5bG9hZA==\ufffdCorp');
  });
});
