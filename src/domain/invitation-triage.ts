import { firstNameOf, snippet } from './suggestions.js';
import { collapseWhitespace } from './text-normalization.js';

/**
 * Triage of incoming invitations (docs/rules/invitations.md#verdict): accept only with a basis — a
 * relationship that already exists, or a note that names something specific — ask the "collector" where you
 * met, and decline a stranger's sales pitch. Pure: the caller gathers what is known about the sender.
 */

export type TriageVerdict = 'accept' | 'ask' | 'decline';

/**
 * Raise when the verdict rules or texts change: stored results are reused only while this and the
 * inputs' hash are the same (services/triage.service.ts).
 */
export const TRIAGE_RULES_VERSION = 1;

export interface TriageOwner {
  name: string | null;
  companies: readonly string[];
  schools: readonly string[];
  events: readonly string[];
  headline: string | null;
}

export interface TriageKnown {
  /** Earlier messages with the sender, two-way exchanges, and whether they are in the address book / mail / calendar imports. */
  earlierMessages: number;
  twoWayExchanges: number;
  inAddressBook: boolean;
  inMailOrCalendar: boolean;
}

export interface TriageInput {
  name: string;
  message: string | null;
  /** YYYY-MM-DD; not used for the verdict (a basis does not age), kept so callers pass the whole invitation. */
  sentOn: string;
  owner: TriageOwner;
  known: TriageKnown;
  sender: { company: string | null; position: string | null } | null;
}

export type NoteKind = 'none' | 'generic' | 'personal' | 'pitch';

export interface TriageResult {
  verdict: TriageVerdict;
  /** 0–100, how strong the basis for accepting is: accept 60–100, ask 25–59, decline 0–24. */
  score: number;
  reasons: string[];
  reply: string | null;
  signals: {
    note: NoteKind;
    known: boolean;
    sharedEmployer: string | null;
    sharedSchool: string | null;
    sharedEvent: string | null;
    pitchCues: string[];
    personalCues: string[];
  };
}

// ---------------------------------------------------------------------------------------------------------
// Text forms. Templates and cues are matched on a folded form so "Möchte", "mochte" and "MÖCHTE" agree.

/** Letters NFKD does not decompose but that people type without the accent ("nätverk"/"natverk" work already). */
const EXTRA_FOLDS: Readonly<Record<string, string>> = {
  ø: 'o',
  Ø: 'O',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ß: 'ss',
  ẞ: 'SS',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'TH',
  ı: 'i',
};

/** Accents removed, case kept: cues are reported as the sender wrote them (less the accents). */
function foldKeepCase(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[øØæÆœŒßẞłŁđĐðÐþÞı]/g, (letter) => EXTRA_FOLDS[letter] ?? letter);
}

/** Lower-case words separated by single spaces: punctuation and apostrophes become spaces ("I'd" → "i d"). */
function wordsOf(text: string): string {
  return foldKeepCase(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The same words in the sender's capitalisation, and a way back from a match in the lower-case form to
 * the words as written ("your Product Tank Stockholm talk"). Lower-casing a folded letter rarely changes
 * the length; when it does, the lower-case words are reported instead.
 */
interface Words {
  lower: string;
  asWritten(start: number, end: number): string;
}

function wordsWithCase(text: string): Words {
  // Apostrophes stay in the written form ("I'm") and become spaces in the matched one ("i m"), one for one.
  const cased = foldKeepCase(text)
    .replace(/[^\p{L}\p{N}'’]+/gu, ' ')
    .trim();
  const lowerCased = cased.toLowerCase();
  const aligned = lowerCased.length === cased.length;
  const lower = lowerCased.replace(/['’]/g, ' ');
  return { lower, asWritten: (start, end) => (aligned ? cased : lower).slice(start, end).trim() };
}

/** Folded and lower-cased, punctuation kept (for "30-40%", links and "calendly.com"). */
function flatLower(text: string): string {
  return collapseWhitespace(foldKeepCase(text).toLowerCase());
}

/** Templates are short; anything longer is not one, and the cap bounds the matching work. */
const MAX_TEMPLATE_LENGTH = 600;

// ---------------------------------------------------------------------------------------------------------
// The generic template. A note is generic when, after an optional greeting with the recipient's name and an
// optional signature, it consists only of stock networking phrases and courtesies — at least one of them a
// request to connect. One specific word anywhere ("we met at…", "Brightloop") makes it not generic.

const NETWORK_ADJ = '(?:(?:professional|linkedin|business|personal) )*';
const ON_LINKEDIN = '(?: (?:on|via|through) linkedin| here)?';
const I_WOULD = '(?:i d|id|i would|i|i really|i d really|i would really|i d very much|i would very much)';

/** Requests to connect, in English, German, French, Spanish, Portuguese, Italian, Dutch, Swedish, Norwegian, Danish, Finnish, Polish and Turkish. */
const TEMPLATE_PHRASES: readonly string[] = [
  // English, the LinkedIn defaults and their variants
  `${I_WOULD} (?:like|love|want|wish) to (?:add you to|invite you to join|invite you to|include you in|welcome you to|have you in) (?:my|our) ${NETWORK_ADJ}network${ON_LINKEDIN}`,
  `${I_WOULD} (?:like|love|want) to (?:join|be part of|become part of|be a part of) your ${NETWORK_ADJ}network${ON_LINKEDIN}`,
  `(?:${I_WOULD} |would )?(?:like|love|want|be happy|be glad|be delighted|be keen|be pleased|be honored|be honoured) to (?:connect|be connected|get connected|link up|network)(?: with you)?${ON_LINKEDIN}`,
  `(?:happy|glad|keen|great|pleased|nice) to connect(?: with you)?${ON_LINKEDIN}`,
  `(?:it )?would be (?:great|nice|a pleasure|an honou?r) to (?:connect|be connected|have you in my network)(?: with you)?${ON_LINKEDIN}`,
  `(?:let s|lets|let us) connect${ON_LINKEDIN}`,
  `(?:please )?(?:accept|consider) my (?:invitation|invite|request|connection request)(?: to connect)?${ON_LINKEDIN}`,
  `(?:i m|i am) inviting you to (?:connect|join my ${NETWORK_ADJ}network)${ON_LINKEDIN}`,
  `(?:i )?wanted to invite you to join my ${NETWORK_ADJ}network${ON_LINKEDIN}`,
  `(?:join|joining) my ${NETWORK_ADJ}network${ON_LINKEDIN}`,
  `(?:${I_WOULD} (?:like|love|want) to|(?:i m|i am) (?:looking|hoping|trying) to|(?:i m|i am)) (?:expand|grow|extend|build|expanding|growing|extending|building) my ${NETWORK_ADJ}network${ON_LINKEDIN}`,
  `(?:i m|i am) (?:always )?(?:looking to connect|keen to connect|connecting) with (?:like minded |other |fellow )?(?:professionals|people|leaders|experts)(?: in (?:my|our|the|your) (?:field|industry|area|space))?`,
  `(?:i )?would like to connect with you${ON_LINKEDIN}`,
  // German: "Ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen."
  `(?:ich (?:mochte|wurde|will) (?:sie|dich|ihnen)|gerne? (?:mochte|wurde) ich (?:sie|dich)) (?:gerne |gern )?(?:zu|in) mein(?:em|e)? (?:beruflichen |berufliches |professionellen |professionelles )?netzwerk(?: (?:auf|bei) linkedin)? (?:hinzufugen|aufnehmen|einladen)`,
  `(?:ich (?:mochte|wurde) mich|gerne? (?:mochte|wurde) ich mich|lass uns|lassen sie uns) (?:gerne |gern )?(?:mit (?:ihnen|dir) )?(?:(?:auf|bei) linkedin |hier )?vernetzen`,
  // French: "J'aimerais vous inviter à rejoindre mon réseau professionnel."
  `(?:j aimerais|je souhaiterais|je voudrais|je souhaite|je veux) (?:vous|t|te) (?:inviter a rejoindre|ajouter a) mon reseau(?: professionnel)?(?: sur linkedin)?`,
  `(?:j aimerais|je souhaiterais|je voudrais|je souhaite) (?:rejoindre votre reseau(?: professionnel)?|me connecter avec (?:vous|toi)|entrer en contact avec (?:vous|toi)|vous compter parmi mes (?:relations|contacts))(?: sur linkedin)?`,
  // Spanish: "Me gustaría añadirte a mi red profesional."
  `(?:me gustaria|quisiera|quiero) (?:anadirte|agregarte|anadirle|agregarle|invitarte a unirte|invitarle a unirse) a (?:mi red|mis contactos)(?: profesional(?:es)?)?(?: (?:de|en) linkedin)?`,
  `(?:me gustaria|quisiera|quiero) (?:conectar|conectarme) (?:contigo|con usted)(?: en linkedin)?`,
  // Portuguese: "Gostaria de adicioná-lo à minha rede profissional no LinkedIn."
  `(?:gostaria de|quero|queria) (?:adiciona lo|adiciona la|adicionar voce|te adicionar|adicionar te|convida lo|te convidar para participar) (?:a|na|em) minha rede(?: profissional)?(?: no linkedin)?`,
  `(?:gostaria de|quero|queria) (?:me )?conectar com (?:voce|o senhor|a senhora)(?: no linkedin)?`,
  // Italian: "Vorrei aggiungerti alla mia rete professionale su LinkedIn."
  `(?:vorrei|mi piacerebbe|desidero) (?:aggiungerti alla|aggiungerla alla|invitarti a far parte della|invitarla a far parte della|invitarti nella|invitarla nella) mia rete(?: professionale)?(?: su linkedin)?`,
  `(?:vorrei|mi piacerebbe) (?:collegarmi|connettermi|entrare in contatto) con (?:te|lei)(?: su linkedin)?`,
  // Dutch: "Ik wil je graag toevoegen aan mijn professionele netwerk op LinkedIn."
  `(?:ik wil|ik zou) (?:je|u|jou) (?:graag )?(?:willen )?(?:toevoegen aan|uitnodigen voor) mijn (?:professionele )?netwerk(?: op linkedin)?`,
  `graag (?:voeg ik (?:je|u) toe|nodig ik (?:je|u) uit) (?:aan|voor) mijn (?:professionele )?netwerk(?: op linkedin)?`,
  `(?:ik wil|ik zou) graag (?:met (?:je|u) )?(?:willen )?(?:connecten|verbinden|linken)(?: met (?:je|u))?(?: op linkedin)?`,
  // Swedish: "Jag vill gärna lägga till dig i mitt professionella nätverk på LinkedIn."
  `jag (?:vill|skulle vilja) (?:garna )?(?:lagga till dig|bjuda in dig) (?:i|till) mitt (?:professionella )?natverk(?: pa linkedin)?`,
  `jag (?:vill|skulle vilja) (?:garna )?(?:ansluta|knyta kontakt|koppla ihop oss)(?: med dig)?(?: pa linkedin)?`,
  // Norwegian and Danish
  `jeg vil (?:gjerne )?(?:legge deg til|invitere deg til) (?:i )?(?:mitt )?(?:profesjonelle )?nettverk(?: pa linkedin)?`,
  `jeg vil (?:gerne )?(?:tilfoje dig til|invitere dig til) (?:mit )?(?:professionelle )?netvaerk(?: pa linkedin)?`,
  // Finnish, Polish, Turkish
  `haluaisin (?:lisata sinut|kutsua sinut) (?:ammatilliseen )?verkostooni(?: linkedinissa)?`,
  `(?:chcialbym|chcialabym|chce) (?:dodac cie|zaprosic cie) do (?:mojej )?(?:sieci )?(?:zawodowej|kontaktow)(?: na linkedin)?`,
  `(?:sizi|seni) linkedin deki (?:profesyonel )?agima eklemek istiyorum`,
];

/** Courtesies and filler that say nothing about why the sender writes. */
const COURTESY_PHRASES: readonly string[] = [
  'thanks?(?: you)?(?: (?:so|very) much)?(?: in advance)?(?: for (?:your time|considering|accepting|reading|connecting))?',
  'many thanks',
  'best(?: regards| wishes)?',
  '(?:kind|warm|warmest|warm and kind) regards',
  'regards',
  'cheers',
  'all the best',
  'sincerely',
  '(?:have a )?(?:great|nice|good|wonderful|lovely) (?:day|week|weekend)',
  '(?:i )?(?:look|looking) forward to (?:connecting|hearing from you|staying in touch|being connected|it)(?: with you)?',
  '(?:i )?hope (?:you re|you are|this (?:message |note )?finds you|all is) (?:well|doing well|good)',
  '(?:i )?came across your profile(?: on linkedin)?',
  'since (?:you re|you are) a person i trust',
  '(?:i )?(?:just )?wanted to (?:reach out|say hi|say hello)',
  'greetings',
  'and|so|also|just|please|linkedin|on linkedin|here|too|as well|today|again',
  'danke(?: schon)?|vielen dank|(?:viele|beste|liebe|herzliche|schone) grusse|mit freundlichen grussen|lg|vg|gruss|einen schonen tag',
  'merci(?: beaucoup)?|cordialement|bien cordialement|bien a vous|bonne journee|belle journee|au plaisir|a bientot',
  'gracias|muchas gracias|saludos|un saludo|atentamente|un abrazo',
  'obrigad[oa]|abracos?|atenciosamente|cumprimentos|att',
  'grazie(?: mille)?|saluti|cordiali saluti|un saluto|buona giornata',
  'groeten|met vriendelijke groet(?:en)?|vriendelijke groet(?:en)?|groetjes|bedankt|dank (?:je|u)',
  'tack(?: sa mycket)?|mvh|med vanliga halsningar|vanliga halsningar|halsningar|hals|ha en bra dag',
  'takk|hilsen|med vennlig hilsen|venlig hilsen|kiitos|terveisin|pozdrawiam|dziekuje|tesekkurler|saygilarimla',
];

const GREETING =
  '(?:hi|hello|hey|hiya|dear|good (?:morning|afternoon|evening|day)|greetings|hallo|liebe|lieber|sehr geehrte[rs]?|guten (?:tag|morgen)|moin|servus|bonjour|bonsoir|salut|chere?|madame|monsieur|hola|buenos dias|buenas(?: tardes)?|estimad[oa]|querid[oa]|hej|hejsan|halla|tjena|god dag|hei|moi|hoi|beste|geachte|goedendag|goedemorgen|dag|ola|oi|bom dia|boa tarde|prezad[oa]|car[oa]|ciao|salve|buongiorno|gentile|gentilissim[oa]|witam|dzien dobry|czesc|merhaba|ahoj)';

/** Words that cannot be part of a name after "Hi": "Hi we met…" is not "Hi <name>". */
const NOT_A_NAME = new Set(
  'i we you my our your me it this that met saw at from the a an in on to and for of with ich wir je nous jag vi ik yo eu io thanks thank'.split(
    ' ',
  ),
);

interface Phrase {
  pattern: RegExp;
  template: boolean;
}

const PHRASES: readonly Phrase[] = [
  ...TEMPLATE_PHRASES.map((source) => ({ pattern: new RegExp(`(?:${source})(?= |$)`, 'y'), template: true })),
  ...COURTESY_PHRASES.map((source) => ({
    pattern: new RegExp(`(?:${source})(?= |$)`, 'y'),
    template: false,
  })),
];

const GREETING_AT_START = new RegExp(`^${GREETING}(?= |$)`);

/** Consumes `words` from `start` with stock phrases only, longest first; linear, no backtracking between phrases. */
function onlyStockPhrases(words: string, start: number): { ok: boolean; template: boolean } {
  let position = start;
  let template = false;
  while (position < words.length) {
    let best: Phrase | null = null;
    let bestEnd = position;
    for (const phrase of PHRASES) {
      phrase.pattern.lastIndex = position;
      const match = phrase.pattern.exec(words);
      if (match && position + match[0].length > bestEnd) {
        best = phrase;
        bestEnd = position + match[0].length;
      }
    }
    if (!best) return { ok: false, template };
    template ||= best.template;
    position = bestEnd + 1;
  }
  return { ok: true, template };
}

/** "Hi Maya," / "Dear Ms. Lindqvist:" / "Maya —" at the start, in the sender's own capitalisation. */
const LEADING_NAME = /^\s*(?:\p{Lu}[\p{L}'’.-]*\s+){0,2}\p{Lu}[\p{L}'’.-]*\s*[,!:—–]+/u;
/** "…network. – Michael Brooks" / "…, Maya!" at the end, set off by punctuation. */
const TRAILING_NAME = /(^|[\n,.!?;:—–]|\s-)\s*\p{Lu}[\p{L}'’.!-]*(?:\s+\p{Lu}[\p{L}'’.!-]*){0,2}\s*$/u;

export function isGenericInvitationNote(text: string): boolean {
  if (text.length > MAX_TEMPLATE_LENGTH) return false;
  const folded = foldKeepCase(text);
  const trimmed = folded.replace(LEADING_NAME, ' ').replace(TRAILING_NAME, '$1');
  const words = wordsOf(trimmed);
  if (!words) return false;
  const direct = onlyStockPhrases(words, 0);
  if (direct.ok) return direct.template;
  // "hi maya i d like to…" without the comma: a greeting, then up to three name words.
  const greeting = GREETING_AT_START.exec(words);
  if (!greeting) return false;
  let position = greeting[0].length + 1;
  for (let names = 0; names <= 3 && position <= words.length; names++) {
    const attempt = onlyStockPhrases(words, position);
    if (attempt.ok) return attempt.template;
    const next = words.indexOf(' ', position);
    const word = words.slice(position, next === -1 ? undefined : next);
    if (NOT_A_NAME.has(word) || next === -1) return false;
    position = next + 1;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------
// Sales pitches. Strong cues are pitches on their own; weak ones ("clients", "demo", "a quick call", a link)
// only two different ones together, because "I saw the demo of your diary" and "a quick call to pick your
// brain" are personal notes. Peers talk about pricing and results too, so "our pricing" and "improved
// retention by 15%" are weak or no cues; "save 30%" and "companies like yours" are strong.

const STRONG_PITCH: readonly RegExp[] = [
  /\b(?:companies|businesses|teams|firms|organi[sz]ations|brands|startups) like (?:yours|you)\b/g,
  /\bwe (?:help|helped|work with|partner with|support) (?:companies|businesses|teams|firms|brands|startups|organi[sz]ations|b2b|saas|founders|leaders|clients|agencies)\b/g,
  /\b(?:book|schedule|set up|arrange) (?:a |an )?(?:quick |short |free |brief |15[- ]?min(?:ute)? |30[- ]?min(?:ute)? )?(?:demo|consultation)\b/g,
  /\b(?:free|discovery) (?:call|demo|consultation|audit|trial)\b/g,
  /\b(?:calendly\.com|cal\.com\/|savvycal|chilipiper|tidycal|acuityscheduling|zcal\.co|meetings\.hubspot\.com|hubspot\.com\/meetings)\S*/g,
  /\b(?:cut|cuts|save|saves|slash|slashes|reduce|reduces|lower|lowers)\b[^.!?]{0,40}?\d{1,3}(?:\s?[-–]\s?\d{1,3})?\s?%/g,
  /\d{1,3}(?:\s?[-–]\s?\d{1,3})?\s?%\s?(?:savings|off|discount|roi|cheaper|faster|more (?:leads|sales|revenue))/g,
  /\b(?:cut|reduce|lower|slash|optimi[sz]e) (?:your (?:cloud |it |aws |hiring |operating )?|(?:cloud|aws|it) )(?:costs?|spend|bills?|expenses)\b/g,
  /\b(?:increase|boost|grow|double|triple) your (?:revenue|sales|leads|pipeline|conversions?|roi)\b/g,
  /\b(?:our|my) (?:services|agency|offering|rates|packages?)\b/g,
  /\b(?:visit|check out|take a look at|have a look at|see) (?:our|my) (?:website|site|page|deck|portfolio|brochure)\b/g,
  /\b(?:lead generation|lead gen|appointment setting|outsourc\w+|offshore development|white[- ]label|seo services|web development services|staff augmentation|dedicated developers|growth hacking services)\b/g,
  /\b(?:special offer|limited time|no obligation|risk[- ]free|free consultation|free audit|free trial)\b/g,
  /\b(?:wir helfen (?:unternehmen|firmen)|nous aidons (?:les )?entreprises|vi hjalper foretag|ayudamos a (?:las )?empresas|ajudamos empresas|aiutiamo le aziende|wij helpen bedrijven)\b/g,
];

const WEAK_PITCH: readonly RegExp[] = [
  /(?<!\byour )\bclients?\b/g,
  /(?<!\byour )\bservices?\b/g,
  /(?<!\byour )\bdemo\b/g,
  /(?<!\byour )\bwebsite\b/g,
  /\b(?:https?:\/\/|www\.)\S+/g,
  /(?<!\byour )\b(?:solutions?|platform)\b/g,
  /(?<!\byour )\bpricing\b/g,
  /\b(?:roi|return on investment)\b/g,
  /\bopen to (?:a )?(?:quick |short |brief )?(?:call|chat|conversation)\b/g,
  /\b(?:book|schedule|set up|arrange|grab|hop on|jump on) (?:a |an )?(?:quick |short |brief |15[- ]?min(?:ute)? |30[- ]?min(?:ute)? )?(?:call|meeting)\b/g,
  /\b(?:quick|short|brief|15[- ]?min(?:ute)?|30[- ]?min(?:ute)?) (?:call|demo)\b/g,
];

interface Span {
  start: number;
  end: number;
  text: string;
  /** Which pattern found it: weak cues count once per pattern ("pricing … pricing" is one cue). */
  pattern: number;
}

function spansOf(text: string, patterns: readonly RegExp[]): Span[] {
  const spans: Span[] = [];
  patterns.forEach((pattern, index) => {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      spans.push({ start, end: start + match[0].length, text: match[0].trim(), pattern: index });
    }
  });
  return spans;
}

/**
 * The sales cues of a note that reads as a pitch, in the order they appear; empty when it does not read as
 * one (one strong cue, or two weak ones, make a pitch).
 */
export function salesPitchCues(text: string): string[] {
  if (!text.trim()) return [];
  const flat = flatLower(text.slice(0, 4000));
  const strong = spansOf(flat, STRONG_PITCH);
  const weak = spansOf(flat, WEAK_PITCH).filter(
    (span) => !strong.some((other) => span.start < other.end && other.start < span.end),
  );
  if (strong.length === 0 && new Set(weak.map((span) => span.pattern)).size < 2) return [];
  const ordered = [...strong, ...weak].sort((a, b) => a.start - b.start || b.end - a.end);
  const cues: string[] = [];
  let coveredTo = -1;
  for (const span of ordered) {
    if (span.end <= coveredTo) continue; // inside a longer cue already listed
    coveredTo = Math.max(coveredTo, span.end);
    if (!cues.includes(span.text)) cues.push(span.text);
  }
  return cues;
}

// ---------------------------------------------------------------------------------------------------------
// Personal notes: phrases that say how the sender knows the owner or why they write.

// Past contact, the recipient's work, a referral by name, a concrete ask. Not personal: "nice to meet you",
// "I saw your profile", "LinkedIn suggested you", "I'm building my network" — collectors write those too.
const PERSONAL_PATTERNS: readonly RegExp[] = [
  /\bwe (?:met|ve met|have met|spoke|talked|chatted|worked together|overlapped|were both|are both|re both|both|know each other|sat next)\b/g,
  /\b(?:met|saw) you\b/g,
  /\b(?:meeting|seeing) you (?:at|in|during|last|yesterday|today|this|earlier)\b/g,
  /\b(?:nice|great|good|lovely) (?:meeting|seeing|chatting|talking)\b/g,
  /\b(?:after|at|during|from|in) (?:your|the) (?:[a-z0-9]+ ){0,3}?(?:talk|panel|keynote|presentation|session|workshop|webinar|meetup|conference|summit|forum|breakfast|hackathon|course|class|lecture|cohort|program|programme)\b/g,
  /\byour (?:[a-z0-9]+ ){0,3}?(?:talk|panel|keynote|presentation|session|workshop|webinar|post|article|book|podcast|newsletter|paper|blog|video|thread|comment|research|playbook|case study|project|launch|thesis|course|lecture)\b/g,
  /\byour work (?:on|at|with|in|as)\b/g,
  /\b(?:fellow|former|ex) (?:[a-z0-9]+ ){0,3}?(?:alum|alumni|alumna|alumnus|colleague|colleagues|student|classmate|pm|product manager|engineer|designer|organi[sz]er|member|speaker|founder|researcher|analyst|mentee)\b/g,
  /\b(?:alum|alumni|alumna|alumnus|classmates?|class of \d{4})\b/g,
  /\b(?:former colleague|colleague of|worked with you|work with you|used to work|same team)\b/g,
  /(?<!\blinkedin )\b(?:suggested|recommended|mentioned|referred|introduced|pointed me)(?: (?:i|me|you|that|us))?\b/g,
  /(?<!\blinkedin )\b(?:said|told me|tells me) (?:that )?you(?: re| are| were| might| could| would)?\b/g,
  /\bmutual (?:friend|colleague)s?\b/g,
  /\b(?:i m|i am|we re|we are) (?:also |currently |now )?(?:working on|building|tackling|researching|moving into|studying|hiring for)\b(?! (?:(?:expanding|growing|building) )?(?:my|a) (?:professional )?network)/g,
  /\b(?:could i ask|can i ask|ask you about|to ask about|pick your brain|compare notes|same problem|your (?:advice|perspective|input|thoughts|feedback)|would value your)\b/g,
  /\b(?:saw|read|heard|watched|listened to|loved|enjoyed|liked|caught|followed) your (?!(?:profile|network|name)\b)[a-z]+\b/g,
  /\b(?:on s est rencontres?|nous nous sommes rencontres|votre (?:conference|intervention|article|presentation|panel)|ancienne? collegue)\b/g,
  /\b(?:kennengelernt|ihr(?:en)? (?:vortrag|beitrag|artikel|panel)|dein(?:en)? (?:vortrag|beitrag|artikel)|ehemalige[rn]? kolleg\w*)\b/g,
  /\b(?:vi traffades|vi jobbade ihop|vi arbetade tillsammans|din (?:forelasning|presentation|artikel)|ditt (?:foredrag|inlagg)|tidigare kollega)\b/g,
  /\b(?:nos conocimos|tu (?:charla|articulo|presentacion|ponencia|publicacion)|su (?:charla|ponencia)|ex ?companer[oa])\b/g,
  /\b(?:nos conhecemos|sua (?:palestra|apresentacao)|seu artigo|ci siamo conosciuti|il tuo (?:intervento|articolo)|la tua presentazione)\b/g,
  /\b(?:we hebben elkaar ontmoet|we spraken|je presentatie|jouw (?:presentatie|artikel|talk)|oud collega)\b/g,
];

/** Phrases of a note that say how the sender knows the recipient or why they write, as written. */
export function personalNoteCues(text: string): string[] {
  const words = wordsWithCase(text.slice(0, 4000));
  if (!words.lower) return [];
  const found: Array<{ start: number; end: number }> = [];
  for (const pattern of PERSONAL_PATTERNS) {
    for (const match of words.lower.matchAll(pattern)) {
      found.push({ start: match.index, end: match.index + match[0].length });
    }
  }
  // Overlapping matches become one cue: "Great meeting" + "meeting you at" + "at the Forum" → one phrase.
  const merged: Array<{ start: number; end: number }> = [];
  for (const span of found.sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  const cues = merged.map((span) => words.asWritten(span.start, span.end));
  return [...new Set(cues)];
}

// ---------------------------------------------------------------------------------------------------------
// Organisations, schools and events, matched loosely: case, accents, punctuation, legal forms ("Inc.",
// "AB", "GmbH"), a leading acronym ("KTH Royal Institute of Technology" → KTH), or the distinctive word
// before a descriptor ("Kelda Analytics" → Kelda, "Uppsala University" → Uppsala).

const LEGAL_FORMS = new Set(
  'inc incorporated ltd limited llc llp plc gmbh ag ab publ as asa oy oyj bv nv sa sas sarl srl spa co corp corporation company kg ug aps pty sl se kk'.split(
    ' ',
  ),
);
const DESCRIPTORS = new Set(
  'health healthcare analytics labs lab technologies technology tech software systems solutions group consulting consultants studio studios partners digital logistics energy learning media ventures capital holdings international global services networks university universitet universitat universidad universite universita college school institute hochschule polytechnic academy'.split(
    ' ',
  ),
);
/** Places that are nobody's employer in particular. */
const NOT_AN_EMPLOYER = new Set([
  'self employed',
  'freelance',
  'freelancer',
  'independent',
  'independent consultant',
  'consultant',
  'stealth',
  'stealth startup',
  'confidential',
  'retired',
  'student',
  'unemployed',
]);
/** Common words that make poor keys on their own ("Open University" must not match "open to…"). */
const COMMON_WORDS = new Set(
  'the open new global first united national general digital health data product people city central north south east west modern future smart'.split(
    ' ',
  ),
);

const CONNECTORS = new Set(['of', 'and', 'for', 'the', 'de', 'der', 'fur', 'i', 'di', 'la', 'le']);

interface OrgKeys {
  /** Lower-case word sequences, matched as whole words. */
  words: string[];
  /** Acronyms, matched case-sensitively as whole words ("KTH", not "kth" inside other text). */
  acronyms: string[];
}

/** Organisation keys depend on the name alone and are asked for once per invitation: worked out once. */
const orgKeyCache = new Map<string, OrgKeys>();

function orgKeys(name: string): OrgKeys {
  let keys = orgKeyCache.get(name);
  if (!keys) {
    if (orgKeyCache.size > 10_000) orgKeyCache.clear();
    orgKeyCache.set(name, (keys = computeOrgKeys(name)));
  }
  return keys;
}

function computeOrgKeys(name: string): OrgKeys {
  const tokens = wordsOf(name)
    .split(' ')
    .filter((token) => token.length > 0);
  while (tokens.length > 1 && LEGAL_FORMS.has(tokens[tokens.length - 1] ?? '')) tokens.pop();
  if (tokens[0] === 'the' && tokens.length > 1) tokens.shift();
  const full = tokens.join(' ');
  const words: string[] = [];
  if (full.length >= 2 && !NOT_AN_EMPLOYER.has(full)) words.push(full);
  // "Kelda Analytics" → "kelda"; "University of Oxford" → "oxford".
  const head = [...tokens];
  while (
    head.length > 1 &&
    (DESCRIPTORS.has(head[head.length - 1] ?? '') || CONNECTORS.has(head[head.length - 1] ?? ''))
  )
    head.pop();
  const afterOf =
    tokens.length === 3 && DESCRIPTORS.has(tokens[0] ?? '') && tokens[1] === 'of' ? tokens[2] : undefined;
  for (const candidate of [head.length < tokens.length ? head.join(' ') : undefined, afterOf]) {
    if (candidate && candidate.length >= 4 && !COMMON_WORDS.has(candidate) && !words.includes(candidate))
      words.push(candidate);
  }
  const acronyms: string[] = [];
  const leading = /^\s*(\p{Lu}{2,6})\b/u.exec(foldKeepCase(name));
  if (leading?.[1] && !LEGAL_FORMS.has(leading[1].toLowerCase())) acronyms.push(leading[1]);
  const initials = foldKeepCase(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => /^\p{Lu}/u.test(word))
    .map((word) => word[0] ?? '')
    .join('');
  if (initials.length >= 3 && !acronyms.includes(initials)) acronyms.push(initials);
  return { words, acronyms };
}

/** The form under which `organization` is named in `text` ("KTH", "Brightloop"), or null. */
function organizationMention(text: string, organization: string): string | null {
  if (!organization.trim()) return null;
  const keys = orgKeys(organization);
  const words = wordsWithCase(text);
  const padded = ` ${words.lower} `;
  for (const key of keys.words) {
    const at = padded.indexOf(` ${key} `);
    if (at >= 0) return words.asWritten(at, at + key.length);
  }
  if (keys.acronyms.length > 0) {
    const cased = ` ${foldKeepCase(text).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
    for (const acronym of keys.acronyms) {
      if (cased.includes(` ${acronym} `)) return acronym;
    }
  }
  return null;
}

/** Whether `text` names `organization`, loosely (case, accents, legal forms, a leading acronym). */
export function namesOrganization(text: string, organization: string): boolean {
  return organizationMention(text, organization) !== null;
}

/** Two organisation names for the same place: "Brightloop AB" and "brightloop". */
function sameOrganization(a: string, b: string): boolean {
  const left = orgKeys(a).words[0];
  const right = orgKeys(b).words[0];
  return left !== undefined && left === right;
}

function eventMention(text: string, event: string): string | null {
  const withoutYears = event.replace(/\b(?:19|20)\d{2}\b/g, ' ');
  const key = wordsOf(withoutYears);
  if (key.length < 4) return null;
  const words = wordsWithCase(text);
  const at = ` ${words.lower} `.indexOf(` ${key} `);
  return at >= 0 ? words.asWritten(at, at + key.length) : null;
}

/** Words of the owner's headline that name their work, not their rank ("pricing", not "senior"). */
const HEADLINE_STOP = new Set(
  'senior junior product products manager management director head lead leader engineer engineering founder cofounder officer chief principal consultant specialist analyst professional network linkedin helping people about building passionate company companies business services solutions global international expert experienced years working currently former owner partner member other their there where which'.split(
    ' ',
  ),
);

/** The owner is the same for every invitation of a triage run: their topics are worked out once. */
const topicCache = new WeakMap<TriageOwner, string[]>();

function headlineTopics(owner: TriageOwner): string[] {
  let topics = topicCache.get(owner);
  if (!topics) topicCache.set(owner, (topics = computeHeadlineTopics(owner)));
  return topics;
}

function computeHeadlineTopics(owner: TriageOwner): string[] {
  if (!owner.headline) return [];
  const excluded = new Set([
    ...wordsOf(owner.name ?? '').split(' '),
    ...owner.companies.flatMap((company) => wordsOf(company).split(' ')),
  ]);
  const topics = wordsOf(owner.headline)
    .split(' ')
    .filter((word) => word.length >= 5 && !HEADLINE_STOP.has(word) && !excluded.has(word));
  return [...new Set(topics)];
}

function topicsNamed(text: string, topics: readonly string[]): string[] {
  const words = new Set(wordsOf(text).split(' '));
  return topics.filter((topic) => words.has(topic) || words.has(`${topic}s`));
}

// ---------------------------------------------------------------------------------------------------------
// The verdict.

const BANDS: Readonly<Record<TriageVerdict, readonly [number, number]>> = {
  accept: [60, 100],
  ask: [25, 59],
  decline: [0, 24],
};

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function plural(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}

function quoted(items: readonly string[]): string {
  return items.map((item) => `“${item}”`).join(', ');
}

function positive(count: number): number {
  return Number.isFinite(count) && count > 0 ? Math.floor(count) : 0;
}

export function triageInvitation(input: TriageInput): TriageResult {
  const given = collapseWhitespace(input.name);
  const name = given || 'the sender';
  const nameAtStart = capitalized(name);
  const first = given ? firstNameOf(given) : 'them';
  const ownerFirst = input.owner.name?.trim() ? firstNameOf(collapseWhitespace(input.owner.name)) : null;
  const message = input.message && input.message.trim() ? input.message : null;
  const reasons: string[] = [];

  // Do I know them already? One-way contact is no relationship (docs/rules/invitations.md#known), so earlier
  // messages alone do not make the sender known; a two-way exchange, the address book, mail or calendar do.
  const exchanges = positive(input.known.twoWayExchanges);
  const earlier = positive(input.known.earlierMessages);
  const known = exchanges > 0 || input.known.inAddressBook || input.known.inMailOrCalendar;
  let score = 30;
  if (exchanges > 0) {
    reasons.push(
      `You have had ${exchanges} two-way ${plural(exchanges, 'exchange', 'exchanges')} with ${name}.`,
    );
    score += 35 + Math.min(15, 5 * exchanges);
  }
  if (input.known.inAddressBook) {
    reasons.push(`${nameAtStart} is in your address book.`);
    score += 30;
  }
  if (input.known.inMailOrCalendar) {
    reasons.push(`${nameAtStart} appears in your mail or calendar.`);
    score += 30;
  }
  if (!known && earlier > 0) {
    reasons.push(
      `There ${plural(earlier, 'is', 'are')} ${earlier} earlier ${plural(earlier, 'message', 'messages')} with ${name}, but never a two-way exchange: one-way contact is no relationship yet.`,
    );
    score += 5;
  }
  if (!known && earlier === 0) {
    reasons.push(
      `You have no history with ${name} yet: no earlier messages, no address-book entry, no mail or meetings.`,
    );
  }

  // Shared history: named in the note, or on the sender's profile.
  let sharedEmployer: string | null = null;
  let sharedSchool: string | null = null;
  let sharedEvent: string | null = null;
  const entityCues: string[] = [];
  if (message) {
    for (const company of input.owner.companies) {
      const mention = organizationMention(message, company);
      if (mention) {
        sharedEmployer = company;
        entityCues.push(mention);
        reasons.push(`The note names ${company}${asWritten(mention, company)}, where you have worked.`);
        break;
      }
    }
    for (const school of input.owner.schools) {
      const mention = organizationMention(message, school);
      if (mention) {
        sharedSchool = school;
        entityCues.push(mention);
        reasons.push(`The note names ${school}${asWritten(mention, school)}, where you studied.`);
        break;
      }
    }
    for (const event of input.owner.events) {
      const mention = eventMention(message, event);
      if (mention) {
        sharedEvent = event;
        entityCues.push(mention);
        reasons.push(`The note names ${event}, an event you attended.`);
        break;
      }
    }
  }
  const senderCompany = input.sender?.company?.trim() ? input.sender.company.trim() : null;
  if (!sharedEmployer && senderCompany) {
    const match = input.owner.companies.find((company) => sameOrganization(company, senderCompany));
    if (match) {
      sharedEmployer = match;
      reasons.push(`${nameAtStart}'s profile says ${senderCompany}, where you have worked too.`);
    }
  }
  if (sharedEmployer) score += 12;
  if (sharedSchool) score += 10;
  if (sharedEvent) score += 8;

  // The note.
  let note: NoteKind = 'none';
  let pitchCues: string[] = [];
  let personalCues: string[] = [];
  let template = false;
  if (!message) {
    reasons.push(`There is no note: ${name} did not say why they want to connect.`);
  } else {
    pitchCues = salesPitchCues(message);
    template = isGenericInvitationNote(message);
    const phraseCues = template ? [] : personalNoteCues(message);
    const topics = template ? [] : topicsNamed(message, headlineTopics(input.owner));
    personalCues = [...entityCues, ...phraseCues, ...topics];
    if (pitchCues.length > 0) {
      note = 'pitch';
      reasons.push(`The note reads as a sales pitch: ${quoted(pitchCues)}.`);
      score -= 35;
    } else if (personalCues.length > 0) {
      note = 'personal';
      if (phraseCues.length > 0) reasons.push(`The note is personal: it says ${quoted(phraseCues)}.`);
      if (topics.length > 0)
        reasons.push(`The note mentions ${quoted(topics)}, which your headline names as your work.`);
      score += 28 + Math.min(10, 3 * (personalCues.length - 1));
    } else if (template) {
      note = 'generic';
      reasons.push(
        `The note is a generic template (“${snippet(message, 90) ?? ''}”): it says nothing about why ${name} wants to connect.`,
      );
    } else {
      note = 'generic';
      reasons.push(
        `The note (“${snippet(message, 90) ?? ''}”) names nothing specific: no event, shared employer or school, your work or a concrete topic.`,
      );
    }
  }

  // Verdict: an existing relationship wins; a stranger's pitch is declined unless they share your history;
  // a personal note is a basis; everything else is a question back.
  let verdict: TriageVerdict;
  const sharedHistory = sharedEmployer !== null || sharedSchool !== null;
  if (known) {
    verdict = 'accept';
    reasons.push(
      note === 'pitch'
        ? `Accept: you already know ${name}, even though the note is a pitch.`
        : `Accept: you already know ${name}.`,
    );
  } else if (note === 'pitch') {
    verdict = sharedHistory ? 'ask' : 'decline';
    reasons.push(
      sharedHistory
        ? `Ask: a pitch, but ${sharedEmployer ?? sharedSchool ?? ''} is in both your histories; ask ${first} where your paths crossed before connecting.`
        : `Decline: a stranger's sales pitch is no basis for a relationship.`,
    );
  } else if (note === 'personal') {
    verdict = 'accept';
    reasons.push(`Accept: the note gives a real basis for connecting.`);
  } else {
    verdict = 'ask';
    reasons.push(
      `Ask: nothing yet shows why you should connect; the drafted reply asks ${first} where you met and what they would like to talk about.`,
    );
  }

  const [low, high] = BANDS[verdict];
  score = Math.max(low, Math.min(high, Math.round(score)));

  return {
    verdict,
    score,
    reasons,
    reply: draftReply(verdict, {
      name: given,
      ownerFirst,
      note,
      template,
      earlier,
      sharedEmployer,
      sharedSchool,
    }),
    signals: { note, known, sharedEmployer, sharedSchool, sharedEvent, pitchCues, personalCues },
  };
}

/** " (as “KTH”)" when the note used another form of the name than the owner's. */
function asWritten(mention: string, full: string): string {
  return wordsOf(full) === wordsOf(mention) ? '' : ` (as “${mention}”)`;
}

interface ReplyFacts {
  name: string;
  ownerFirst: string | null;
  note: NoteKind;
  template: boolean;
  earlier: number;
  sharedEmployer: string | null;
  sharedSchool: string | null;
}

/**
 * Replies name the sender in full ("Hi Dmitri Volkov,"): a first contact with a stranger, and the reason two
 * invitations from different people never get the same text. Accepting needs no reply here — the agenda's
 * follow-up item drafts the first real message once connected.
 */
function draftReply(verdict: TriageVerdict, facts: ReplyFacts): string | null {
  if (verdict === 'accept') return null;
  const signOff = facts.ownerFirst ? `\n\nBest,\n${facts.ownerFirst}` : '';
  const greeting = facts.name ? `Hi ${facts.name},` : 'Hello,';
  if (verdict === 'decline') {
    return `${greeting} thank you for reaching out. I keep my LinkedIn network to people I know personally, and I'm not looking for new services right now, so I'll pass on connecting. All the best with your work!${signOff}`;
  }
  const shared = facts.sharedEmployer ?? facts.sharedSchool;
  let opening: string;
  if (shared) {
    opening = `thank you for the invitation! I see ${shared} in both our histories — did our paths cross there?`;
  } else if (facts.earlier > 0) {
    opening = `thank you for the invitation! I see we've exchanged a message before, but I can't quite place you.`;
  } else if (facts.template) {
    opening = `thank you for the invitation! Your note was LinkedIn's standard one, so I can't tell where our paths crossed.`;
  } else if (facts.note === 'generic') {
    opening = `thank you for the invitation and your note! I like to know the people I connect with, and I can't quite place you.`;
  } else {
    opening = `thank you for the invitation! I like to know the people I connect with, and I can't quite place you.`;
  }
  const question =
    facts.note === 'pitch'
      ? `Before I connect: is this about working together, or about your services?`
      : `Could you tell me where we might have met, and what you'd like to talk about?`;
  return `${greeting} ${opening} ${question}${signOff}`;
}
