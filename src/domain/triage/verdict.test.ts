import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  GENERIC_NOTES,
  MAYA,
  PERSONAL_NOTES,
  PITCHES,
  SAMPLE,
  STRANGER,
  invitation,
} from '../../../test/support/invitation-notes.js';
import { namesOrganization } from '../organization-name.js';
import { isGenericInvitationNote } from './generic-note.js';
import { personalNoteCues } from './personal-cues.js';
import { salesPitchCues } from './pitch-cues.js';
import type { TriageInput, TriageOwner } from './triage-types.js';
import { triageInvitation } from './verdict.js';

describe('the sample pending invitations (sample/STORY.md, Invitations)', () => {
  it('accepts Viktor Sandberg: a personal note naming Brightloop, where Maya worked', () => {
    const result = triageInvitation(SAMPLE.viktor);
    expect(result.verdict).toBe('accept');
    expect(result.signals.note).toBe('personal');
    expect(result.signals.sharedEmployer).toBe('Brightloop');
    expect(result.signals.known).toBe(false);
    expect(result.signals.personalCues).toEqual([
      'Brightloop',
      'we overlapped',
      'caught your Product Tank Stockholm talk',
      'pricing',
    ]);
    expect(result.reasons).toContain(
      'The note is personal: it says “we overlapped”, “caught your Product Tank Stockholm talk”.',
    );
    expect(result.reasons).toContain('The note names Brightloop, where you have worked.');
    expect(result.reply).toBeNull();
  });

  it('accepts Anna Bergqvist: a fellow KTH alum, matched through the acronym', () => {
    const result = triageInvitation(SAMPLE.anna);
    expect(result.verdict).toBe('accept');
    expect(result.signals.note).toBe('personal');
    expect(result.signals.sharedSchool).toBe('KTH Royal Institute of Technology');
    expect(result.signals.sharedEmployer).toBeNull();
    expect(result.signals.personalCues).toEqual([
      'KTH',
      'fellow KTH Industrial Engineering alum',
      'class of 2016',
      "I'm moving into",
      'would value your',
    ]);
    expect(result.reasons).toContain(
      'The note names KTH Royal Institute of Technology (as “KTH”), where you studied.',
    );
    expect(result.reply).toBeNull();
  });

  it('accepts Grace Liu without a note: Maya already had a two-way exchange with her', () => {
    const result = triageInvitation(SAMPLE.grace);
    expect(result.verdict).toBe('accept');
    expect(result.signals).toMatchObject({ note: 'none', known: true, pitchCues: [], personalCues: [] });
    expect(result.reasons[0]).toBe('You have had 1 two-way exchange with Grace Liu.');
    expect(result.reasons).toContain('Accept: you already know Grace Liu.');
  });

  it("asks Michael Brooks: LinkedIn's generic template from a stranger", () => {
    const result = triageInvitation(SAMPLE.michael);
    expect(result.verdict).toBe('ask');
    expect(result.signals).toMatchObject({ note: 'generic', known: false, sharedEmployer: null });
    expect(result.reasons.some((reason) => reason.startsWith('The note is a generic template'))).toBe(true);
    expect(result.reply).toMatch(/^Hi Michael,\n\nThank you for the invitation! /);
    expect(result.reply).toContain("Your note was LinkedIn's standard one");
    expect(result.reply).toContain("where we might have met, and what you'd like to talk about");
    expect(result.reply).toMatch(/Best,\nMaya$/);
  });

  it('asks Dmitri Volkov: no note, nothing known', () => {
    const result = triageInvitation(SAMPLE.dmitri);
    expect(result.verdict).toBe('ask');
    expect(result.signals).toMatchObject({ note: 'none', known: false });
    expect(result.reasons).toContain(
      'You have no history with Dmitri Volkov yet: no earlier messages, no address-book entry, no mail or meetings.',
    );
    expect(result.reasons).toContain('There is no note: Dmitri Volkov did not say why they want to connect.');
    expect(result.reply).toMatch(/^Hi Dmitri,\n\nThank you for the invitation!/);
  });

  it("declines Brandon Tate's cloud-cost pitch", () => {
    const result = triageInvitation(SAMPLE.brandon);
    expect(result.verdict).toBe('decline');
    expect(result.signals.note).toBe('pitch');
    expect(result.signals.pitchCues).toEqual([
      'we help companies',
      'companies like yours',
      'cut cloud spend by 30-40%',
      'open to a quick call',
      'book a demo',
    ]);
    expect(result.reasons).toContain(
      'The note reads as a sales pitch: “we help companies”, “companies like yours”, “cut cloud spend by 30-40%”, “open to a quick call”, “book a demo”.',
    );
    expect(result.reply).toMatch(/^Hi Brandon,\n\nThank you for reaching out\./);
    expect(result.reply).toContain("I'll pass on connecting");
  });

  it('orders the six by score: accepts above asks above the decline, within the verdict bands', () => {
    const results = Object.values(SAMPLE).map(triageInvitation);
    for (const result of results) {
      const [low, high] = { accept: [60, 100], ask: [25, 59], decline: [0, 24] }[result.verdict];
      expect(result.score).toBeGreaterThanOrEqual(low ?? 0);
      expect(result.score).toBeLessThanOrEqual(high ?? 100);
    }
    const score = (input: TriageInput): number => triageInvitation(input).score;
    expect(Math.min(score(SAMPLE.viktor), score(SAMPLE.anna), score(SAMPLE.grace))).toBeGreaterThan(
      Math.max(score(SAMPLE.michael), score(SAMPLE.dmitri)),
    );
    expect(Math.min(score(SAMPLE.michael), score(SAMPLE.dmitri))).toBeGreaterThan(score(SAMPLE.brandon));
    // Viktor names a shared employer and two more specifics: the strongest basis of the three.
    expect(score(SAMPLE.viktor)).toBeGreaterThan(score(SAMPLE.anna));
  });

  it('gives every asked or declined sender a different reply', () => {
    const replies = Object.values(SAMPLE)
      .map((input) => triageInvitation(input).reply)
      .filter((reply): reply is string => reply !== null);
    expect(replies).toHaveLength(3);
    expect(new Set(replies).size).toBe(3);
  });
});

describe('already known', () => {
  const pitch = SAMPLE.brandon.message;

  it.each([
    ['in the address book', { ...STRANGER, inAddressBook: true }, 'Brandon Tate is in your address book.'],
    [
      'in mail or calendar',
      { ...STRANGER, inMailOrCalendar: true },
      'Brandon Tate appears in your mail or calendar.',
    ],
    [
      'with two-way exchanges',
      { ...STRANGER, earlierMessages: 6, twoWayExchanges: 3 },
      'You have had 3 two-way exchanges with Brandon Tate.',
    ],
  ])('an existing relationship (%s) wins over a pitch', (_label, known, reason) => {
    const result = triageInvitation(invitation({ name: 'Brandon Tate', message: pitch, known }));
    expect(result.verdict).toBe('accept');
    expect(result.signals).toMatchObject({ known: true, note: 'pitch' });
    expect(result.reasons).toContain(reason);
    expect(result.reasons).toContain(
      'Accept: you already know Brandon Tate, even though the note is a pitch.',
    );
  });

  it('one-way earlier messages are no relationship: still ask, and the reply says so', () => {
    const result = triageInvitation(
      invitation({ name: 'Olga Petrenko', known: { ...STRANGER, earlierMessages: 1 } }),
    );
    expect(result.verdict).toBe('ask');
    expect(result.signals.known).toBe(false);
    expect(result.reasons).toContain(
      'There is 1 earlier message with Olga Petrenko, but never a two-way exchange: one-way contact is no relationship yet.',
    );
    expect(result.reply).toContain("I see we've exchanged a message before");
    expect(result.score).toBeGreaterThan(triageInvitation(SAMPLE.dmitri).score);
  });

  it('a stranger with one-way messages and a pitch is declined', () => {
    const result = triageInvitation(
      invitation({ name: 'Brandon Tate', message: pitch, known: { ...STRANGER, earlierMessages: 3 } }),
    );
    expect(result.verdict).toBe('decline');
  });
});

describe('shared employer, school and event', () => {
  it('matches employers loosely: case, legal form, punctuation, possessive', () => {
    const owner: TriageOwner = { ...MAYA, companies: ['Brightloop AB', 'Acme, Inc.', 'Zeta GmbH'] };
    for (const [message, employer] of [
      ["Hi Maya, I joined BRIGHTLOOP's customer success team after you left.", 'Brightloop AB'],
      ['Hi Maya, we were both at acme inc back in the day — great to see your move!', 'Acme, Inc.'],
      ['Hallo Maya, ehemalige Kollegin von Zeta hier.', 'Zeta GmbH'],
    ] as const) {
      const result = triageInvitation(invitation({ name: 'Ex Colleague', message, owner }));
      expect(result.signals.sharedEmployer, message).toBe(employer);
      expect(result.verdict, message).toBe('accept');
    }
  });

  it('matches the distinctive word before a descriptor: "Kelda" for Kelda Analytics', () => {
    const result = triageInvitation(
      invitation({ name: 'Ahmed K', message: 'Maya! Your old desk neighbour from Kelda here.' }),
    );
    expect(result.signals.sharedEmployer).toBe('Kelda Analytics');
    expect(result.reasons).toContain('The note names Kelda Analytics (as “Kelda”), where you have worked.');
  });

  it('matches a school by its initials, case-sensitively ("SSE" names it, "sse" does not)', () => {
    const named = triageInvitation(
      invitation({ name: 'Erik Lund', message: 'Hi Maya, I took the SSE pricing course a year after you.' }),
    );
    expect(named.signals.sharedSchool).toBe('Stockholm School of Economics');
    expect(namesOrganization('the word sse in lower case', 'Stockholm School of Economics')).toBe(false);
  });

  it('names an event the owner attended', () => {
    const result = triageInvitation(
      invitation({
        name: 'Lars Ek',
        message: 'Hej Maya, thanks for organising the Stockholm Product Breakfast this week.',
      }),
    );
    expect(result.signals.sharedEvent).toBe('Stockholm Product Breakfast');
    expect(result.verdict).toBe('accept');
    expect(result.reasons).toContain('The note names Stockholm Product Breakfast, an event you attended.');
  });

  it("a shared employer on the sender's profile, without a note, is a question worth asking, not a yes", () => {
    const result = triageInvitation(
      invitation({ name: 'Jon Doe', sender: { company: 'brightloop ab', position: 'Engineer' } }),
    );
    expect(result.verdict).toBe('ask');
    expect(result.signals.sharedEmployer).toBe('Brightloop');
    expect(result.reasons).toContain("Jon Doe's profile says brightloop ab, where you have worked too.");
    expect(result.reply).toContain('I see Brightloop in both our histories — did our paths cross there?');
    expect(result.score).toBeGreaterThan(triageInvitation(SAMPLE.dmitri).score);
  });

  it('a pitch from someone who names a shared employer is asked about, not declined', () => {
    const result = triageInvitation(
      invitation({
        name: 'Sam Seller',
        message: 'Hi Maya, ex-Brightloop here! We help companies like yours cut cloud costs. Book a call?',
      }),
    );
    expect(result.verdict).toBe('ask');
    expect(result.signals.note).toBe('pitch');
    expect(result.reply).toContain(
      'I see Brightloop in both our histories — did our paths cross there? Before I connect: is this about working together, or about your services?',
    );
    expect(result.reasons).toContain(
      'Ask: a pitch, but Brightloop is in both your histories; ask Sam where your paths crossed before connecting.',
    );
  });
});

describe('notes that name nothing specific', () => {
  it('a polite note without anything specific counts as generic, with its own reason', () => {
    const result = triageInvitation(
      invitation({ name: 'Alex Kim', message: 'Hi Maya! Hope you are well :)' }),
    );
    expect(result.verdict).toBe('ask');
    expect(result.signals.note).toBe('generic');
    expect(result.reasons).toContain(
      'The note (“Hi Maya! Hope you are well :)”) names nothing specific: no event, shared employer or school, your work or a concrete topic.',
    );
    expect(result.reply).toContain('Thank you for the invitation and your note!');
  });

  it('a note that names the recipient’s work (from the headline) is personal', () => {
    const result = triageInvitation(
      invitation({
        name: 'Kim Berg',
        message: 'Hi Maya, I am trying to get discovery right in a regulated setting.',
      }),
    );
    expect(result.signals.note).toBe('personal');
    expect(result.signals.personalCues).toEqual(['discovery', 'regulated']);
    expect(result.reasons).toContain(
      'The note mentions “discovery”, “regulated”, which your headline names as your work.',
    );
  });
});

describe('properties', () => {
  const owner = fc.record({
    name: fc.option(fc.string(), { nil: null }),
    companies: fc.array(fc.string(), { maxLength: 4 }),
    schools: fc.array(fc.string(), { maxLength: 3 }),
    events: fc.array(fc.string(), { maxLength: 3 }),
    headline: fc.option(fc.string(), { nil: null }),
  });
  const known = fc.record({
    earlierMessages: fc.integer({ min: -2, max: 50 }),
    twoWayExchanges: fc.integer({ min: -2, max: 20 }),
    inAddressBook: fc.boolean(),
    inMailOrCalendar: fc.boolean(),
  });
  const text = fc.oneof(
    fc.string({ maxLength: 400 }),
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    fc.constantFrom(...GENERIC_NOTES, ...PERSONAL_NOTES, ...PITCHES),
    fc
      .array(
        fc.constantFrom(
          'Hi',
          'Maya',
          "I'd",
          'like',
          'to',
          'add',
          'you',
          'network',
          'demo',
          'KTH',
          '30%',
          ',',
          '.',
        ),
        {
          maxLength: 30,
        },
      )
      .map((words) => words.join(' ')),
  );
  const sender = fc.option(
    fc.record({
      company: fc.option(fc.string(), { nil: null }),
      position: fc.option(fc.string(), { nil: null }),
    }),
    { nil: null },
  );
  const input = fc.record({
    name: fc.string(),
    message: fc.option(text, { nil: null }),
    sentOn: fc.constant('2026-01-03'),
    owner,
    known,
    sender,
  });

  it('never throws, always one of three verdicts, at least one reason, a score in its band', () => {
    fc.assert(
      fc.property(input, (value) => {
        const result = triageInvitation(value);
        expect(['accept', 'ask', 'decline']).toContain(result.verdict);
        expect(result.reasons.length).toBeGreaterThan(0);
        for (const reason of result.reasons) expect(reason).toMatch(/[.!?]$/);
        const [low, high] = { accept: [60, 100], ask: [25, 59], decline: [0, 24] }[result.verdict];
        expect(result.score).toBeGreaterThanOrEqual(low ?? 0);
        expect(result.score).toBeLessThanOrEqual(high ?? 100);
        expect(result.reply === null).toBe(result.verdict === 'accept');
      }),
      { numRuns: 1500 },
    );
  });

  it('two invitations from different first names never get the same reply', () => {
    const first = (name: string) => name.replace(/\s+/g, ' ').trim().split(' ')[0] ?? '';
    const distinctNames = fc
      .tuple(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }))
      .filter(([a, b]) => first(a) !== first(b));
    fc.assert(
      fc.property(distinctNames, fc.option(text, { nil: null }), owner, ([a, b], message, who) => {
        const left = triageInvitation(invitation({ name: a, message, owner: who }));
        const right = triageInvitation(invitation({ name: b, message, owner: who }));
        expect(left.verdict).toBe(right.verdict);
        if (left.reply !== null) expect(left.reply).not.toBe(right.reply);
      }),
      { numRuns: 1000 },
    );
  });

  it('the detectors never throw on arbitrary text', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(typeof isGenericInvitationNote(value)).toBe('boolean');
        expect(Array.isArray(salesPitchCues(value))).toBe(true);
        expect(Array.isArray(personalNoteCues(value))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
