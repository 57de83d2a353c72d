import { foldAccents, foldedWords, foldedWordsWithCase } from './text-normalization.js';

/**
 * Organisation names, matched loosely. Exports write the same employer many ways: "Acme, Inc.", "ACME Inc",
 * "Acme Corporation", "Åkerlund & Co. KG", "Société Générale S.A." — case, accents, punctuation and legal
 * forms must not matter. Two uses: a company typed by the user (`tend path company:NAME`, introductions)
 * against everyone's employer, and an employer or school named inside a note (triage, invitation notes).
 */

/**
 * Legal forms and their abbreviations, stripped from the end of a name ("& Co" becomes "and co": both
 * words go). Only trailing words are stripped and never the last one left, so "Co" or "AG" alone survive;
 * a leading one ("AB Volvo") is no acronym of the name.
 */
const LEGAL_FORMS = new Set([
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'co',
  'company',
  'and',
  'llc',
  'llp',
  'lp',
  'ltd',
  'limited',
  'plc',
  'gmbh',
  'mbh',
  'ag',
  'kg',
  'kgaa',
  'ug',
  'se',
  'sa',
  'sas',
  'sarl',
  'srl',
  'spa',
  'nv',
  'bv',
  'oy',
  'oyj',
  'ab',
  'publ',
  'sl',
  'as',
  'asa',
  'aps',
  'pty',
  'kk',
]);

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Folded (case, accents, the letters NFKD leaves alone), punctuation dropped, "&" as "and". Most names are
 * plain ASCII and take the cheap branch: matching a company scans everyone's employer.
 */
function foldCompany(raw: string): string {
  const ascii = PRINTABLE_ASCII.test(raw);
  const folded = ascii ? raw.toLowerCase() : foldAccents(raw).toLowerCase();
  return (
    folded
      // "S.A.", "Inc." and "O'Neil" keep their letters together; every other mark separates words.
      .replace(/[.'’`]/g, '')
      .replace(/[&+]/g, ' and ')
      .replace(ascii ? /[^a-z0-9]+/g : /[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  );
}

/** The words of a company name: folded, punctuation dropped, "&" as "and", legal forms removed. */
export function companyWords(raw: string): string[] {
  const folded = foldCompany(raw);
  if (folded.length === 0) return [];
  const words: string[] = [];
  // Runs of single letters ("s a", "i b m" after "S. A.", "I. B. M.") are one word.
  let letterRun = false;
  for (const word of folded.split(' ')) {
    const single = word.length === 1 && word.toUpperCase() !== word;
    if (single && letterRun) words[words.length - 1] += word;
    else words.push(word);
    letterRun = single;
  }
  if (words.length > 1 && words[0] === 'the') words.shift();
  while (words.length > 1 && LEGAL_FORMS.has(words.at(-1) ?? '')) words.pop();
  return words;
}

/** The comparison key: the words without spaces ("Fjord Line" and "Fjordline" are the same employer). */
export function companyKey(raw: string): string {
  return companyWords(raw).join('');
}

export type CompanyMatch = 'exact' | 'words' | 'prefix';

/**
 * A matcher for what the user typed: `exact` when the keys are equal; `words` when the typed words begin
 * the company's name ("northwind" for "Northwind Health"); `prefix` when the typed key begins the company's
 * key ("bright" for "Brightloop", "lyra sant" for "Lyra Santé"); null otherwise. Callers use a looser match
 * only when nothing matches more closely (docs/rules/introductions-and-paths.md#company-targets). The query
 * is normalised once, so matching thousands of people stays cheap.
 */
export function companyMatcher(query: string): (company: string) => CompanyMatch | null {
  const wanted = companyWords(query);
  const key = wanted.join('');
  // Many people share an employer: each distinct spelling is normalised once.
  const seen = new Map<string, CompanyMatch | null>();
  return (company) => {
    if (wanted.length === 0) return null;
    let match = seen.get(company);
    if (match !== undefined) return match;
    const words = companyWords(company);
    const companyKeyed = words.join('');
    match =
      companyKeyed === key
        ? 'exact'
        : wanted.length < words.length && wanted.every((word, index) => words[index] === word)
          ? 'words'
          : companyKeyed.startsWith(key)
            ? 'prefix'
            : null;
    seen.set(company, match);
    return match;
  };
}

/** One company name against what the user typed (see `companyMatcher`). */
export function matchCompany(query: string, company: string): CompanyMatch | null {
  return companyMatcher(query)(company);
}

// ---------------------------------------------------------------------------------------------------------
// An organisation named in a text: case, accents, punctuation, legal forms ("Inc.", "AB", "GmbH"), a leading
// acronym ("KTH Royal Institute of Technology" → KTH), or the distinctive word before a descriptor ("Kelda
// Analytics" → Kelda, "Uppsala University" → Uppsala).

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
  /**
   * Acronyms, matched case-sensitively as whole words ("KTH", not "kth" inside other text); worked out when
   * first asked for (`sameOrganization`, for every follow-up of the day, needs only the words).
   */
  acronyms(): string[];
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
  const tokens = foldedWords(name)
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
  let acronyms: string[] | undefined;
  return { words, acronyms: () => (acronyms ??= acronymsOf(name)) };
}

function acronymsOf(name: string): string[] {
  const acronyms: string[] = [];
  const leading = /^\s*(\p{Lu}{2,6})\b/u.exec(foldAccents(name));
  if (leading?.[1] && !LEGAL_FORMS.has(leading[1].toLowerCase())) acronyms.push(leading[1]);
  const initials = foldAccents(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => /^\p{Lu}/u.test(word))
    .map((word) => word[0] ?? '')
    .join('');
  if (initials.length >= 3 && !acronyms.includes(initials)) acronyms.push(initials);
  return acronyms;
}

/** The form under which `organization` is named in `text` ("KTH", "Brightloop"), or null. */
export function organizationMention(text: string, organization: string): string | null {
  if (!organization.trim()) return null;
  const keys = orgKeys(organization);
  const words = foldedWordsWithCase(text);
  const padded = ` ${words.lower} `;
  for (const key of keys.words) {
    const at = padded.indexOf(` ${key} `);
    if (at >= 0) return words.asWritten(at, at + key.length);
  }
  const acronyms = keys.acronyms();
  if (acronyms.length > 0) {
    const cased = ` ${foldAccents(text).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
    for (const acronym of acronyms) {
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
export function sameOrganization(a: string, b: string): boolean {
  const left = orgKeys(a).words[0];
  const right = orgKeys(b).words[0];
  return left !== undefined && left === right;
}
