import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../app.js';
import { resolveConfig } from '../config.js';
import { isAppError } from '../domain/errors.js';
import { bestFitBetween } from '../domain/introduction-matching.js';
import type { Person } from '../domain/person.js';
import { createInteractionRepository } from '../store/interaction.repository.js';
import { createPersonRepository } from '../store/person.repository.js';
import { tempDataDir } from '../../test/support/cli-harness.js';
import { createIntroductionService } from './introduction.service.js';

const ANCHOR = Date.parse('2026-01-15T09:00:00Z');
const DAY = 86_400_000;

/** The sample network of sample/STORY.md at its anchor date, in UTC, with a clock the test moves. */
async function openSample() {
  const dataDir = tempDataDir();
  const app = await createApp(resolveConfig({ data: dataDir, now: '2026-01-15T09:00:00Z' }, {}));
  app.settings.set('timezone', 'UTC');
  await app.sample.load(dataDir, '2026-01-15');
  const clock = { now: ANCHOR };
  const service = createIntroductionService({
    store: app.store,
    people: app.people,
    relationships: app.relationships,
    settings: app.settings,
    clock: () => clock.now,
  });
  const person = (name: string): Promise<Person> => app.people.resolveRef(name);
  return { app, service, clock, person };
}

async function refusal(work: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await work.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return { code: error.code, message: error.message };
}

async function introInteractions(app: App, personId: number) {
  return (await createInteractionRepository(app.store).timeline(personId)).filter(
    (entry) => entry.channel === 'intro' || entry.kind === 'introduction-made',
  );
}

describe('introduction suggestions on the sample network (sample/STORY.md, Introductions)', () => {
  let sample: Awaited<ReturnType<typeof openSample>>;
  beforeAll(async () => {
    sample = await openSample();
  });
  afterAll(() => sample.app.close());

  it('suggests Sofia ↔ Daniel and none of the near misses', async () => {
    const suggestions = await sample.service.suggest(ANCHOR);
    const names = suggestions.map((entry) => `${entry.a.name} ↔ ${entry.b.name}`);
    expect(names).toContain('Sofia Reyes ↔ Daniel Okafor');
    const [sofiaDaniel] = suggestions.filter((entry) => entry.b.name === 'Daniel Okafor');
    expect(sofiaDaniel?.reasons[0]).toContain('Sofia Reyes is looking for “a React Native contractor”');
    expect(sofiaDaniel?.reasons[0]).toContain('Daniel Okafor offers “React Native consulting”');
    const involves = (x: string, y: string) =>
      suggestions.some((entry) => [entry.a.name, entry.b.name].sort().join('|') === [x, y].sort().join('|'));
    expect(involves('Hannah Virtanen', 'Lukas Meyer')).toBe(false);
    expect(involves('Priya Nair', 'Tomasz Nowak')).toBe(false);
    expect(involves('Sofia Reyes', 'Marcus Lund')).toBe(false);
    expect(suggestions.every((entry) => !entry.reasons.join(' ').includes('Carevia'))).toBe(true);
  });

  it('leaves out Priya ↔ Tomasz only because they are linked: they do fit', async () => {
    const [priya, tomasz] = [await sample.person('Priya Nair'), await sample.person('Tomasz Nowak')];
    const asMatch = (person: Person) => ({
      ...person,
      tie: { score: 60, band: 'strong' as const },
      archived: false,
    });
    expect(bestFitBetween(asMatch(priya), asMatch(tomasz))?.score).toBeGreaterThanOrEqual(50);
  });

  it('makes the strong suggestion an agenda item due today, naming both people', async () => {
    const items = await sample.service.agendaItems(ANCHOR);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      kind: 'introduce',
      subject: 'Sofia Reyes ↔ Daniel Okafor',
      person: { name: 'Sofia Reyes' },
      due: '2026-01-15',
    });
    expect(items[0]?.id).toMatch(/^[0-9a-f]{12}$/);
    expect(items[0]?.reason).toContain('React Native');
    expect(items[0]?.suggestion).toContain('tend intro start');
    expect((await sample.service.agendaItems(ANCHOR))[0]?.id).toBe(items[0]?.id);
    // The agenda can hand over the strengths it already computed: the same items.
    const ties = await sample.app.relationships.strengths(ANCHOR);
    expect(await sample.service.agendaItems(ANCHOR, ties)).toEqual(items);
  });
});

describe('starting an introduction', () => {
  let sample: Awaited<ReturnType<typeof openSample>>;
  beforeAll(async () => {
    sample = await openSample();
  });
  afterAll(() => sample.app.close());

  it('refuses the same person twice', async () => {
    expect(await refusal(sample.service.start('Sofia Reyes', 'sofia reyes', null))).toMatchObject({
      code: 'usage',
    });
  });

  it('refuses a weak tie on either side, naming the band and the score', async () => {
    const failure = await refusal(sample.service.start('Sofia Reyes', 'Marcus Lund', null));
    expect(failure.code).toBe('conflict');
    expect(failure.message).toMatch(
      /^you can't introduce someone you don't know: your tie to Marcus Lund is none \(score \d+\)/,
    );
    const dormant = await refusal(sample.service.start('Karin Ek', 'Daniel Okafor', null));
    expect(dormant.message).toMatch(/Karin Ek is dormant \(score \d+\)/);
  });

  it('refuses do-not-contact and archived people', async () => {
    const jonas = await sample.person('Jonas Berg');
    const ahmed = await sample.person('Ahmed Karimi');
    await createPersonRepository(sample.app.store).updateUserFields(jonas.id, { doNotContact: true }, ANCHOR);
    await createPersonRepository(sample.app.store).updateUserFields(ahmed.id, { archivedAt: ANCHOR }, ANCHOR);
    expect((await refusal(sample.service.start('Hannah Virtanen', 'Jonas Berg', null))).message).toContain(
      'do-not-contact',
    );
    expect((await refusal(sample.service.start('Ahmed Karimi', 'Hannah Virtanen', null))).message).toContain(
      'archived',
    );
  });

  it('starts one with the first draft, and refuses a second open one of the pair in either order', async () => {
    const view = await sample.service.start(
      'Sofia Reyes',
      'Daniel Okafor',
      'her app is slow on old Android phones',
    );
    expect(view).toMatchObject({
      a: { name: 'Sofia Reyes' },
      b: { name: 'Daniel Okafor' },
      state: 'proposed',
      next: ['asked-a'],
      stalled: false,
      due: null,
      history: [{ state: 'proposed', at: ANCHOR, note: 'her app is slow on old Android phones' }],
    });
    expect(view.draft?.to).toEqual(['Sofia Reyes']);
    expect(view.draft?.text).toContain('Your app is slow on old Android phones.');
    expect(view.draft?.text).toContain('Daniel offers “React Native consulting”');
    for (const [a, b] of [
      ['Sofia Reyes', 'Daniel Okafor'],
      ['Daniel Okafor', 'Sofia Reyes'],
    ] as const) {
      const failure = await refusal(sample.service.start(a, b, null));
      expect(failure.code).toBe('conflict');
      expect(failure.message).toContain(
        `already have an open introduction (${view.id}, proposed since 2026-01-15)`,
      );
    }
    expect((await sample.service.suggest(ANCHOR)).some((entry) => entry.b.name === 'Daniel Okafor')).toBe(
      false,
    );
  });

  it('says which person is unknown or ambiguous', async () => {
    expect((await refusal(sample.service.start('Nobody Atall', 'Daniel Okafor', null))).code).toBe(
      'not-found',
    );
    expect((await refusal(sample.service.advance(9999, 'asked-a'))).code).toBe('not-found');
    expect((await refusal(sample.service.advance(1, 'waved'))).code).toBe('usage');
  });
});

describe('the double opt-in, step by step', () => {
  let sample: Awaited<ReturnType<typeof openSample>>;
  beforeAll(async () => {
    sample = await openSample();
  });
  afterAll(() => sample.app.close());

  it('logs every step as a message on channel intro, records one introduction made per person, keeps the history', async () => {
    const { service, clock, app } = sample;
    const sofia = await sample.person('Sofia Reyes');
    const daniel = await sample.person('Daniel Okafor');
    const started = await service.start(String(sofia.id), String(daniel.id), null);
    const id = started.id;

    clock.now = ANCHOR + 1 * DAY;
    const asked = await service.advance(id, 'asked-a');
    expect(asked).toMatchObject({ state: 'asked-a', next: ['agreed-a', 'declined-a'], due: '2026-01-23' });
    expect(asked.draft).toBeNull();
    expect(await refusal(service.advance(id, 'agreed-b'))).toEqual({
      code: 'conflict',
      message: '"agreed-b" cannot follow "asked-a": the next step is "agreed-a" or "declined-a"',
    });

    clock.now = ANCHOR + 2 * DAY;
    const agreed = await service.advance(id, 'agreed-a', { note: 'Yes please!' });
    expect(agreed.draft?.to).toEqual(['Daniel Okafor']);
    expect(agreed.draft?.text).toContain('Sofia is looking for “a React Native contractor”');
    clock.now = ANCHOR + 3 * DAY;
    await service.advance(id, 'asked-b');
    clock.now = ANCHOR + 4 * DAY;
    const both = await service.advance(id, 'agreed-b');
    expect(both.draft?.subject).toBe('Introduction: Sofia Reyes ↔ Daniel Okafor');
    clock.now = ANCHOR + 5 * DAY;
    const introduced = await service.advance(id, 'introduced');
    expect(introduced).toMatchObject({ state: 'introduced', next: ['outcome'], due: '2026-02-19' });
    expect(introduced.draft).toBeNull();
    const followUp = (await service.list(ANCHOR + 35 * DAY)).find((view) => view.id === id);
    expect(followUp).toMatchObject({ stalled: true, due: '2026-02-19' });
    expect(followUp?.draft?.text).toContain('I introduced you on 2026-01-20. How did it go?');

    expect(await refusal(service.advance(id, 'introduced'))).toMatchObject({ code: 'conflict' });
    const sofiaLog = await introInteractions(app, sofia.id);
    const danielLog = await introInteractions(app, daniel.id);
    expect(sofiaLog.filter((entry) => entry.kind === 'introduction-made')).toHaveLength(1);
    expect(danielLog.filter((entry) => entry.kind === 'introduction-made')).toHaveLength(1);
    const messages = (log: typeof sofiaLog) =>
      log
        .filter((entry) => entry.kind === 'message')
        .map((entry) => [entry.direction, entry.summary])
        .reverse();
    expect(messages(sofiaLog)).toEqual([
      ['out', `Introduction ${id}: asked Sofia Reyes about meeting Daniel Okafor`],
      ['in', `Introduction ${id}: Sofia Reyes agreed to meet Daniel Okafor: Yes please!`],
      ['out', `Introduction ${id}: introduced Sofia Reyes and Daniel Okafor`],
    ]);
    expect(messages(danielLog)).toEqual([
      ['out', `Introduction ${id}: asked Daniel Okafor about meeting Sofia Reyes`],
      ['in', `Introduction ${id}: Daniel Okafor agreed to meet Sofia Reyes`],
      ['out', `Introduction ${id}: introduced Sofia Reyes and Daniel Okafor`],
    ]);

    // The same path as `tend log`: the facts know about the introduction at once.
    const snapshot = await app.relationships.snapshot(clock.now);
    expect(snapshot.facts.get(sofia.id)?.introductions).toBe(1);
    expect(snapshot.facts.get(daniel.id)?.introductions).toBe(1);

    clock.now = ANCHOR + 40 * DAY;
    const done = await service.advance(id, 'outcome', { note: 'They signed a two-month contract' });
    expect(done).toMatchObject({ state: 'outcome', next: [], draft: null, stalled: false });
    expect(done.history.map((entry) => [entry.state, entry.at])).toEqual([
      ['proposed', ANCHOR],
      ['asked-a', ANCHOR + DAY],
      ['agreed-a', ANCHOR + 2 * DAY],
      ['asked-b', ANCHOR + 3 * DAY],
      ['agreed-b', ANCHOR + 4 * DAY],
      ['introduced', ANCHOR + 5 * DAY],
      ['outcome', ANCHOR + 40 * DAY],
    ]);
    expect(done.history.at(-1)?.note).toBe('They signed a two-month contract');
    expect(await refusal(service.advance(id, 'asked-a'))).toMatchObject({ code: 'conflict' });

    const ledger = await service.ledger('Daniel Okafor');
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({
      person: { id: daniel.id },
      given: { help: 0, introductions: 1 },
      received: { help: 0 },
      balance: 1,
    });
    expect(ledger[0]?.entries.map((entry) => entry.kind)).toEqual(['introduction-made']);
  });

  it('refuses a step dated before the last one', async () => {
    const { service, clock } = sample;
    clock.now = ANCHOR + 10 * DAY;
    const view = await service.start('Hannah Virtanen', 'Lukas Meyer', 'pricing for payments');
    clock.now = ANCHOR + 9 * DAY;
    expect((await refusal(service.advance(view.id, 'asked-a'))).message).toContain('before the introduction');
  });
});

describe('stall reminders on the agenda', () => {
  let sample: Awaited<ReturnType<typeof openSample>>;
  beforeAll(async () => {
    sample = await openSample();
    // Calendar days in the data folder's zone: 23:30 UTC is already tomorrow in Stockholm.
    sample.app.settings.set('timezone', 'Europe/Stockholm');
  });
  afterAll(() => sample.app.close());

  const reminders = async (now: number) =>
    (await sample.service.agendaItems(now)).filter((item) => item.reason.startsWith('you '));

  it('reminds after 7 days in asked-a and 30 days after the introduction, not a day earlier', async () => {
    const { service, clock } = sample;
    const askedAt = Date.parse('2026-01-19T23:30:00Z'); // 2026-01-20 00:30 in Stockholm
    clock.now = askedAt;
    const view = await service.start('Jonas Berg', 'Nora Haddad', 'he is looking for an engineering mentor');
    await service.advance(view.id, 'asked-a');
    const at = (date: string) => Date.parse(`${date}T12:00:00Z`);
    expect(await reminders(at('2026-01-26'))).toEqual([]);
    const [seventh] = await reminders(at('2026-01-27'));
    expect(seventh).toMatchObject({
      kind: 'introduce',
      person: { name: 'Jonas Berg' },
      subject: 'Jonas Berg ↔ Nora Haddad',
      due: '2026-01-27',
      reason:
        'you asked Jonas Berg on 2026-01-20 (7 days ago) about meeting Nora Haddad and have no answer yet',
    });
    expect(seventh?.suggestion).toContain('a gentle nudge');
    expect(seventh?.suggestion).toContain(`tend intro advance ${view.id} agreed-a|declined-a`);
    expect((await reminders(at('2026-01-28')))[0]?.id).toBe(seventh?.id);
    expect((await service.list(at('2026-01-27')))[0]).toMatchObject({ stalled: true, due: '2026-01-27' });

    for (const step of ['agreed-a', 'asked-b', 'agreed-b', 'introduced'] as const) {
      await service.advance(view.id, step);
    }
    expect(await reminders(at('2026-02-18'))).toEqual([]);
    const [thirtieth] = await reminders(at('2026-02-19'));
    expect(thirtieth).toMatchObject({ due: '2026-02-19', person: { name: 'Jonas Berg' } });
    expect(thirtieth?.reason).toContain('30 days ago, and have not recorded how it went');
    expect(thirtieth?.id).not.toBe(seventh?.id);
    expect(await reminders(at('2026-02-20'))).toHaveLength(1);

    await createPersonRepository(sample.app.store).updateUserFields(
      (await sample.person('Nora Haddad')).id,
      { doNotContact: true },
      clock.now,
    );
    expect(await reminders(at('2026-02-20'))).toEqual([]);
  });
});

describe('the give/ask ledger', () => {
  let sample: Awaited<ReturnType<typeof openSample>>;
  beforeAll(async () => {
    sample = await openSample();
  });
  afterAll(() => sample.app.close());

  it('counts what I gave and what I received per person, from logged interactions', async () => {
    const { app, service } = sample;
    await app.editing.log('Priya Nair', 'help-given', 'reviewed her dashboard', { at: ANCHOR - 3 * DAY });
    await app.editing.log('Priya Nair', 'help-received', 'intro to her CFO', { at: ANCHOR - 2 * DAY });
    await app.editing.log('Priya Nair', 'help-given', 'shared the diary study', { at: ANCHOR - DAY });
    await app.editing.log('Lukas Meyer', 'help-received', 'PSD2 walkthrough', { at: ANCHOR - DAY });
    // What has not happened yet cannot be logged, so it never counts.
    await expect(app.editing.log('Lukas Meyer', 'help-given', 'later', { at: ANCHOR + DAY })).rejects.toThrow(
      /in the future/,
    );
    const everyone = await service.ledger();
    const priya = everyone.find((row) => row.person.name === 'Priya Nair');
    const lukas = everyone.find((row) => row.person.name === 'Lukas Meyer');
    expect(priya).toMatchObject({
      given: { help: 2, introductions: 0 },
      received: { help: 1 },
      balance: 1,
      entries: [],
    });
    expect(priya?.lastAt).toBe(ANCHOR - DAY);
    expect(lukas).toMatchObject({ given: { help: 0 }, received: { help: 1 }, balance: -1 });
    expect(everyone.indexOf(priya!)).toBeLessThan(everyone.indexOf(lukas!));
    const one = await service.ledger('Priya Nair');
    expect(one[0]?.entries.map((entry) => entry.summary)).toEqual([
      'reviewed her dashboard',
      'intro to her CFO',
      'shared the diary study',
    ]);
    const nothing = await service.ledger('Hannah Virtanen');
    expect(nothing[0]).toMatchObject({
      given: { help: 0, introductions: 0 },
      received: { help: 0 },
      entries: [],
    });
  });
});
