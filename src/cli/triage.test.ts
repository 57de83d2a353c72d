import { describe, expect, it } from 'vitest';
import { runCli, tempDataDir } from '../../test/support/cli-harness.js';

const NOW = ['--now', '2026-01-15T09:00:00Z'];

describe('tend triage on the sample network', () => {
  it('gives each pending invitation a verdict with reasons, and records decisions', async () => {
    const data = tempDataDir();
    expect((await runCli(['--data', data, 'config', 'timezone', 'UTC'])).code).toBe(0);
    expect((await runCli(['--data', data, ...NOW, 'import', 'sample/linkedin'])).code).toBe(0);
    const result = await runCli(['--data', data, ...NOW, '--json', 'triage']);
    expect(result.code).toBe(0);
    const items = result.json<
      Array<{
        id: number;
        invitation: { from: string };
        verdict: string;
        reasons: string[];
        reply: string | null;
      }>
    >();
    const verdicts = Object.fromEntries(items.map((item) => [item.invitation.from, item.verdict]));
    expect(verdicts).toEqual({
      'Viktor Sandberg': 'accept',
      'Anna Bergqvist': 'accept',
      'Grace Liu': 'accept',
      'Michael Brooks': 'ask',
      'Dmitri Volkov': 'ask',
      'Brandon Tate': 'decline',
    });
    for (const item of items) expect(item.reasons.length).toBeGreaterThan(0);
    expect(items.find((item) => item.verdict === 'ask')?.reply).toMatch(/where we might have met/);

    const brandon = items.find((item) => item.invitation.from === 'Brandon Tate');
    if (!brandon) throw new Error('Brandon is missing');
    expect(
      (await runCli(['--data', data, ...NOW, 'triage', '--decide', String(brandon.id), 'decline'])).code,
    ).toBe(0);
    const after = (await runCli(['--data', data, ...NOW, '--json', 'triage'])).json<unknown[]>();
    expect(after).toHaveLength(5);
    expect((await runCli(['--data', data, ...NOW, 'triage', '--decide', '99999', 'accept'])).code).toBe(3);
    expect(
      (await runCli(['--data', data, ...NOW, 'triage', '--decide', String(brandon.id), 'maybe'])).code,
    ).toBe(1);
  });
});
