import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDataDir } from './support/cli-harness.js';
import { serveTend, type ServedTend } from './support/served-demo.js';

/**
 * `tend serve` as a user runs it (the built bin/tend in its own process): it prints a login URL, the link
 * signs in once, the API answers with the session and refuses without it, and Ctrl-C stops it cleanly.
 */
describe('tend serve', () => {
  let served: ServedTend;
  const data = tempDataDir();
  beforeAll(async () => {
    expect((await runCli(['demo', '--data', data, '--now', '2026-01-15'])).code).toBe(0);
    served = await serveTend(data);
  }, 120_000);
  afterAll(async () => {
    if (served.child.exitCode === null) await served.stop();
  });

  it('signs in with the printed link once, and the API answers only with the session', async () => {
    expect(served.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const login = await fetch(served.loginUrl, { redirect: 'manual' });
    expect(login.status).toBe(303);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const today = await fetch(`${served.origin}/api/today`, { headers: { cookie } });
    expect(today.status).toBe(200);
    expect(((await today.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);
    expect((await fetch(`${served.origin}/api/today`)).status).toBe(401);
    expect((await fetch(served.loginUrl, { redirect: 'manual' })).status).toBe(401);
  });

  it('stops on Ctrl-C with exit code 0', async () => {
    const code = await served.stop();
    expect(code).toBe(0);
    expect(served.stderr()).toContain('stopping');
  });
});
