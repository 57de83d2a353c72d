import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isGenericInvitationNote,
  namesOrganization,
  personalNoteCues,
  salesPitchCues,
  triageInvitation,
  type TriageInput,
  type TriageKnown,
  type TriageOwner,
} from './invitation-triage.js';

/** Maya Lindqvist of sample/STORY.md, from the sample's Profile, Positions and Education files. */
const MAYA: TriageOwner = {
  name: 'Maya Lindqvist',
  companies: ['Northwind Health', 'Brightloop', 'Kelda Analytics'],
  schools: ['Stockholm School of Economics', 'KTH Royal Institute of Technology'],
  events: ['Stockholm Product Breakfast'],
  headline: 'Senior Product Manager at Northwind Health · discovery, pricing and products for regulated care',
};

const STRANGER: TriageKnown = {
  earlierMessages: 0,
  twoWayExchanges: 0,
  inAddressBook: false,
  inMailOrCalendar: false,
};

function invitation(overrides: Partial<TriageInput> & Pick<TriageInput, 'name'>): TriageInput {
  return {
    message: null,
    sentOn: '2026-01-03',
    owner: MAYA,
    known: STRANGER,
    sender: null,
    ...overrides,
  };
}

/** The six pending invitations of sample/linkedin/Invitations.csv, with what STORY.md knows about each sender. */
const SAMPLE = {
  viktor: invitation({
    name: 'Viktor Sandberg',
    sentOn: '2026-01-05',
    message:
      'Hi Maya, we overlapped at Brightloop (I was on the routing team in 2020) and I caught your Product Tank Stockholm talk on pricing experiments. Would be great to stay in touch!',
  }),
  anna: invitation({
    name: 'Anna Bergqvist',
    sentOn: '2025-12-29',
    message:
      "Hi Maya, fellow KTH Industrial Engineering alum here (class of 2016). I'm moving into health-tech product and would value your perspective.",
  }),
  grace: invitation({
    name: 'Grace Liu',
    sentOn: '2026-01-02',
    known: { earlierMessages: 4, twoWayExchanges: 1, inAddressBook: false, inMailOrCalendar: false },
  }),
  michael: invitation({
    name: 'Michael Brooks',
    sentOn: '2025-12-20',
    message: "I'd like to add you to my professional network on LinkedIn.",
  }),
  dmitri: invitation({ name: 'Dmitri Volkov', sentOn: '2026-01-03' }),
  brandon: invitation({
    name: 'Brandon Tate',
    sentOn: '2025-12-08',
    message:
      'Hi Maya, we help companies like yours cut cloud spend by 30-40% in under 60 days. Open to a quick call? Happy to book a demo for your team.',
  }),
};

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
    expect(result.reply).toMatch(/^Hi Michael Brooks, /);
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
    expect(result.reply).toMatch(/^Hi Dmitri Volkov, thank you for the invitation!/);
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
    expect(result.reply).toMatch(/^Hi Brandon Tate, thank you for reaching out\./);
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

  it('does not take a city for a school, nor a common word for an employer', () => {
    expect(namesOrganization('I am based in Stockholm', 'Stockholm School of Economics')).toBe(false);
    expect(namesOrganization('I am open to ideas', 'The Open University')).toBe(false);
    expect(namesOrganization('I studied at the Open University', 'The Open University')).toBe(true);
    expect(namesOrganization('Uppsala was great', 'Uppsala University')).toBe(true);
    expect(namesOrganization('I am self employed', 'Self-employed')).toBe(false);
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
    expect(result.reply).toContain('thank you for the invitation and your note!');
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

  it('collector phrases are not personal cues; real contact and referrals are', () => {
    for (const note of [
      'LinkedIn suggested I connect with you',
      'Nice to meet you! I saw your profile and I am currently building my professional network.',
      "I'm working on expanding my network, looking forward to meeting you.",
      'I read the news and thought of connecting.',
    ]) {
      expect(personalNoteCues(note), note).toEqual([]);
    }
    expect(personalNoteCues('Great meeting you at the Forum yesterday')).toEqual([
      'Great meeting you at the Forum',
    ]);
    expect(personalNoteCues('Priya Nair suggested I reach out')).toEqual(['suggested I']);
  });
});

// Real-world phrasings of LinkedIn's default note and its look-alikes, in thirteen languages.
const GENERIC_NOTES: readonly string[] = [
  "I'd like to add you to my professional network on LinkedIn.",
  'I’d like to add you to my professional network on LinkedIn. - Michael Brooks',
  "Hi Maya, I'd like to add you to my professional network on LinkedIn.",
  "Maya, I'd like to add you to my professional network.",
  "Hello Maya Lindqvist,\n\nI'd like to join your LinkedIn network.\n\nBest regards,\nJohn Smith",
  "I'd like to join your LinkedIn network.",
  'I would like to connect with you on LinkedIn.',
  'Since you are a person I trust, I wanted to invite you to join my network on LinkedIn.',
  'Hi there, I came across your profile and would love to connect! Thanks, Raj',
  "Dear Ms. Lindqvist, I'm expanding my professional network and would like to connect with you. Kind regards",
  'hey maya lets connect',
  'Please accept my invitation to connect.',
  'I hope this message finds you well. I would be happy to connect with you here on LinkedIn. Have a great day!',
  'Ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen.',
  'Hallo Maya, ich würde mich gerne mit Ihnen vernetzen. Viele Grüße, Hans Müller',
  "J'aimerais vous inviter à rejoindre mon réseau professionnel sur LinkedIn.",
  'Bonjour Maya, je souhaiterais vous ajouter à mon réseau professionnel. Cordialement',
  'Me gustaría añadirte a mi red profesional de LinkedIn.',
  'Hola Maya, me gustaría agregarte a mi red profesional. Saludos',
  'Ik wil je graag toevoegen aan mijn professionele netwerk op LinkedIn.',
  'Jag vill gärna lägga till dig i mitt professionella nätverk på LinkedIn.',
  'Hej Maya! Jag vill gärna lägga till dig i mitt nätverk. Mvh Sven',
  'Gostaria de adicioná-lo à minha rede profissional no LinkedIn.',
  'Vorrei aggiungerti alla mia rete professionale su LinkedIn.',
  'Jeg vil gjerne legge deg til i mitt profesjonelle nettverk på LinkedIn.',
  'Jeg vil gerne tilføje dig til mit professionelle netværk på LinkedIn.',
  'Haluaisin lisätä sinut ammatilliseen verkostooni LinkedInissä.',
  'Chciałbym dodać Cię do mojej sieci zawodowej na LinkedIn.',
  "Sizi LinkedIn'deki profesyonel ağıma eklemek istiyorum.",
  'I’D LIKE TO ADD YOU TO MY PROFESSIONAL NETWORK ON LINKEDIN!!!',
];

// Personal notes that merely start politely, or borrow the template's words.
const PERSONAL_NOTES: readonly string[] = [
  "Hi Maya, I'd like to connect — we met at the Nordic Health Tech Forum.",
  "Hello Maya, I'd like to add you to my professional network. I loved your talk on pricing at Product Tank.",
  'Hi Maya, I would like to join your network because we are both building patient diaries.',
  "Dear Maya, thank you for your panel yesterday — I'd love to connect.",
  'Hej Maya! Vi träffades på Stockholm Product Breakfast. Jag vill gärna lägga till dig i mitt nätverk.',
  'Bonjour Maya, nous nous sommes rencontrés au Nordic Health Tech Forum.',
  "Hi Maya, fellow KTH alum here — I'd like to connect.",
  'Hallo Maya, ich möchte Sie gerne zu meinem Netzwerk hinzufügen — wir haben uns bei der Health-Tech-Konferenz kennengelernt.',
  'Hi Maya, Priya Nair suggested I reach out about clinician onboarding.',
  'Hi Maya, thanks for the great chat at the Product Breakfast!',
  "I'd like to add you to my network, Maya: Jonas Berg said you're the person to ask about route planning.",
  "Hello, I'd like to join your LinkedIn network to discuss your article on diary adherence.",
  "I'd like to connect. Fellow KTH alum",
  "Hi Maya, we met I'd like to connect",
  'Hi Maya, I’d like to add you to my professional network. Ex-Brightloop here',
];

describe('the generic-template detector', () => {
  it.each(GENERIC_NOTES)('generic: %s', (note) => {
    expect(isGenericInvitationNote(note)).toBe(true);
  });

  it.each(PERSONAL_NOTES)('not generic: %s', (note) => {
    expect(isGenericInvitationNote(note)).toBe(false);
  });

  it('every personal note is triaged as personal, every template as generic', () => {
    for (const message of PERSONAL_NOTES) {
      const result = triageInvitation(invitation({ name: 'A Sender', message }));
      expect(result.signals.note, message).toBe('personal');
      expect(result.verdict, message).toBe('accept');
    }
    for (const message of GENERIC_NOTES) {
      const result = triageInvitation(invitation({ name: 'A Sender', message }));
      expect(result.signals.note, message).toBe('generic');
      expect(result.verdict, message).toBe('ask');
    }
  });

  it('is not fooled by empty text, a greeting alone, or courtesy without a request', () => {
    expect(isGenericInvitationNote('')).toBe(false);
    expect(isGenericInvitationNote('   ')).toBe(false);
    expect(isGenericInvitationNote('Hi Maya,')).toBe(false);
    expect(isGenericInvitationNote('Thanks! Best regards')).toBe(false);
  });

  it('answers quickly on long repetitive text', () => {
    const long = 'best regards '.repeat(40) + 'x';
    expect(isGenericInvitationNote(`, ${'A'.repeat(590)} b`)).toBe(false);
    const started = performance.now();
    expect(isGenericInvitationNote(long)).toBe(false);
    expect(isGenericInvitationNote(`${"I'd like to connect. ".repeat(25)}`)).toBe(true);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

const PITCHES: readonly string[] = [
  SAMPLE.brandon.message ?? '',
  'Hi Maya, we help SaaS companies like yours generate 3x more qualified leads. Can I book a 15-minute call? calendly.com/jane-growth/15min',
  'Hello! Our agency offers offshore development and staff augmentation at half the cost. Visit our website to learn more.',
  'Hi Maya, quick question: are you open to a quick call this week to see how we can reduce your AWS costs?',
  'Hallo Maya, wir helfen Unternehmen wie Ihrem, Prozesse zu automatisieren. Hätten Sie Zeit für eine kurze Demo?',
  'We have a special offer for health-tech teams this month: a free audit of your onboarding funnel.',
  'Hi Maya, our platform saves clinics 25% on admin time. Happy to share pricing.',
  'Maya — check out our website www.growfast.io, our clients love our lead generation services.',
];

const NOT_PITCHES: readonly string[] = [
  SAMPLE.viktor.message ?? '',
  SAMPLE.anna.message ?? '',
  'Hi Maya, I saw the demo of your patient diary at the Forum — impressive work!',
  'Hi Maya, I run pricing at a clinic software startup and would love to compare notes on your pricing experiments.',
  'Hi Maya, your post on 20% better diary adherence with gentle streaks was great.',
  'Hi Maya, I work with clients in elderly care and your article on clinician onboarding helped me a lot.',
  "Hi Maya, I'm a new APM at Carevia and loved your talk on discovery in regulated products.",
  'Hi Maya, I read your website essay on discovery and would love to connect.',
  "We're rethinking our pricing at Fjordline and your talk on pricing experiments helped a lot.",
  'Hi Maya, we improved retention by 15% using your onboarding playbook. Thank you!',
  'Hi Maya, would love a quick call to pick your brain about discovery in regulated products.',
  'Hi Maya, it is inspiring to see people like you mentor new PMs.',
];

describe('sales-pitch detection', () => {
  it.each(PITCHES)('pitch: %s', (note) => {
    expect(salesPitchCues(note).length).toBeGreaterThan(0);
    const result = triageInvitation(invitation({ name: 'Some Seller', message: note }));
    expect(result.verdict).toBe('decline');
    expect(result.reasons.some((reason) => reason.startsWith('The note reads as a sales pitch'))).toBe(true);
  });

  it.each(NOT_PITCHES)('not a pitch: %s', (note) => {
    expect(salesPitchCues(note)).toEqual([]);
  });

  it('names the cues as written (less accents), in order, without repeating nested ones', () => {
    expect(salesPitchCues(PITCHES[1] ?? '')).toEqual([
      'we help saas',
      'companies like yours',
      'book a 15-minute call',
      'calendly.com/jane-growth/15min',
    ]);
    expect(salesPitchCues('We offer services to clients.')).toEqual(['services', 'clients']);
    expect(salesPitchCues('Our clients say hi')).toEqual([]);
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

  it('two invitations from different names never get the same reply', () => {
    const distinctNames = fc
      .tuple(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }))
      .filter(([a, b]) => a.replace(/\s+/g, ' ').trim() !== b.replace(/\s+/g, ' ').trim());
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
