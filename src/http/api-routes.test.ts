import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeApps, postgresAvailable } from '../../test/support/test-databases.js';
import { httpSession, type HttpSession } from '../../test/support/http-harness.js';

/**
 * Every API route on the demo network, on SQLite and on PostgreSQL: a call that works, one the schema
 * refuses (400 naming the field) and, where the route names something, one for what does not exist (404).
 * Answers are checked against the route's response schema (checkResponses), so a shape that drifts fails.
 */
interface Case {
  ok: (s: Fixture) => [string, string, unknown?];
  check?: (body: unknown, s: Fixture) => void;
  invalid?: [string, string, unknown?, string?];
  missing?: [string, string, unknown?];
}

interface Fixture {
  session: HttpSession;
  uploadId: string;
  /** Another upload, for the import followed as events. */
  streamUploadId: string;
  importId: string;
  /** A prune candidate of the demo network. */
  candidateId: number;
  items: Array<{ id: string; kind: string; person: { id: number; name: string } | null }>;
  invitationId: number;
  introductionId: number;
  pair: { a: number; b: number };
  /** A second Mei Tanaka (id 30) from an address book: a duplicate proposal to merge. */
  twin: number;
  /** The merge the merge case made, which the undo case undoes. */
  merge: number;
}

const CASES: Record<string, Case> = {
  'GET /api/today': {
    ok: () => ['GET', '/api/today'],
    check: (body) => expect((body as { items: unknown[] }).items.length).toBeGreaterThan(0),
    invalid: ['GET', '/api/today?all=perhaps', undefined, 'query.all'],
  },
  'POST /api/today/:id/done': {
    ok: (s) => ['POST', `/api/today/${s.items[0]!.id}/done`, { text: 'wrote back' }],
    check: (body) => expect(body).toMatchObject({ state: 'done', logged: { kind: 'message' } }),
    invalid: ['POST', '/api/today/abcdef123456/done', { as: 'telepathy' }, 'body.as'],
    missing: ['POST', '/api/today/abcdef123456/done', {}],
  },
  'POST /api/today/:id/snooze': {
    ok: (s) => ['POST', `/api/today/${s.items[1]!.id}/snooze`, { until: '2w' }],
    check: (body) => expect(body).toMatchObject({ state: 'snoozed', until: '2026-01-29' }),
    invalid: ['POST', '/api/today/abcdef123456/snooze', { until: 7 }, 'body.until'],
    missing: ['POST', '/api/today/abcdef123456/snooze', { until: '3d' }],
  },
  'POST /api/today/:id/dismiss': {
    ok: (s) => ['POST', `/api/today/${s.items[2]!.id}/dismiss`],
    check: (body) => expect(body).toMatchObject({ state: 'dismissed' }),
    invalid: ['POST', '/api/today/not-an-id!/dismiss', undefined, 'path.id'],
    missing: ['POST', '/api/today/abcdef123456/dismiss'],
  },
  'POST /api/undo': {
    ok: () => ['POST', '/api/undo'],
    check: (body) => expect((body as { undone: string }).undone).toMatch(/dismissed/),
  },
  'GET /api/people': {
    ok: () => ['GET', '/api/people?q=company%3Abrightloop'],
    check: (body) => {
      const { people, total } = body as { people: Array<{ company: string }>; total: number };
      expect(total).toBe(people.length);
      expect(people.length).toBeGreaterThan(0);
      for (const person of people) expect(person.company).toMatch(/brightloop/i);
    },
    invalid: ['GET', '/api/people?limit=0', undefined, 'query.limit'],
  },
  'GET /api/people/:id': {
    ok: () => ['GET', '/api/people/45'],
    check: (body) =>
      expect(body).toMatchObject({ name: 'Rasmus Holm', strengthReasons: expect.any(Array) as unknown }),
    invalid: ['GET', '/api/people/rasmus', undefined, 'path.id'],
    missing: ['GET', '/api/people/999999'],
  },
  'PATCH /api/people/:id': {
    ok: () => ['PATCH', '/api/people/45', { needs: ['a Rust mentor'], circle: 'close' }],
    check: (body) =>
      expect(body).toMatchObject({
        needs: ['a Rust mentor'],
        circle: 'close',
        changes: expect.arrayContaining(["needs + 'a Rust mentor'"]) as unknown,
      }),
    invalid: ['PATCH', '/api/people/45', { circle: 'bestie' }, 'body.circle'],
    missing: ['PATCH', '/api/people/999999', { notes: 'x' }],
  },
  'POST /api/people/:id/interactions': {
    ok: () => ['POST', '/api/people/45/interactions', { kind: 'call', text: 'caught up' }],
    check: (body) => expect(body).toMatchObject({ kind: 'call', person: { id: 45 } }),
    invalid: ['POST', '/api/people/45/interactions', { kind: 'call', on: '15/01/2026' }, 'body.on'],
    missing: ['POST', '/api/people/999999/interactions', { kind: 'call' }],
  },
  'GET /api/invitations': {
    ok: () => ['GET', '/api/invitations'],
    check: (body) => expect((body as unknown[]).length).toBeGreaterThan(0),
  },
  'POST /api/invitations/:id/decision': {
    ok: (s) => ['POST', `/api/invitations/${s.invitationId}/decision`, { verdict: 'accept' }],
    check: (body, s) => expect(body).toEqual({ id: s.invitationId, decision: 'accept' }),
    invalid: ['POST', '/api/invitations/1/decision', { verdict: 'maybe' }, 'body.verdict'],
    missing: ['POST', '/api/invitations/999999/decision', { verdict: 'decline' }],
  },
  'GET /api/introductions/suggestions': {
    ok: () => ['GET', '/api/introductions/suggestions?limit=5'],
    check: (body) => expect((body as unknown[]).length).toBeGreaterThan(0),
    invalid: ['GET', '/api/introductions/suggestions?limit=many', undefined, 'query.limit'],
  },
  'GET /api/introductions': {
    ok: () => ['GET', '/api/introductions'],
    check: (body, s) =>
      expect((body as Array<{ id: number }>).map((entry) => entry.id)).toContain(s.introductionId),
  },
  'POST /api/introductions': {
    ok: (s) => ['POST', '/api/introductions', { a: s.pair.a, b: s.pair.b, why: 'both build mobile apps' }],
    check: (body) => expect(body).toMatchObject({ state: 'proposed', next: expect.any(Array) as unknown }),
    invalid: ['POST', '/api/introductions', { a: 26 }, 'body.b'],
    missing: ['POST', '/api/introductions', { a: 999999, b: 26 }],
  },
  'POST /api/introductions/:id/steps': {
    ok: (s) => ['POST', `/api/introductions/${s.introductionId}/steps`, { step: 'asked-a' }],
    check: (body) => expect(body).toMatchObject({ state: 'asked-a' }),
    invalid: ['POST', '/api/introductions/1/steps', { step: 'teleported' }, 'body.step'],
    missing: ['POST', '/api/introductions/999999/steps', { step: 'asked-a' }],
  },
  'GET /api/health': {
    ok: () => ['GET', '/api/health'],
    check: (body) => expect((body as { connections: number }).connections).toBeGreaterThan(0),
  },
  'GET /api/health/history': {
    ok: () => ['GET', '/api/health/history?days=120'],
    check: (body) => {
      const { points } = body as { points: Array<{ day: string; figures: { connections: number } }> };
      // The sample's twelve weeks before today, and today's, taken when the page asks.
      expect(points).toHaveLength(13);
      expect(points.at(-1)?.day).toBe('2026-01-15');
      expect(points[0]!.figures.connections).toBeGreaterThan(0);
    },
    invalid: ['GET', '/api/health/history?days=a%20year', undefined, 'query.days'],
  },
  'GET /api/paths': {
    ok: () => ['GET', '/api/paths?target=company%3ABrightloop'],
    check: (body) => expect((body as { paths: unknown[] }).paths.length).toBeGreaterThan(0),
    invalid: ['GET', '/api/paths', undefined, 'query.target'],
    missing: ['GET', '/api/paths?target=999999'],
  },
  'POST /api/uploads': {
    ok: () => ['POST', '/api/uploads?name=Connections.csv', CONNECTIONS],
    check: (body) =>
      expect(body).toMatchObject({ name: 'Connections.csv', bytes: Buffer.byteLength(CONNECTIONS) }),
    invalid: ['POST', '/api/uploads', 'x', 'query.name'],
  },
  'POST /api/import': {
    ok: (s) => ['POST', '/api/import', { uploads: [s.uploadId] }],
    check: (body) =>
      expect(body).toMatchObject({
        files: [{ path: 'Connections.csv', format: expect.stringMatching(/connections/i) as unknown }],
        totals: { peopleAdded: expect.any(Number) as unknown },
      }),
    invalid: ['POST', '/api/import', { uploads: [] }, 'body.uploads'],
    missing: ['POST', '/api/import', { uploads: ['0'.repeat(24)] }],
  },
  'POST /api/imports': {
    ok: (s) => ['POST', '/api/imports', { uploads: [s.streamUploadId] }],
    check: (body, s) => {
      expect(body).toEqual({ id: expect.stringMatching(/^[0-9a-f]{24}$/) as unknown });
      s.importId = (body as { id: string }).id;
    },
    invalid: ['POST', '/api/imports', { uploads: ['x'], timeZone: 'Mars/Olympus' }, 'body.timeZone'],
    missing: ['POST', '/api/imports', { uploads: ['0'.repeat(24)] }],
  },
  'GET /api/imports/:id/events': {
    ok: (s) => ['GET', `/api/imports/${s.importId}/events`],
    check: (body) => {
      const events = parseEvents(body as string);
      expect(events.at(-1)).toMatchObject({
        event: 'report',
        data: {
          files: [{ path: 'Connections.csv' }],
          totals: { peopleAdded: expect.any(Number) as unknown },
        },
      });
      for (const event of events.slice(0, -1)) expect(event.event).toBe('progress');
    },
    invalid: ['GET', '/api/imports/not-one/events', undefined, 'path.id'],
    missing: ['GET', `/api/imports/${'0'.repeat(24)}/events`],
  },
  'GET /api/ledger': {
    ok: () => ['GET', '/api/ledger'],
    check: (body) => expect(Array.isArray(body)).toBe(true),
    invalid: ['GET', '/api/ledger?person=Rasmus', undefined, 'query.person'],
    missing: ['GET', '/api/ledger?person=999999'],
  },
  'POST /api/known-ties': {
    ok: () => ['POST', '/api/known-ties', { a: 45, b: 44, how: 'met at a meetup' }],
    check: (body) =>
      expect(body).toMatchObject({ a: { id: 45 }, b: { id: 44 }, how: 'met at a meetup', strength: 0.5 }),
    invalid: ['POST', '/api/known-ties', { a: 45 }, 'body.b'],
    missing: ['POST', '/api/known-ties', { a: 45, b: 999999 }],
  },
  'GET /api/known-ties': {
    ok: () => ['GET', '/api/known-ties?person=44'],
    check: (body) =>
      expect(body).toMatchObject({
        person: { id: 44 },
        ties: [{ person: { id: 45, name: 'Rasmus Holm' }, strength: 0.5, how: 'met at a meetup' }],
      }),
    invalid: ['GET', '/api/known-ties?person=Rasmus', undefined, 'query.person'],
    missing: ['GET', '/api/known-ties?person=999999'],
  },
  'DELETE /api/known-ties/:a/:b': {
    ok: () => ['DELETE', '/api/known-ties/44/45'],
    check: (body) => expect(body).toMatchObject({ a: { id: 44 }, b: { id: 45 }, removed: true }),
    invalid: ['DELETE', '/api/known-ties/someone/45', undefined, 'path.a'],
    // The tie the ok case removed is no longer there.
    missing: ['DELETE', '/api/known-ties/44/45'],
  },
  'GET /api/prune/candidates': {
    ok: () => ['GET', '/api/prune/candidates'],
    check: (body, s) =>
      expect((body as Array<{ person: { id: number } }>).map((entry) => entry.person.id)).toContain(
        s.candidateId,
      ),
  },
  'POST /api/people/:id/archive': {
    ok: (s) => ['POST', `/api/people/${s.candidateId}/archive`, {}],
    check: (body, s) => expect(body).toMatchObject({ archived: [{ id: s.candidateId }] }),
    invalid: ['POST', '/api/people/45/archive', { force: 'yes' }, 'body.force'],
    missing: ['POST', '/api/people/999999/archive', {}],
  },
  'GET /api/archived': {
    ok: () => ['GET', '/api/archived'],
    check: (body, s) =>
      expect((body as Array<{ person: { id: number } }>).map((entry) => entry.person.id)).toContain(
        s.candidateId,
      ),
  },
  'POST /api/people/:id/unarchive': {
    ok: (s) => ['POST', `/api/people/${s.candidateId}/unarchive`],
    check: (body, s) => expect(body).toMatchObject({ id: s.candidateId }),
    invalid: ['POST', '/api/people/someone/unarchive', undefined, 'path.id'],
    missing: ['POST', '/api/people/999999/unarchive'],
  },
  'POST /api/invitation-notes': {
    // Person 56 (Olga Petrenko) is no connection: a connection gets no note.
    ok: () => ['POST', '/api/invitation-notes', { ref: '56', company: 'Brightloop AB' }],
    check: (body) =>
      expect(body).toMatchObject({ drafted: true, recipient: { id: 56, name: 'Olga Petrenko' } }),
    invalid: ['POST', '/api/invitation-notes', { ref: '' }, 'body.ref'],
    missing: ['POST', '/api/invitation-notes', { ref: '999999' }],
  },
  'GET /api/settings': {
    ok: () => ['GET', '/api/settings'],
    check: (body) =>
      expect(body).toContainEqual({ key: 'timezone', value: 'UTC', describe: expect.any(String) as unknown }),
  },
  'PUT /api/settings/:key': {
    ok: () => ['PUT', '/api/settings/daily-budget', { value: '8' }],
    check: (body) => expect(body).toEqual({ key: 'daily-budget', value: '8' }),
    invalid: ['PUT', '/api/settings/daily-budget', { value: 8 }, 'body.value'],
    missing: ['PUT', '/api/settings/favourite-colour', { value: 'green' }],
  },
  'GET /api/duplicates': {
    ok: () => ['GET', '/api/duplicates'],
    check: (body, s) =>
      expect((body as { proposals: unknown[] }).proposals).toContainEqual({
        a: expect.objectContaining({ id: 30, name: 'Mei Tanaka' }) as unknown,
        b: expect.objectContaining({ id: s.twin, name: 'Mei Tanaka' }) as unknown,
        reasons: [expect.stringMatching(/^same name \(Mei Tanaka\)/) as unknown],
      }),
  },
  'POST /api/duplicates/dismiss': {
    ok: () => ['POST', '/api/duplicates/dismiss', { a: 45, b: 44 }],
    check: (body) => expect(body).toMatchObject({ a: { id: 45 }, b: { id: 44 } }),
    invalid: ['POST', '/api/duplicates/dismiss', { a: 45 }, 'body.b'],
    missing: ['POST', '/api/duplicates/dismiss', { a: 45, b: 999999 }],
  },
  'POST /api/duplicates/merge': {
    ok: (s) => ['POST', '/api/duplicates/merge', { a: 30, b: s.twin }],
    check: (body, s) => {
      const made = body as { merge: number; kept: { id: number }; merged: { id: number }; source: string };
      expect(made).toMatchObject({ kept: { id: 30 }, merged: { id: s.twin }, source: 'user' });
      s.merge = made.merge;
    },
    invalid: ['POST', '/api/duplicates/merge', { a: 30, b: 0 }, 'body.b'],
    missing: ['POST', '/api/duplicates/merge', { a: 30, b: 999999 }],
  },
  'POST /api/merges/:id/undo': {
    ok: (s) => ['POST', `/api/merges/${s.merge}/undo`],
    check: (body, s) =>
      expect(body).toMatchObject({ kept: { id: 30 }, merged: { name: 'Mei Tanaka' }, merge: s.merge }),
    invalid: ['POST', '/api/merges/latest/undo', undefined, 'path.id'],
    missing: ['POST', '/api/merges/999999/undo'],
  },
  'GET /api/openapi.json': {
    ok: () => ['GET', '/api/openapi.json'],
    check: (body) => expect((body as { openapi: string }).openapi).toBe('3.1.0'),
  },
};

/** `event: NAME` / `data: JSON` blocks, as EventSource reads them. */
function parseEvents(text: string): Array<{ event: string; data: unknown }> {
  return text
    .split('\n\n')
    .filter((block) => block.trim())
    .map((block) => {
      const field = (name: string) =>
        block
          .split('\n')
          .filter((line) => line.startsWith(`${name}:`))
          .map((line) => line.slice(name.length + 1).trim())
          .join('\n');
      return { event: field('event'), data: JSON.parse(field('data')) as unknown };
    });
}

const CONNECTIONS = readFileSync(
  new URL('../../test/fixtures/linkedin/2024-2025/Connections.csv', import.meta.url),
  'utf8',
);

const dialects = [
  { name: 'sqlite', url: undefined },
  ...(postgresAvailable ? [{ name: 'postgres', url: process.env.TEND_TEST_DATABASE_URL }] : []),
];

describe.each(dialects)('the API on $name', ({ name, url }) => {
  const fixture = {} as Fixture;
  const json = async (response: Response) => await response.json();

  beforeAll(async () => {
    fixture.session = await httpSession({ postgresUrl: url, label: `api_${name}` });
    const plan = (await json(await fixture.session.call('GET', '/api/today?all=1'))) as {
      items: Fixture['items'];
    };
    // Three items of three different people: a mark on a care item quiets that person's other items.
    const seen = new Set<number>();
    fixture.items = plan.items.filter((item) => {
      if (!item.person || seen.has(item.person.id) || item.kind === 'introduce') return false;
      seen.add(item.person.id);
      return true;
    });
    const invitations = (await json(await fixture.session.call('GET', '/api/invitations'))) as Array<{
      id: number;
    }>;
    fixture.invitationId = invitations[0]!.id;
    const [suggestion] = (await json(
      await fixture.session.call('GET', '/api/introductions/suggestions'),
    )) as Array<{
      a: { id: number };
      b: { id: number };
    }>;
    fixture.pair = { a: suggestion!.a.id, b: suggestion!.b.id };
    // Another pair of strong ties than the suggestion, which the POST case starts.
    const started = await fixture.session.call('POST', '/api/introductions', { body: { a: 54, b: 44 } });
    if (started.status !== 201) throw new Error(`could not start an introduction: ${await started.text()}`);
    fixture.introductionId = ((await json(started)) as { id: number }).id;
    const uploaded = await fixture.session.call('POST', '/api/uploads?name=Connections.csv', {
      body: CONNECTIONS,
    });
    fixture.uploadId = ((await json(uploaded)) as { id: string }).id;
    const another = await fixture.session.call('POST', '/api/uploads?name=Connections.csv', {
      body: CONNECTIONS,
    });
    fixture.streamUploadId = ((await json(another)) as { id: string }).id;
    const candidates = (await json(await fixture.session.call('GET', '/api/prune/candidates'))) as Array<{
      person: { id: number };
    }>;
    fixture.candidateId = candidates[0]!.person.id;
    const cards = mkdtempSync(join(tmpdir(), 'tend-api-twin-'));
    writeFileSync(
      join(cards, 'mei.vcf'),
      'BEGIN:VCARD\r\nVERSION:3.0\r\nN:Tanaka;Mei;;;\r\nFN:Mei Tanaka\r\nEMAIL:mei@home.example\r\nEND:VCARD\r\n',
    );
    await fixture.session.app.imports.importPaths([cards]);
    fixture.twin = (await fixture.session.app.people.resolveRef('mei@home.example')).id;
  }, 120_000);

  afterAll(() => closeApps(fixture.session ? [fixture.session.app] : []));

  it('has cases for every route', () => {
    const routes = fixture.session.routes.map((route) => `${route.method.toUpperCase()} ${route.path}`);
    expect(Object.keys(CASES).sort()).toEqual([...routes].sort());
  });

  for (const [route, spec] of Object.entries(CASES)) {
    it(`${route} answers`, async () => {
      const [method, path, body] = spec.ok(fixture);
      const response = await fixture.session.call(method, path, { body });
      const events = route.endsWith('/events');
      const answer: unknown = events ? await response.text() : await json(response);
      const created =
        [
          'POST /api/introductions',
          'POST /api/uploads',
          'POST /api/imports',
          'POST /api/known-ties',
        ].includes(route) || route.endsWith('/interactions');
      expect(response.status, JSON.stringify(answer)).toBe(created ? 201 : 200);
      expect(response.headers.get('content-type')).toMatch(
        events ? /^text\/event-stream/ : /^application\/json/,
      );
      spec.check?.(answer, fixture);
    });
    if (spec.invalid) {
      const [method, path, body, field] = spec.invalid;
      it(`${route} refuses what its schema does not allow`, async () => {
        const response = await fixture.session.call(method, path, { body });
        const answer = (await json(response)) as { error: { code: string; message: string } };
        expect(response.status).toBe(400);
        expect(answer.error.code).toBe('usage');
        expect(answer.error.message).toContain(field);
      });
    }
    if (spec.missing) {
      const [method, path, body] = spec.missing;
      it(`${route} says what it did not find`, async () => {
        const response = await fixture.session.call(method, path, { body });
        const answer = (await json(response)) as { error: { code: string; message: string } };
        expect(response.status, JSON.stringify(answer)).toBe(404);
        expect(answer).toEqual({ error: { code: 'not-found', message: expect.any(String) as unknown } });
      });
    }
  }

  it('refuses to archive someone who is no prune candidate, saying why, unless forced', async () => {
    const refused = await fixture.session.call('POST', '/api/people/45/archive', { body: {} });
    expect(refused.status).toBe(409);
    expect(((await json(refused)) as { error: { message: string } }).error.message).toMatch(
      /^not archived, this is no prune candidate: Rasmus Holm \(/,
    );
    const forced = await fixture.session.call('POST', '/api/people/45/archive', { body: { force: true } });
    expect(await json(forced)).toEqual({ archived: [{ id: 45, name: 'Rasmus Holm' }] });
    expect((await fixture.session.call('POST', '/api/people/45/unarchive')).status).toBe(200);
  });

  it('lists a recorded tie from both of its people until it is removed, the strength moved and back', async () => {
    const ties = async (id: number) =>
      (
        (await json(await fixture.session.call('GET', `/api/known-ties?person=${id}`))) as {
          ties: Array<{ person: { id: number }; how: string | null }>;
        }
      ).ties.map((tie) => [tie.person.id, tie.how]);
    const strength = async (id: number) =>
      ((await json(await fixture.session.call('GET', `/api/people/${id}`))) as { strength: number }).strength;
    const before = await ties(54);
    const strengthBefore = await strength(46);
    const recorded = await fixture.session.call('POST', '/api/known-ties', {
      body: { a: 54, b: 46, how: 'same climbing gym', strength: 1 },
    });
    expect(recorded.status).toBe(201);
    expect(await ties(54)).toEqual(expect.arrayContaining([[46, 'same climbing gym']]));
    expect(await ties(46)).toEqual(expect.arrayContaining([[54, 'same climbing gym']]));
    expect(await strength(46)).toBeGreaterThan(strengthBefore);
    const removed = await fixture.session.call('DELETE', '/api/known-ties/46/54');
    expect(removed.status).toBe(200);
    expect(await ties(54)).toEqual(before);
    expect(await ties(46)).not.toEqual(expect.arrayContaining([[54, 'same climbing gym']]));
    expect(await strength(46)).toBe(strengthBefore);
    const again = await fixture.session.call('DELETE', '/api/known-ties/46/54');
    expect(again.status).toBe(404);
    expect(((await json(again)) as { error: { message: string } }).error.message).toMatch(
      /^you have not recorded that .+ and .+ know each other$/,
    );
  });

  it('answers people a page at a time: the pages together are the whole list, in its order', async () => {
    type Page = { people: Array<{ id: number }>; total: number; next: string | null };
    const whole = (await json(await fixture.session.call('GET', '/api/people?q=a'))) as Page;
    expect(whole.next).toBeNull();
    expect(whole.total).toBe(whole.people.length);
    expect(whole.total).toBeGreaterThan(5);
    const ids: number[] = [];
    let cursor: string | null = null;
    do {
      const answer = (await json(
        await fixture.session.call('GET', `/api/people?q=a&limit=4${cursor ? `&cursor=${cursor}` : ''}`),
      )) as Page;
      expect(answer.total).toBe(whole.total);
      expect(answer.people.length).toBeLessThanOrEqual(4);
      ids.push(...answer.people.map((person) => person.id));
      cursor = answer.next;
    } while (cursor !== null);
    expect(ids).toEqual(whole.people.map((person) => person.id));
    const rest = (await json(await fixture.session.call('GET', '/api/people?q=a&cursor=4'))) as Page;
    expect(rest.people).toEqual(whole.people.slice(4));
    const beyond = (await json(await fixture.session.call('GET', '/api/people?cursor=999999'))) as Page;
    expect(beyond).toMatchObject({ people: [], next: null });
    const refused = await fixture.session.call('GET', '/api/people?cursor=-1');
    expect(refused.status).toBe(400);
    expect(((await json(refused)) as { error: { message: string } }).error.message).toContain('query.cursor');
  });

  it('keeps a mark: the item done is gone from the plan', async () => {
    const plan = (await json(await fixture.session.call('GET', '/api/today?all=1'))) as Fixture;
    expect(plan.items.map((item) => item.id)).not.toContain(fixture.items[0]!.id);
  });
});
