import { companyKey } from './organization-name.js';
import { foldText } from './text-normalization.js';

/**
 * The words of needs, offers, goals and roles that introduction matching compares
 * (docs/rules/introductions-and-paths.md#complementary-pairs): content words folded and stemmed, and the short
 * phrases they make. Pure.
 */

// Function words and the generic words of "looking for / can help with" phrasing: they say nothing about
// what fits (everyone "needs help" and "offers advice").
const STOP_WORDS = new Set(
  (
    'a an the and or of for to in on at by from with without into about as is are be been being this that these ' +
    'those it its my our your his her their them they we you i me us he she who whom which what when where how ' +
    'why not no nor so than too very can could will would should may might must shall do does did done has have ' +
    'had having get got getting some any each every all both few more most other such only own same just also ' +
    'next new good great best someone somebody anyone person people looking look need needs needed want wants ' +
    'wanted find finding help helping support advice work working service services know thing things way ways ' +
    'like etc via per up out over under off again further then once here there vs'
  ).split(' '),
);

/**
 * Whether two people work at the same company now is decided on the loose company key of
 * `organization-name.ts` (case, accents, punctuation, legal forms: "Acme, Inc." is "ACME"); null when unknown.
 */
export function sameCompanyKey(company: string | null): string | null {
  return company ? companyKey(company) || null : null;
}

/**
 * Stemming-lite: plurals, -ing and agent nouns, so "contractors", "researcher" and "consulting" meet
 * "contractor", "research" and "consultant". Only when enough of the word is left to stay specific.
 */
export function stemWord(word: string): string {
  let stem = word.replace(/'s$/, '');
  if (stem.length > 4 && stem.endsWith('ies')) stem = `${stem.slice(0, -3)}y`;
  else if (stem.length > 3 && stem.endsWith('s') && !/(ss|us|is)$/.test(stem)) stem = stem.slice(0, -1);
  if (stem.length >= 7 && stem.endsWith('ing')) stem = stem.slice(0, -3);
  if (stem.length >= 7 && /(er|or)$/.test(stem)) stem = stem.slice(0, -2);
  else if (stem.length >= 8 && stem.endsWith('ant')) stem = stem.slice(0, -3);
  return stem;
}

export interface Terms {
  /** Stems of the content words, in order, with the word as written. */
  words: Array<{ stem: string; word: string }>;
  stems: Set<string>;
  /** Adjacent content words (not across a stop word): the short phrases. */
  phrases: Set<string>;
}

export function extractTerms(text: string): Terms {
  const words: Terms['words'] = [];
  const phrases = new Set<string>();
  let previous: string | null = null;
  const original = text.split(/[^\p{L}\p{N}+#]+/u);
  for (const raw of original) {
    if (!raw) continue;
    const folded = foldText(raw);
    if (STOP_WORDS.has(folded) || folded.length < 2 || /^\d+$/.test(folded)) {
      previous = null;
      continue;
    }
    const stem = stemWord(folded);
    words.push({ stem, word: raw });
    if (previous !== null) phrases.add(`${previous} ${stem}`);
    previous = stem;
  }
  return { words, stems: new Set(words.map((entry) => entry.stem)), phrases };
}

/** The source's words (as written) whose stems the target has too, each once, in order. */
export function sharedWords(source: Terms, target: Terms, exclude: ReadonlySet<string>): string[] {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const entry of source.words) {
    if (!target.stems.has(entry.stem) || exclude.has(entry.stem) || seen.has(entry.stem)) continue;
    seen.add(entry.stem);
    words.push(entry.word);
  }
  return words;
}
