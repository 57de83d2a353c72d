import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { companyKey, namesOrganization } from './organization-name.js';
import {
  buildSearchText,
  foldAccents,
  foldText,
  foldedWords,
  foldedWordsWithCase,
  normalizeName,
} from './text-normalization.js';
import { isGenericInvitationNote } from './triage/generic-note.js';

/** The letters NFKD leaves whole, each with what people type instead. */
const LETTERS: ReadonlyArray<readonly [string, string]> = [
  ['ø', 'o'],
  ['Ø', 'O'],
  ['æ', 'ae'],
  ['Æ', 'AE'],
  ['œ', 'oe'],
  ['Œ', 'OE'],
  ['ß', 'ss'],
  ['ẞ', 'SS'],
  ['ł', 'l'],
  ['Ł', 'L'],
  ['đ', 'd'],
  ['Đ', 'D'],
  ['ð', 'd'],
  ['Ð', 'D'],
  ['þ', 'th'],
  ['Þ', 'TH'],
  ['ı', 'i'],
];

describe('the text fold', () => {
  it('removes accents and keeps case: "Zoë Brändt" → "Zoe Brandt"', () => {
    expect(foldAccents('Zoë Brändt, Ångström, Ñuñez')).toBe('Zoe Brandt, Angstrom, Nunez');
  });

  it.each(LETTERS)('folds %s as %s, in every use', (letter, plain) => {
    expect(foldAccents(`x${letter}y`)).toBe(`x${plain}y`);
    expect(foldedWords(`X${letter}Y`)).toBe(`x${plain.toLowerCase()}y`);
    // Names and search: what is typed without the letter finds and matches the name with it.
    expect(foldText(`X${letter}Y`)).toBe(foldText(`x${plain}y`));
    expect(normalizeName(`Bj${letter}rn Dahl`)).toBe(normalizeName(`Bj${plain}rn Dahl`));
    expect(buildSearchText([`Bj${letter}rn Dahl`, 'Acme'])).toContain(foldText(`bj${plain}rn`));
    // Organisation names and triage use the same fold: the letter and its plain form are one name.
    expect(companyKey(`Fj${letter}rd AB`)).toBe(companyKey(`fj${plain}rd`));
    expect(namesOrganization(`We met at Fj${plain}rd Analytics.`, `Fj${letter}rd Analytics`)).toBe(true);
  });

  it('reads templates typed without the special letters as the same phrase', () => {
    expect(
      isGenericInvitationNote('Jeg vil gerne tilføje dig til mit professionelle netværk på LinkedIn.'),
    ).toBe(true);
    expect(isGenericInvitationNote('Chciałbym dodać Cię do mojej sieci zawodowej na LinkedIn.')).toBe(true);
  });

  it('reports matches as written, less the accents', () => {
    const words = foldedWordsWithCase("I'm at Bjørn's Café");
    const at = words.lower.indexOf('bjorn');
    expect(words.asWritten(at, at + 'bjorn'.length)).toBe('Bjorn');
  });

  it('leaves no combining mark and none of the special letters, and folding twice changes nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const folded = foldAccents(text);
        expect(folded).not.toMatch(/\p{M}/u);
        for (const [letter] of LETTERS) expect(folded).not.toContain(letter);
        expect(foldAccents(folded)).toBe(folded);
      }),
      { numRuns: 500 },
    );
  });

  it('splits ASCII into the same words as the Unicode classes do (its fast path)', () => {
    const unicodeWords = (text: string) =>
      foldAccents(text)
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(..."aZ09 -_.,'&()/\t\u007f\u0000é".split('')) }),
        (text) => {
          expect(foldedWords(text)).toBe(unicodeWords(text));
        },
      ),
      { numRuns: 500 },
    );
  });
});
