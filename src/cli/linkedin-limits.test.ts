import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDataDir } from '../../test/support/cli-harness.js';

/** LinkedIn's limits wherever tend drafts for LinkedIn (docs/rules/segments.md#linkedin-limits). */
async function setUp() {
  const data = tempDataDir();
  const at =
    (now: string) =>
    (...argv: string[]) =>
      runCli(['--data', data, '--now', `${now}T09:00:00Z`, ...argv]);
  const tend = at('2026-01-15');
  expect((await tend('config', 'timezone', 'UTC')).code).toBe(0);
  expect((await tend('import', 'sample/linkedin')).code).toBe(0);
  return { data, tend, at };
}

describe('LinkedIn limits', () => {
  it('keep invite-note and compose from inviting again within three weeks of a withdrawn invitation', async () => {
    const { data, tend, at } = await setUp();
    // Olga is no connection (a connection needs no invitation); --company gives the note its reason.
    const olga = ['Olga Petrenko', '--company', 'Brightloop AB'];
    const logged = await tend('log', 'Olga Petrenko', 'invitation-withdrawn', '--at', '2026-01-01');
    expect(logged.code).toBe(0);
    expect(logged.stdout).toMatch(/LinkedIn allows a new one from 2026-01-22/);
    const refused = await tend('invite-note', ...olga);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toMatch(/withdrew your invitation to Olga on 2026-01-01: .* from 2026-01-22/);
    // A refused note is not offered for sending.
    expect(refused.stdout).toMatch(/not to be sent now: see why below/);
    expect(refused.stdout).not.toMatch(/send it yourself/);
    expect((await at('2026-01-21')('invite-note', ...olga)).code).toBe(2);
    expect((await at('2026-01-22')('invite-note', ...olga)).code).toBe(0);
    // Not an interaction: Olga's history has no new entry.
    const shown = await tend('--json', 'show', 'Olga Petrenko');
    expect(shown.stdout).not.toMatch(/invitation-withdrawn/);

    const work = mkdtempSync(join(data, 'work-'));
    const template = join(work, 'note.txt');
    writeFileSync(template, 'Hi {{first-name}}, {{personal}} Alex');
    const composed = await tend(
      'compose',
      'olga OR elodie',
      '--template',
      template,
      '--reason',
      'catching up',
      '--channel',
      'linkedin',
      '--worksheet',
      join(work, 'sheet.csv'),
    );
    expect(composed.code).toBe(0);
    expect(composed.stdout).toMatch(
      /Olga Petrenko \(\d+\): invitation withdrawn on 2026-01-01: LinkedIn allows a new one from 2026-01-22/,
    );
  });

  it('count invitation notes drafted against the weekly budget, once a person, warning near it and refusing over it', async () => {
    const { tend } = await setUp();
    // The sample holds one invitation I sent in the week before 15 January; Olga's note makes two. Olga and
    // Grace are no connections (a connection needs no invitation); --company gives each note its reason.
    const olga = ['Olga Petrenko', '--company', 'Brightloop AB'];
    expect((await tend('invite-note', ...olga)).code).toBe(0);
    const warnings = async (...ref: string[]) => {
      const result = await tend('--json', 'invite-note', ...ref);
      return { code: result.code, text: result.json<{ warnings: string[] }>().warnings.join(' ') };
    };
    expect((await warnings(...olga)).text).not.toMatch(/invitations this week/);
    expect((await tend('config', 'linkedin-weekly-invitations', '2')).code).toBe(0);
    // Olga's note again is the same invitation: at the budget (a warning), not over it.
    const again = await warnings(...olga);
    expect(again.code).toBe(0);
    expect(again.text).toMatch(/2 of your 2 invitations this week \(linkedin-weekly-invitations\): 0 left/);
    const other = await warnings('Grace Liu', '--company', 'Brightloop AB');
    expect(other.code).toBe(2);
    expect(other.text).toMatch(/3 invitations in 7 days would be over your weekly budget of 2/);
  });
});
