const IRREGULAR: Record<string, string> = {
  is: 'are',
  was: 'were',
  has: 'have',
  does: 'do',
  "isn't": "aren't",
  "wasn't": "weren't",
  "hasn't": "haven't",
  "doesn't": "don't",
};

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether `text` names this person (their first name, as a word). */
export function mentions(text: string, name: string): boolean {
  const first = name.replace(/\s+/g, ' ').trim().split(' ')[0] ?? '';
  return first.length > 1 && new RegExp(`(?<![\\p{L}])${escape(first)}(?![\\p{L}])`, 'u').test(text);
}

/** "needs" → "need", "tries" → "try", "watches" → "watch", "goes" → "go"; anything else as it is. */
function secondPerson(verb: string): string {
  const irregular = IRREGULAR[verb.toLowerCase()];
  if (irregular) return irregular;
  if (/[^aeiou]ies$/.test(verb)) return `${verb.slice(0, -3)}y`;
  if (/(ch|sh|ss|x|z|o)es$/.test(verb)) return verb.slice(0, -2);
  if (/[^su]s$/.test(verb)) return verb.slice(0, -1);
  return verb;
}

const OBJECT_AFTER = new Set([
  'with',
  'to',
  'for',
  'on',
  'at',
  'in',
  'about',
  'and',
  'or',
  'but',
  'if',
  'when',
  'as',
  'by',
  'from',
  'into',
  'over',
  'out',
  'up',
  'a',
  'an',
  'the',
  'too',
  'again',
  'now',
  'soon',
]);

/** "she needs" → "you need" (as a subject), "her app" → "your app", "help her" → "help you", "his" → "your". */
function pronounsAddressed(text: string): string {
  return text
    .replace(/(?<![\p{L}])(she|he)['’]s(?![\p{L}])/giu, "you're")
    .replace(
      /(?<![\p{L}])(she|he)\s+(\p{Ll}[\p{Ll}'’]*)/giu,
      (_m, _pronoun: string, verb: string) => `you ${secondPerson(verb)}`,
    )
    .replace(/(?<![\p{L}])(she|he)(?![\p{L}])/giu, 'you')
    .replace(/(?<![\p{L}])(herself|himself)(?![\p{L}])/giu, 'yourself')
    .replace(/(?<![\p{L}])hers(?![\p{L}])/giu, 'yours')
    .replace(/(?<![\p{L}])him(?![\p{L}])/giu, 'you')
    .replace(
      /(?<![\p{L}])(her|his)(?![\p{L}])(\s+(\p{L}+))?/giu,
      (_m, word: string, rest: string | undefined, next: string | undefined) => {
        const possessive = next !== undefined && !OBJECT_AFTER.has(next.toLowerCase());
        return `${word.toLowerCase() === 'his' || possessive ? 'your' : 'you'}${rest ?? ''}`;
      },
    );
}

/**
 * My `--why` told to one of the two people it describes: their name becomes "you" ("Sofia needs a
 * contractor" → "You need a contractor", "Sofia's app" → "your app"), so no one reads about themselves in
 * the third person. With `pronouns` (the text is about the reader and names no one), "she", "her", "his"…
 * are theirs too.
 */
export function addressedTo(text: string, readerName: string, options: { pronouns?: boolean } = {}): string {
  const full = readerName.replace(/\s+/g, ' ').trim();
  const names = [...new Set([full, full.split(' ')[0] ?? ''])].filter((name) => name.length > 1);
  let result = options.pronouns ? pronounsAddressed(text) : text;
  for (const name of names) {
    const n = escape(name);
    result = result
      .replace(new RegExp(`(?<![\\p{L}\\p{N}])${n}['’]s(?![\\p{L}])`, 'gu'), 'your')
      // As a subject (first in a sentence or clause), the verb after the name agrees with "you".
      .replace(
        new RegExp(
          `(^|[.!?;:,(]\\s*|\\b(?:and|but|because|since|so|that|while|when|if|as)\\s+)${n}( and [\\p{L}'’ -]+?)?\\s+(\\p{Ll}[\\p{Ll}'’]*)`,
          'gu',
        ),
        (_match, lead: string, and: string | undefined, verb: string) =>
          and ? `${lead}you${and} ${verb}` : `${lead}you ${secondPerson(verb)}`,
      )
      .replace(new RegExp(`(?<![\\p{L}\\p{N}])${n}(?![\\p{L}\\p{N}])`, 'gu'), 'you');
  }
  return result
    .replace(/(^|[.!?]\s+)you(?![\p{L}])/gu, (_m, lead: string) => `${lead}You`)
    .replace(/(^|[.!?]\s+)your(?![\p{L}])/gu, (_m, lead: string) => `${lead}Your`);
}
