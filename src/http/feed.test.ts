import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeApps, postgresAvailable } from '../../test/support/test-databases.js';
import { httpSession, type HttpSession } from '../../test/support/http-harness.js';
import { runCli, tempDataDir } from '../../test/support/cli-harness.js';

/** The plan as a calendar feed (docs/rules/cli.md#feed), read by a real iCalendar parser. */
const dialects = [
  { name: 'sqlite', url: undefined },
  ...(postgresAvailable ? [{ name: 'postgres', url: process.env.TEND_TEST_DATABASE_URL }] : []),
];

function events(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  return calendar.getAllSubcomponents('vevent').map((event) => ({
    uid: String(event.getFirstPropertyValue('uid')),
    start: String(event.getFirstPropertyValue('dtstart')),
    summary: String(event.getFirstPropertyValue('summary')),
    description: String(event.getFirstPropertyValue('description')),
  }));
}

describe.each(dialects)('the calendar feed on $name', ({ name, url }) => {
  let session: HttpSession;
  beforeAll(async () => {
    session = await httpSession({ postgresUrl: url, label: `feed_${name}` });
  }, 120_000);
  afterAll(() => closeApps(session ? [session.app] : []));

  const feed = (key: string) =>
    session.call('GET', `/feed/agenda.ics?key=${encodeURIComponent(key)}`, {
      headers: { cookie: undefined },
    });

  it('serves every due item as an all-day event with a stable UID, the reason and next step in it', async () => {
    const key = session.app.feedKeys.current();
    const first = await feed(key);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^text\/calendar/);
    const parsed = events(await first.text());
    const plan = (await (await session.call('GET', '/api/today?all=1')).json()) as {
      today: string;
      items: Array<{ id: string; reason: string; due: string }>;
    };
    expect(parsed.map((event) => event.uid).sort()).toEqual(
      plan.items.map((item) => `${item.id}@tend`).sort(),
    );
    const item = plan.items[0]!;
    const event = parsed.find((entry) => entry.uid === `${item.id}@tend`)!;
    expect(event.description).toContain(item.reason);
    expect(event.description).toContain('Next step: ');
    expect(event.start).toBe(item.due < plan.today ? plan.today : item.due);
    const again = events(await (await feed(key)).text());
    expect(again.map((entry) => entry.uid)).toEqual(parsed.map((entry) => entry.uid));
  });

  it('refuses a wrong key, and the old key once rotated', async () => {
    const old = session.app.feedKeys.current();
    expect((await feed('not-the-key')).status).toBe(401);
    const rotated = session.app.feedKeys.rotate();
    expect(rotated).not.toBe(old);
    expect((await feed(old)).status).toBe(401);
    expect((await feed(rotated)).status).toBe(200);
  });
});

describe('tend feed-url', () => {
  it('prints the URL with the feed key, the same until --rotate makes a new one', async () => {
    const data = tempDataDir();
    const print = async (...extra: string[]) => {
      const result = await runCli(['--data', data, '--json', 'feed-url', ...extra]);
      expect(result.code, result.stderr).toBe(0);
      return result.json<{ url: string }>().url;
    };
    const first = await print();
    expect(first).toMatch(/^http:\/\/127\.0\.0\.1:4747\/feed\/agenda\.ics\?key=[A-Za-z0-9_-]{32}$/);
    expect(await print()).toBe(first);
    const rotated = await print('--rotate', '--port', '8080');
    expect(rotated).toMatch(/^http:\/\/127\.0\.0\.1:8080\//);
    expect(rotated.split('key=')[1]).not.toBe(first.split('key=')[1]);
  });
});
