import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDataDir } from '../../test/support/cli-harness.js';

const NOW = ['--now', '2026-01-15T09:00:00Z'];

interface NoteJson {
  note: string;
  length: number;
  limit: number;
  ok: boolean;
  warnings: string[];
}

describe('tend invite-note on the sample network (Maya worked at Brightloop, studied at KTH)', () => {
  let data: string;
  const tend = (...args: string[]) => runCli(['--data', data, ...NOW, ...args]);
  const json = async (...args: string[]) => {
    const result = await tend('--json', 'invite-note', ...args);
    return {
      code: result.code,
      stderr: result.stderr,
      body: result.code <= 2 ? result.json<NoteJson>() : null,
    };
  };

  beforeAll(async () => {
    data = tempDataDir();
    expect((await runCli(['--data', data, 'config', 'timezone', 'UTC'])).code).toBe(0);
    expect((await tend('import', 'sample/linkedin')).code).toBe(0);
  });

  it('drafts a note within 200 characters that names the shared employer, signed by the owner', async () => {
    // Olga wrote to Maya but is no connection; --company says where she works now.
    const { code, body } = await json('Olga Petrenko', '--company', 'Brightloop AB');
    expect(code).toBe(0);
    expect(Object.keys(body ?? {}).sort()).toEqual(['length', 'limit', 'note', 'ok', 'warnings']);
    expect(body?.note).toMatch(/^Hi Olga, we were both at Brightloop\./);
    expect(body?.note).toMatch(/– Maya$/);
    expect(body?.limit).toBe(200);
    expect(body?.length).toBeLessThanOrEqual(200);
    expect(body?.length).toBe(Array.from(body?.note ?? '').length);
  });

  it('prints the note, its length against the limit and the warnings for people', async () => {
    const result = await tend('invite-note', 'Olga Petrenko', '--company', 'Brightloop AB');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Hi Olga, we were both at Brightloop\./);
    expect(result.stdout).toMatch(/\n\d+\/200 characters · drafted for Olga Petrenko/);
  });

  it('says first that a connection needs no invitation, drafts nothing and exits 2', async () => {
    const result = await tend('invite-note', 'Johanna Wikström');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('Already connected: you can message Johanna instead of inviting them.\n');
    const checked = await json('Johanna Wikström', 'Hi Johanna, we were both at Brightloop.');
    expect(checked.code).toBe(2);
    expect(checked.body).toMatchObject({ note: null, ok: false });
    expect(checked.body?.warnings).toEqual([
      'Already connected: you can message Johanna instead of inviting them.',
    ]);
  });

  it('checks a note I wrote: exit 2 when it is too long, with --premium it fits', async () => {
    const text = `Hi Olga, we were both at Brightloop in the routing days. ${'I would love to hear more. '.repeat(6)}`;
    const free = await json('Olga Petrenko', text);
    expect(free.code).toBe(2);
    expect(free.body).toMatchObject({ note: text, limit: 200, ok: false });
    expect(free.body?.warnings[0]).toMatch(/^Too long: \d+ characters over the 200-character limit/);
    const premium = await json('Olga Petrenko', text, '--premium');
    expect(premium.code).toBe(0);
    expect(premium.body?.limit).toBe(300);
    expect(premium.body?.warnings.some((warning) => warning.startsWith('Too long'))).toBe(false);
  });

  it('warns about a generic note but still exits 0: it can be sent, it is just weak', async () => {
    const { code, body } = await json(
      'Grace Liu',
      "I'd like to add you to my professional network on LinkedIn.",
    );
    expect(code).toBe(0);
    expect(body?.ok).toBe(false);
    expect(body?.warnings.join(' ')).toMatch(/Generic/);
    expect(body?.warnings.join(' ')).toMatch(/No reason/);
  });

  it('warns about a pitch', async () => {
    const { body } = await json(
      'Grace Liu',
      'Hi Grace, I help clinics 10x their pipeline. Book a quick call this week for a free demo?',
    );
    expect(body?.warnings.join(' ')).toMatch(/sales pitch/);
  });

  it('an empty note cannot be sent: exit 2', async () => {
    const { code, body } = await json('Grace Liu', '   ');
    expect(code).toBe(2);
    expect(body?.warnings[0]).toMatch(/^Empty/);
  });

  it('uses the configured limit unless --premium is given', async () => {
    const other = tempDataDir();
    expect((await runCli(['--data', other, 'config', 'invitation-note-limit', '250'])).code).toBe(0);
    expect((await runCli(['--data', other, ...NOW, 'import', 'sample/linkedin'])).code).toBe(0);
    const configured = await runCli(['--data', other, ...NOW, '--json', 'invite-note', 'Grace Liu']);
    expect(configured.json<NoteJson>().limit).toBe(250);
    const premium = await runCli([
      '--data',
      other,
      ...NOW,
      '--json',
      'invite-note',
      'Grace Liu',
      '--premium',
    ]);
    expect(premium.json<NoteJson>().limit).toBe(300);
  });

  it('drafts for a profile URL not in tend yet from --name, --company and --how-met', async () => {
    const url = 'https://www.linkedin.com/in/someone-new-4711/';
    const { code, body } = await json(url, '--name', 'Lena Vogel', '--how-met', 'the Lisbon payments meetup');
    expect(code).toBe(0);
    expect(body?.note).toMatch(/^Hi Lena, we know each other from the Lisbon payments meetup\./);
    expect(body?.ok).toBe(true);
    // Nothing known: a placeholder to fill in, and the check says so (the signature is no reason); it cannot
    // be sent as it is: exit 2, and the line says what to do.
    const bare = await json(url, '--name', 'Lena Vogel');
    expect(bare.code).toBe(2);
    expect(bare.body?.note).toContain('[add how you know Lena or why you are writing]');
    expect(bare.body?.warnings.join(' ')).toMatch(/^To fill in: replace "\[add how you know Lena/);
    expect(bare.body?.warnings.join(' ')).toMatch(/No reason/);
    const text = await tend('invite-note', url, '--name', 'Lena Vogel');
    expect(text.code).toBe(2);
    expect(text.stdout).toContain('drafted for Lena Vogel with a part for you to fill in');
    // The draft pasted back unchanged is still not to be sent.
    expect((await json(url, bare.body?.note ?? '', '--name', 'Lena Vogel')).code).toBe(2);
    const colleague = await json(url, '--name', 'Lena Vogel', '--company', 'Brightloop AB');
    expect(colleague.body?.note).toMatch(/^Hi Lena, we were both at Brightloop\./);
  });

  it('needs --name for a profile URL not in tend yet: exit 1', async () => {
    const result = await tend('invite-note', 'https://www.linkedin.com/in/someone-new-4711');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/not in tend yet: give --name/);
  });

  it('a REF that matches nobody exits 3, several people exit 1', async () => {
    expect((await tend('invite-note', 'Nobody Like This')).code).toBe(3);
    const several = await tend('invite-note', 'Berg');
    expect(several.code).toBe(1);
    expect(several.stderr).toMatch(/matches \d+ people/);
  });
});
