import type { TriageInput, TriageKnown, TriageOwner } from '../../src/domain/triage/triage-types.js';

/**
 * Invitations for the triage tests: the owner and the six pending invitations of the sample (sample/STORY.md),
 * and real-world notes of each kind — LinkedIn's template and its look-alikes, personal notes, sales pitches.
 */

/** Maya Lindqvist of sample/STORY.md, from the sample's Profile, Positions and Education files. */
export const MAYA: TriageOwner = {
  name: 'Maya Lindqvist',
  companies: ['Northwind Health', 'Brightloop', 'Kelda Analytics'],
  schools: ['Stockholm School of Economics', 'KTH Royal Institute of Technology'],
  events: ['Stockholm Product Breakfast'],
  headline: 'Senior Product Manager at Northwind Health · discovery, pricing and products for regulated care',
};

export const STRANGER: TriageKnown = {
  earlierMessages: 0,
  twoWayExchanges: 0,
  inAddressBook: false,
  inMailOrCalendar: false,
};

export function invitation(overrides: Partial<TriageInput> & Pick<TriageInput, 'name'>): TriageInput {
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
export const SAMPLE = {
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

// Real-world phrasings of LinkedIn's default note and its look-alikes, in thirteen languages.
export const GENERIC_NOTES: readonly string[] = [
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
export const PERSONAL_NOTES: readonly string[] = [
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

export const PITCHES: readonly string[] = [
  SAMPLE.brandon.message ?? '',
  'Hi Maya, we help SaaS companies like yours generate 3x more qualified leads. Can I book a 15-minute call? calendly.com/jane-growth/15min',
  'Hello! Our agency offers offshore development and staff augmentation at half the cost. Visit our website to learn more.',
  'Hi Maya, quick question: are you open to a quick call this week to see how we can reduce your AWS costs?',
  'Hallo Maya, wir helfen Unternehmen wie Ihrem, Prozesse zu automatisieren. Hätten Sie Zeit für eine kurze Demo?',
  'We have a special offer for health-tech teams this month: a free audit of your onboarding funnel.',
  'Hi Maya, our platform saves clinics 25% on admin time. Happy to share pricing.',
  'Maya — check out our website www.growfast.io, our clients love our lead generation services.',
];

export const NOT_PITCHES: readonly string[] = [
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
