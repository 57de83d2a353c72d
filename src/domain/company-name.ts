/**
 * Loose company-name matching for `tend path company:NAME` (a path to a company ends at a person who works
 * there now). Exports write the same employer many ways: "Acme, Inc.", "ACME Inc", "Acme Corporation",
 * "Åkerlund & Co. KG", "Société Générale S.A." — case, accents, punctuation and legal forms must not matter.
 */

/** Letters that NFKD does not decompose into a base letter plus a mark. */
const LETTERS: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/**
 * Legal forms and their abbreviations, stripped from the end of a name ("& Co" becomes "and co": both
 * words go). Only trailing words are stripped and never the last one left, so "Co" or "AG" alone survive.
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
  const folded = ascii
    ? raw.toLowerCase()
    : raw
        .normalize('NFKD')
        .replace(/\p{M}+/gu, '')
        .toLowerCase()
        .replace(/[øæœßłđðþı]/g, (letter) => LETTERS[letter] ?? letter);
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

export type CompanyMatch = 'exact' | 'words';

/**
 * A matcher for what the user typed: `exact` when the keys are equal; `words` when the typed words begin
 * the company's name ("northwind" for "Northwind Health"); null otherwise. Callers use `words` matches only
 * when nothing matches exactly. The query is normalised once, so matching thousands of people stays cheap.
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
    match =
      words.join('') === key
        ? 'exact'
        : wanted.length < words.length && wanted.every((word, index) => words[index] === word)
          ? 'words'
          : null;
    seen.set(company, match);
    return match;
  };
}

export function matchCompany(query: string, company: string): CompanyMatch | null {
  return companyMatcher(query)(company);
}
