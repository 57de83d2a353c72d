import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInvitationNote, draftInvitationNote, type NoteDraftContext } from './invitation-note.js';

const FREE = 200;
const PREMIUM = 300;

function context(recipientName: string, facts: Partial<Parameters<typeof checkInvitationNote>[1]> = {}) {
  return {
    recipientName,
    limit: FREE,
    howMet: null,
    sharedEmployer: null,
    sharedSchool: null,
    recipientCompany: null,
    ...facts,
  };
}

const warningsOf = (text: string, facts: Parameters<typeof checkInvitationNote>[1]): string[] =>
  checkInvitationNote(text, facts).warnings;

describe("checking my own notes: the sample's outgoing invitations", () => {
  it.each([
    [
      'Ravi Menon',
      'Hi Ravi, your post on onboarding clinicians in under an hour resonated: we are tackling the same problem at Northwind Health. Would love to connect.',
      {},
    ],
    [
      'Ingrid Solheim',
      "Hi Ingrid, Priya Nair mentioned you're rebuilding Solvik's customer portal. I'd love to compare notes on onboarding flows.",
      { recipientCompany: 'Solvik Energy' },
    ],
    [
      'Olivia Grant',
      "Hi Olivia, big fan of Hearthline's caregiver research. I lead the patient diary at Northwind Health and would love to connect.",
      { recipientCompany: 'Hearthline' },
    ],
  ])('%s: fits, says why, greets by name', (name, text, facts) => {
    const check = checkInvitationNote(text, context(name, facts));
    expect(check).toMatchObject({ text, limit: FREE, ok: true, warnings: [] });
    expect(check.length).toBe(Array.from(text).length);
  });
});

describe('warnings', () => {
  it('over the limit, saying by how much', () => {
    const text = `Hi Ravi, we met at the Nordic Health Tech Forum. ${'x'.repeat(180)}`;
    const check = checkInvitationNote(text, context('Ravi Menon'));
    expect(check.ok).toBe(false);
    expect(check.length).toBe(229);
    expect(check.warnings).toEqual(['Too long: 29 characters over the 200-character limit (229).']);
    expect(checkInvitationNote(text, context('Ravi Menon', { limit: PREMIUM })).warnings).toEqual([]);
  });

  it('at the limit exactly is fine, one over is not', () => {
    const base = 'Hi Ravi, we met at the Forum. ';
    const at = base + 'y'.repeat(FREE - base.length);
    expect(checkInvitationNote(at, context('Ravi Menon')).ok).toBe(true);
    expect(warningsOf(`${at}y`, context('Ravi Menon'))).toEqual([
      'Too long: 1 character over the 200-character limit (201).',
    ]);
  });

  it('counts what a person sees as one character: emoji sequences, flags, accents', () => {
    const text = 'Hi Élodie, we met at the Forum 👩🏽‍💻🇸🇪 e\u0301';
    const check = checkInvitationNote(text, context('Élodie Marchand'));
    expect(check.length).toBe(35);
    expect(text.length).toBeGreaterThan(35);
  });

  it("LinkedIn's template: generic, no reason, no greeting", () => {
    expect(
      warningsOf("I'd like to add you to my professional network on LinkedIn.", context('Ravi Menon')),
    ).toEqual([
      `Generic: this is LinkedIn's standard note, the mark of a "collector"; say how you know Ravi or why you write.`,
      'No reason: the note does not say how you know Ravi or why you write (a place, an event, a person, their work, "we met at…").',
      'No greeting: start with Ravi\'s name ("Hi Ravi,").',
    ]);
  });

  it('a greeting does not rescue the template', () => {
    const warnings = warningsOf("Hi Ravi, I'd like to join your LinkedIn network.", context('Ravi Menon'));
    expect(warnings.some((warning) => warning.startsWith('Generic:'))).toBe(true);
    expect(warnings.some((warning) => warning.startsWith('No greeting'))).toBe(false);
  });

  it('pitch-like notes, with their cues', () => {
    const warnings = warningsOf(
      'Hi Ravi, we help companies like yours cut cloud costs. Can I book a call?',
      context('Ravi Menon'),
    );
    expect(warnings).toContain(
      'Reads like a sales pitch (“we help companies”, “companies like yours”, “cut cloud costs”, “book a call”): a first note should be about Ravi, not an offer.',
    );
  });

  it('no reason: polite but says nothing of how we know each other', () => {
    expect(
      warningsOf('Hi Ravi, hope you are doing well! Would be great to be in touch.', context('Ravi Menon')),
    ).toEqual([
      'No reason: the note does not say how you know Ravi or why you write (a place, an event, a person, their work, "we met at…").',
    ]);
  });

  it.each([
    ['the shared employer', 'Hi Jonas, good times at brightloop ab!', { sharedEmployer: 'Brightloop AB' }],
    [
      'the shared school',
      'Hi Anna, KTH greetings from a 2015 graduate!',
      { sharedSchool: 'KTH Royal Institute of Technology' },
    ],
    [
      'their company',
      'Hi Ingrid, congratulations on the new portal at solvik.',
      { recipientCompany: 'Solvik Energy' },
    ],
    [
      'how we met',
      'Hi Ravi, still thinking about that payments meetup!',
      { howMet: 'A payments meetup in 2020' },
    ],
    ['a person by name', 'Hi Ravi, Priya and I were just talking about you.', {}],
    ['a "we met" cue', 'Hi Ravi, we met last week and I promised to follow up.', {}],
    ['a "your talk" cue', 'Hi Ravi, your talk stuck with me all week.', {}],
    ['a "your post" cue', 'Hi Ravi, your post on clinician onboarding was spot on.', {}],
  ])('says why through %s', (_label, text, facts) => {
    const name = /^Hi (\w+)/.exec(text)?.[1] ?? 'Ravi';
    expect(warningsOf(text, context(`${name} Someone`, facts))).toEqual([]);
  });

  it('no greeting by name', () => {
    expect(warningsOf('Hello! We met at the Nordic Health Tech Forum.', context('Élodie Marchand'))).toEqual([
      'No greeting: start with Élodie\'s name ("Hi Élodie,").',
    ]);
    // A surname greeting or an unaccented first name is still a greeting.
    expect(warningsOf('Dear Ms Marchand, we met at the Forum.', context('Élodie Marchand'))).toEqual([]);
    expect(warningsOf('Hi Elodie, we met at the Forum.', context('Élodie Marchand'))).toEqual([]);
  });

  it('an empty note', () => {
    expect(checkInvitationNote('  ', context('Ravi Menon'))).toMatchObject({
      ok: false,
      warnings: ['Empty: say how you know Ravi or why you write.'],
    });
  });
});

const DRAFT: NoteDraftContext = {
  recipientName: 'Élodie Marchand',
  ownerFirstName: 'Maya',
  howMet: 'Nordic Health Tech Forum panel',
  sharedEmployer: null,
  sharedSchool: null,
  recipientCompany: null,
  recipientPosition: null,
  limit: FREE,
};

function checkDraft(draft: string, from: NoteDraftContext) {
  return checkInvitationNote(draft, {
    recipientName: from.recipientName,
    limit: from.limit,
    howMet: from.howMet,
    sharedEmployer: from.sharedEmployer,
    sharedSchool: from.sharedSchool,
    recipientCompany: from.recipientCompany,
  });
}

describe('drafting a note', () => {
  it('from how we met, greeting by first name and signed', () => {
    const draft = draftInvitationNote(DRAFT);
    expect(draft).toBe(
      'Hi Élodie, we know each other from Nordic Health Tech Forum panel. Would love to stay in touch. – Maya',
    );
    expect(checkDraft(draft, DRAFT).warnings).toEqual([]);
  });

  it('adds a shared school or employer when it says something new, not when it repeats how we met', () => {
    const jonas = {
      ...DRAFT,
      recipientName: 'Jonas Berg',
      howMet: 'Brightloop',
      sharedEmployer: 'Brightloop',
    };
    expect(draftInvitationNote(jonas)).toBe(
      'Hi Jonas, we know each other from Brightloop. Would love to stay in touch. – Maya',
    );
    expect(draftInvitationNote({ ...jonas, sharedSchool: 'KTH Royal Institute of Technology' })).toBe(
      'Hi Jonas, we know each other from Brightloop. We both studied at KTH Royal Institute of Technology. Would love to stay in touch. – Maya',
    );
  });

  it('from a shared employer or school alone', () => {
    const base = { ...DRAFT, recipientName: 'Viktor Sandberg', howMet: null, ownerFirstName: null };
    expect(draftInvitationNote({ ...base, sharedEmployer: 'Brightloop' })).toBe(
      'Hi Viktor, we were both at Brightloop. Would love to stay in touch.',
    );
    expect(draftInvitationNote({ ...base, sharedSchool: 'KTH' })).toBe(
      'Hi Viktor, we both studied at KTH. Would love to stay in touch.',
    );
  });

  it('from their work, when that is all there is', () => {
    const ingrid = {
      ...DRAFT,
      recipientName: 'Ingrid Solheim',
      howMet: null,
      recipientCompany: 'Solvik Energy',
      recipientPosition: 'Product Lead',
    };
    const draft = draftInvitationNote(ingrid);
    expect(draft).toBe(
      "Hi Ingrid, I'd love to hear about your work as Product Lead at Solvik Energy. Would be glad to connect. – Maya",
    );
    expect(checkDraft(draft, ingrid).warnings).toEqual([]);
  });

  it('without any fact: a placeholder the person must fill, and the check says so', () => {
    const bare = { ...DRAFT, recipientName: 'Ravi Menon', howMet: null, ownerFirstName: null };
    const draft = draftInvitationNote(bare);
    expect(draft).toBe('Hi Ravi, [add how you know Ravi or why you are writing]. Would be glad to connect.');
    expect(checkDraft(draft, bare).warnings).toEqual([
      'To fill in: replace "[add how you know Ravi or why you are writing]" with how you know Ravi or why you write; the note cannot be sent with it.',
      'No reason: the note does not say how you know Ravi or why you write (a place, an event, a person, their work, "we met at…").',
    ]);
  });

  it('a signature is no reason: signed, the placeholder draft still says so', () => {
    const bare = { ...DRAFT, recipientName: 'Ravi Menon', howMet: null, ownerFirstName: 'Maya' };
    const draft = draftInvitationNote(bare);
    expect(draft).toBe(
      'Hi Ravi, [add how you know Ravi or why you are writing]. Would be glad to connect. – Maya',
    );
    expect(checkDraft(draft, bare).warnings).toEqual([
      'To fill in: replace "[add how you know Ravi or why you are writing]" with how you know Ravi or why you write; the note cannot be sent with it.',
      'No reason: the note does not say how you know Ravi or why you write (a place, an event, a person, their work, "we met at…").',
    ]);
    expect(warningsOf('Hi Ravi, hope you are well.\nMaya Lindqvist', context('Ravi Menon'))).toEqual([
      'No reason: the note does not say how you know Ravi or why you write (a place, an event, a person, their work, "we met at…").',
    ]);
    expect(warningsOf('Hi Ravi, we met at the Forum. – Maya', context('Ravi Menon'))).toEqual([]);
  });

  it('shortens a long how-we-met at a word end, keeping the greeting', () => {
    const long = {
      ...DRAFT,
      recipientName: 'Ravi Menon',
      howMet:
        'a payments meetup in 2020 where we talked for an hour about open banking, PSD2 and what regulation does to product discovery',
      limit: 80,
    };
    const draft = draftInvitationNote(long);
    expect(draft).toBe('Hi Ravi, we know each other from a payments meetup in 2020 where we talked…');
    expect(Array.from(draft).length).toBeLessThanOrEqual(80);
  });

  it('drops the signature, then the closing, before cutting a fact', () => {
    const draft = draftInvitationNote({ ...DRAFT, limit: 70 });
    expect(draft).toBe('Hi Élodie, we know each other from Nordic Health Tech Forum panel.');
  });
});

describe('draft properties', () => {
  const fact = fc.option(
    fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'grapheme', maxLength: 120 })),
    { nil: null },
  );
  const draftContext = fc.record({
    recipientName: fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 60 })),
    ownerFirstName: fact,
    howMet: fact,
    sharedEmployer: fact,
    sharedSchool: fact,
    recipientCompany: fact,
    recipientPosition: fact,
    limit: fc.oneof(fc.constantFrom(FREE, PREMIUM), fc.integer({ min: 0, max: 400 })),
  });

  it('always fits the limit and is never the generic template', () => {
    fc.assert(
      fc.property(draftContext, (value) => {
        const draft = draftInvitationNote(value);
        const check = checkDraft(draft, value);
        expect(check.length).toBeLessThanOrEqual(value.limit);
        expect(check.warnings.filter((warning) => /generic|too long/i.test(warning))).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it('with ordinary names and a fact, at the free limit: greets by first name and says how we know each other', () => {
    const word = fc.stringMatching(/^[A-Z][a-z]{1,11}$/);
    fc.assert(
      fc.property(
        word,
        word,
        fc.array(word, { minLength: 1, maxLength: 40 }).map((words) => words.join(' ')),
        fc.constantFrom('howMet', 'sharedEmployer', 'sharedSchool', 'recipientCompany'),
        (first, last, phrase, which) => {
          const value: NoteDraftContext = {
            recipientName: `${first} ${last}`,
            ownerFirstName: 'Maya',
            howMet: null,
            sharedEmployer: null,
            sharedSchool: null,
            recipientCompany: null,
            recipientPosition: null,
            limit: FREE,
            [which]: phrase,
          };
          const draft = draftInvitationNote(value);
          expect(draft.startsWith(`Hi ${first}, `)).toBe(true);
          const check = checkDraft(draft, value);
          expect(check.warnings).toEqual([]);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
