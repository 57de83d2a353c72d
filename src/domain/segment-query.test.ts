import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSegmentQuery } from './segment-query.parser.js';
import { printSegmentQuery } from './segment-query.printer.js';
import { SegmentQueryError } from './segment-query.js';

function errorOf(query: string): string {
  try {
    parseSegmentQuery(query);
  } catch (error) {
    if (error instanceof SegmentQueryError) return error.message;
    throw error;
  }
  return 'parsed';
}

describe('segment query parser', () => {
  it('reads plain words as one text, as tend people always did', () => {
    expect(parseSegmentQuery('john smith')).toEqual({ kind: 'text', text: 'john smith' });
    expect(parseSegmentQuery('  ')).toBeNull();
    expect(parseSegmentQuery('Smith - Jones')).toEqual({ kind: 'text', text: 'Smith - Jones' });
    expect(parseSegmentQuery('rock or roll')).toEqual({ kind: 'text', text: 'rock or roll' });
    expect(parseSegmentQuery('@acme.com')).toEqual({ kind: 'text', text: '@acme.com' });
    expect(parseSegmentQuery('https://www.linkedin.com/in/jane')).toEqual({
      kind: 'text',
      text: 'https://www.linkedin.com/in/jane',
    });
  });

  it("reads the product's example query field by field", () => {
    expect(
      parseSegmentQuery(
        'company:acme title:"product manager" location:berlin circle:active strength:<40 tag:alumni connected:>2024-01-01',
      ),
    ).toEqual({
      kind: 'and',
      nodes: [
        { kind: 'match', field: 'company', value: 'acme' },
        { kind: 'match', field: 'title', value: 'product manager' },
        { kind: 'match', field: 'location', value: 'berlin' },
        { kind: 'match', field: 'circle', value: 'active' },
        { kind: 'strength', op: '<', value: 40 },
        { kind: 'match', field: 'tag', value: 'alumni' },
        { kind: 'date', field: 'connected', op: '>', value: { kind: 'date', text: '2024-01-01' } },
      ],
    });
  });

  it('binds juxtaposition tighter than OR, and negates one term', () => {
    expect(parseSegmentQuery('a -b OR company:(x OR y) last:<90d')).toEqual({
      kind: 'or',
      nodes: [
        {
          kind: 'and',
          nodes: [
            { kind: 'text', text: 'a' },
            { kind: 'not', node: { kind: 'text', text: 'b' } },
          ],
        },
        {
          kind: 'and',
          nodes: [
            {
              kind: 'or',
              nodes: [
                { kind: 'match', field: 'company', value: 'x' },
                { kind: 'match', field: 'company', value: 'y' },
              ],
            },
            { kind: 'date', field: 'last', op: '<', value: { kind: 'age', amount: 90, unit: 'd' } },
          ],
        },
      ],
    });
    expect(parseSegmentQuery('-(tag:a OR @vip)')).toEqual({
      kind: 'not',
      node: {
        kind: 'or',
        nodes: [
          { kind: 'match', field: 'tag', value: 'a' },
          { kind: 'segment', name: 'vip' },
        ],
      },
    });
  });

  it('points at the column where a malformed query goes wrong and says what was expected', () => {
    expect(errorOf('company:(acme')).toMatch(/^column 9: expected '\)'/);
    expect(errorOf('(a OR b')).toMatch(/^column 1: expected '\)'/);
    expect(errorOf('a)')).toBe("column 2: unexpected ')': no '(' before it");
    expect(errorOf('a OR')).toBe('column 5: expected a term after OR');
    expect(errorOf('OR a')).toBe('column 1: expected a term before OR');
    expect(errorOf('compnay:acme')).toMatch(/^column 1: unknown field 'compnay'/);
    expect(errorOf('company:')).toMatch(/^column 9: expected a value after 'company:'/);
    expect(errorOf('strength:<400')).toMatch(/^column 10: expected a strength 0–100/);
    expect(errorOf('connected:>2024-02-30')).toMatch(/^column 11: expected a date/);
    expect(errorOf('circle:bff')).toMatch(/^column 8: expected a circle: inner, close/);
    expect(errorOf('title:"product')).toMatch(/^column 7: expected '"' to close this quote/);
    expect(errorOf('a -')).toBe('parsed');
    expect(errorOf('a -)')).toBe("column 4: unexpected ')': no '(' before it");
    expect(parseSegmentQuery('(-)')).toEqual({ kind: 'text', text: '-' });
    expect(errorOf('(--)')).toBe("column 3: expected a term right after '-'");
  });
});

/** Queries built from the language's pieces and from arbitrary characters: both kinds must behave. */
const word = fc.constantFrom(
  'acme',
  'Zoë',
  'OR',
  'or',
  '-',
  'x-y',
  '@vip',
  '@a.b',
  'https://x.y/in/z',
  'mailto:a@b',
  '"q t"',
  '""',
  '\\',
  'a"b',
);
const fieldTerm = fc
  .tuple(
    fc.constantFrom(
      'company',
      'title',
      'tag',
      'circle',
      'band',
      'strength',
      'connected',
      'last',
      'source',
      'Company',
      'nope',
    ),
    fc.constantFrom(':', ''),
    fc.constantFrom(
      'acme',
      '"big co"',
      '(a OR b)',
      '(a',
      'active',
      'strong',
      '<40',
      '>=60',
      '101',
      '>2024-01-01',
      '<90d',
      '2024-13',
      '',
    ),
  )
  .map(([field, colon, value]) => `${field}${colon}${value}`);
const term = fc.oneof(word, fieldTerm);
const query: fc.Arbitrary<string> = fc.letrec<{ q: string }>((tie) => ({
  q: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    term,
    fc.tuple(tie('q'), fc.constantFrom(' ', ' OR ', '  '), tie('q')).map(([a, op, b]) => `${a}${op}${b}`),
    tie('q').map((inner) => `(${inner})`),
    tie('q').map((inner) => `-${inner}`),
    tie('q').map((inner) => `(${inner}`),
  ),
})).q;

describe('segment query properties', () => {
  it('any query parses or fails with a positioned error inside the query', () => {
    fc.assert(
      fc.property(fc.oneof(query, fc.string({ maxLength: 30 })), (text) => {
        try {
          parseSegmentQuery(text);
        } catch (error) {
          expect(error).toBeInstanceOf(SegmentQueryError);
          const column = (error as SegmentQueryError).column;
          expect(column).toBeGreaterThanOrEqual(1);
          expect(column).toBeLessThanOrEqual(text.length + 1);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('printing a parsed query and parsing it again gives the same query', () => {
    fc.assert(
      fc.property(fc.oneof(query, fc.string({ maxLength: 30 })), (text) => {
        let tree;
        try {
          tree = parseSegmentQuery(text);
        } catch {
          return;
        }
        expect(parseSegmentQuery(printSegmentQuery(tree))).toEqual(tree);
      }),
      { numRuns: 2000 },
    );
  });
});
