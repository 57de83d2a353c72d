// Text of the synthetic export: message CONTENT as the 2023–2025 exports write it (HTML-ish `<p>`, `<br>`,
// `&amp;`, `&nbsp;`, `&rsquo;`, no embedded newlines), invitation notes (generic, personal, pitches) and
// multi-line recommendation texts.
import { EVENTS, GREETINGS, SCHOOLS, SIGN_OFFS, SKILLS, WORDS } from './export-vocabulary.mjs';
import { OWNER_POSITIONS } from './export-people.mjs';

/** Phrases carrying the entities real exports have: `&rsquo;` in contractions, `&amp;`, `&nbsp;`. */
const MARKED_UP = [
  'I&rsquo;ll',
  'don&rsquo;t',
  'it&rsquo;s',
  'that&rsquo;s',
  'we&rsquo;re',
  'Q&amp;A',
  'R&amp;D',
  'P&amp;L',
  '10&nbsp;am',
  '3&nbsp;pm',
  'next&nbsp;week',
];
const ENDINGS = ['.', '.', '.', '.', '?', '!'];

/** `plain` leaves out the HTML entities (texts that are not message CONTENT). */
function sentence(random, words, plain = false) {
  const parts = [];
  for (let index = 0; index < words; index++) {
    const roll = random.next();
    if (roll < 0.05 && !plain) parts.push(random.pick(MARKED_UP));
    else if (roll < 0.056) parts.push(`"${random.pick(WORDS)}"`);
    else parts.push(random.pick(WORDS));
    // Commas are common in real messages and make the CSV field quoted, which costs a parser more.
    if (index < words - 1 && random.chance(0.06)) parts[parts.length - 1] += ',';
  }
  const text = parts.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${random.pick(ENDINGS)}`;
}

/** 5–80 words, most short: a few sentences in one or two paragraphs, sometimes a greeting or a link. */
export function messageContent(random, recipientFirstName) {
  let remaining = 5 + Math.floor(75 * random.next() ** 2.2);
  const sentences = [];
  while (remaining > 0) {
    const words = Math.min(remaining, random.int(4, 14));
    sentences.push(sentence(random, words));
    remaining -= words;
  }
  if (random.chance(0.01)) {
    const link = `https://docs.example.com/d/${random.hex(10)}`;
    sentences.push(`Here it is: <a href="${link}">${link}</a>`);
  }
  if (random.chance(0.1)) return sentences.join(' ');
  const greeting =
    recipientFirstName && random.chance(0.25)
      ? `<p>${random.pick(GREETINGS)} ${recipientFirstName},</p>`
      : '';
  const signOff = random.chance(0.08) ? `<p>${random.pick(SIGN_OFFS)}</p>` : '';
  if (sentences.length > 3 && random.chance(0.5)) {
    const middle = Math.ceil(sentences.length / 2);
    return `${greeting}<p>${sentences.slice(0, middle).join(' ')}</p><p>${sentences.slice(middle).join(' ')}</p>${signOff}`;
  }
  const joiner = random.chance(0.15) ? '<br>' : ' ';
  return `${greeting}<p>${sentences.join(joiner)}</p>${signOff}`;
}

/**
 * A short chat line (`--messages short`): one sentence of 6–12 words, ~60 bytes of text, mostly in one `<p>`
 * — the typical message of an export where people chat rather than write letters.
 */
export function shortMessageContent(random) {
  const text = sentence(random, random.int(6, 12));
  return random.chance(0.1) ? text : `<p>${text}</p>`;
}

/** Sponsored InMail: spinmail markup, often with the unfilled `%FIRSTNAME%` placeholder. */
export function sponsoredContent(random, ownerFirstName) {
  const name = random.chance(0.4) ? '%FIRSTNAME%' : ownerFirstName;
  return (
    `<p class="spinmail-quill-editor__spin-break">Hi ${name},</p>` +
    `<p>${sentence(random, random.int(10, 20))} ${sentence(random, random.int(8, 16))}</p>` +
    `<p>Reserve your seat: <a href="https://events.example.com/${random.hex(6)}">events.example.com</a></p>`
  );
}

export function sponsoredSubject(random) {
  return random.pick([
    'Exclusive invitation: the 2026 Product Leaders Roundtable',
    'Alex, your free pricing benchmark report',
    'Last chance: webinar on AI for clinical operations',
    'A quick question about your roadmap tooling',
  ]);
}

export function recruiterContent(random, ownerFirstName, company) {
  return (
    `<p>Hi ${ownerFirstName},</p><p>I&rsquo;m hiring a ${random.pick(['Director of Product', 'VP Product', 'Head of Product', 'Principal PM'])} ` +
    `at ${company.replace(/&/g, '&amp;')} and your background stood out. ${sentence(random, random.int(8, 18))}</p>` +
    `<p>Open to a 15-minute chat next&nbsp;week?</p>`
  );
}

export function spamContent(random) {
  return random.pick([
    `<p>Congratulations! You have been selected for an exclusive crypto opportunity. Reply YES to ${random.hex(6)}.</p>`,
    `<p>Dear friend, I have a business proposal of mutual benefit. ${sentence(random, 12)}</p>`,
    `<p>Boost your profile views by 500%! Visit www.${random.hex(5)}-growth.example now.</p>`,
  ]);
}

const GENERIC_NOTES = [
  "I'd like to add you to my professional network on LinkedIn.",
  "Hi NAME, I'd like to join your LinkedIn network.",
  "Hi NAME, I'd like to connect with you on LinkedIn.",
  'Hello NAME, I came across your profile and would love to connect.',
];
const PITCH_NOTES = [
  'Hi NAME, we help companies like yours cut onboarding time by 40%. Worth a quick chat? Book a demo at www.onboardly.example.com',
  'Hi NAME, we help companies like yours scale outbound with AI SDRs, book a demo at www.pipelinepro.example.com',
  "NAME, quick one: we've helped 200+ health-tech teams ship faster. Can I send you a 2-minute video?",
  'Hi NAME, I run a dev agency (React, Node, AI) and we help companies like yours hit deadlines. Open to a call?',
];

/**
 * An invitation's note: ~50% empty, else a template, a personal note or a sales pitch. `kind` is
 * `stranger` (often pitches), `connection` (rarely) or `own` (the owner's notes, never).
 */
export function invitationNote(random, addresseeFirstName, sender, kind) {
  if (random.chance(0.5)) return '';
  const fill = (text) => text.replace(/NAME/g, addresseeFirstName);
  const style = random.weighted([
    ['generic', 40],
    ['personal', 45],
    ['pitch', kind === 'stranger' ? 25 : kind === 'connection' ? 5 : 0],
  ]);
  if (style === 'generic') return fill(random.pick(GENERIC_NOTES));
  if (style === 'pitch') return fill(random.pick(PITCH_NOTES));
  const reason = random.weighted([
    [`we met at ${random.pick(EVENTS)} last week`, 3],
    [`we overlapped at ${random.pick(OWNER_POSITIONS).company}`, 2],
    [`we were both at ${random.pick(SCHOOLS)}`, 1],
    [`I enjoyed your talk on ${random.pick(SKILLS).toLowerCase()}`, 2],
  ]);
  const company = sender.company ? ` I'm at ${sender.company} now.` : '';
  return `Hi ${addresseeFirstName}, ${reason}, great to put a face to the name.${company} Would be glad to stay in touch.`;
}

/** A recommendation: two or three paragraphs, separated by real line breaks (a multi-line quoted field). */
export function recommendationText(random, ownerFirstName, company) {
  const paragraphs = [
    `I had the pleasure of working with ${ownerFirstName} at ${company}. ${sentence(random, random.int(12, 25), true)}`,
    `${ownerFirstName} is a rare product leader: ${sentence(random, random.int(12, 30), true)} ${sentence(random, random.int(8, 20), true)}`,
  ];
  if (random.chance(0.5)) paragraphs.push(`I'd recommend ${ownerFirstName} without hesitation.`);
  return paragraphs.join(random.chance(0.5) ? '\n\n' : '\n');
}
