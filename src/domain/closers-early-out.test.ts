import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLOSER_LANGUAGES } from './closer-words.js';
import { fold, foldInFull, isCloser, isCloserTriedInFull, moreCharsThan } from './closers.js';

/**
 * `isCloser` rules most messages out before it tries every phrase of every language (the import asks it of
 * every short message: docs/PERFORMANCE.md#closers). That early way out must never change an answer.
 */
const vocabulary = Object.values(CLOSER_LANGUAGES).flatMap((language) => [
  ...language.words.split(/\s+/).filter(Boolean),
  ...language.phrases,
  ...language.requests,
  ...(language.alone ?? []),
]);
const piece = fc.oneof(
  fc.constantFrom(...vocabulary),
  fc.constantFrom('Priya', 'Bjørn', 'ΟΔΟΣ', 'roadmap', 'call', 'tomorrow', 'the', 'deck', 'İstanbul'),
  fc.constantFrom('!', '?', '.', ',', ':)', '<3', '👍', '🙏🏽', 'xD', '...', "'", '’'),
  fc.string({ maxLength: 6 }),
);
const message = fc
  .array(piece, { minLength: 1, maxLength: 8 })
  .chain((pieces) =>
    fc
      .array(fc.constantFrom(' ', '', '  ', '\n'), { minLength: pieces.length, maxLength: pieces.length })
      .map((gaps) => pieces.map((part, index) => `${part}${gaps[index]}`).join('')),
  )
  .map((text) => (text.length % 3 === 0 ? text.toUpperCase() : text));

describe('the closer test', () => {
  it('gives the same answer with and without its early way out', () => {
    fc.assert(
      fc.property(message, (text) => {
        expect(isCloser(text)).toBe(isCloserTriedInFull(text));
      }),
      { numRuns: 5_000 },
    );
  });

  it('still finds the closers among generated messages (the property is not about nothing)', () => {
    const samples = fc.sample(message, { numRuns: 5_000, seed: 12 });
    const closers = samples.filter((text) => isCloserTriedInFull(text));
    expect(closers.length).toBeGreaterThan(50);
    expect(samples.length - closers.length).toBeGreaterThan(50);
  });
});

describe('the length test of closers', () => {
  it('counts characters as [...text] does, surrogate pairs and lone halves included', () => {
    const unit = fc.oneof(
      fc.constantFrom('a', 'é', '👍', '🙏🏽', '\ud83d', '\udc4d', ' '),
      fc.string({ unit: 'binary', maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 80 }), fc.integer({ min: 0, max: 70 }), (units, max) => {
        const text = units.join('');
        expect(moreCharsThan(text, max)).toBe([...text].length > max);
      }),
      { numRuns: 3_000 },
    );
  });
});

describe('the fold of closers', () => {
  it('gives on ASCII text what the Unicode fold gives', () => {
    const ascii = fc.string({
      unit: fc.integer({ min: 0, max: 127 }).map((code) => String.fromCharCode(code)),
      maxLength: 80,
    });
    fc.assert(
      fc.property(fc.oneof(ascii, message), (text) => {
        expect(fold(text)).toBe(foldInFull(text));
      }),
      { numRuns: 5_000 },
    );
  });

  it('gives on accented and other non-ASCII text what the Unicode fold gives', () => {
    // Accents composed and not, curly and typed apostrophes, ligatures, fractions, letters of other scripts,
    // emoji (pairs and lone halves) beside ASCII: the character-by-character way and the whole-text way.
    const unit = fc.oneof(
      fc.integer({ min: 0, max: 0x2ff }).map((code) => String.fromCharCode(code)),
      fc.constantFrom('’', '´', '`', "'", 'ß', 'ẞ', 'ﬁ', '¼', 'µ', 'e\u0301', '\u0301', 'Å', '한', 'ø', 'İ'),
      fc.constantFrom('👍', '🙏🏽', '\ud83d', '\udc4d', 'Ω', 'ǅ', '①', '２'),
      fc.integer({ min: 0x2000, max: 0xffff }).map((code) => String.fromCharCode(code)),
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(unit, fc.constantFrom('a', 'Thanks', ' ', 'x')), { maxLength: 30 }),
        (units) => {
          const text = units.join('');
          expect(fold(text)).toBe(foldInFull(text));
        },
      ),
      { numRuns: 10_000 },
    );
  });
});
