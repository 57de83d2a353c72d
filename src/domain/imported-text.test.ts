import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fieldValue,
  isPlaceholder,
  multiLine,
  namePart,
  nameParts,
  singleLine,
  withoutPlaceholderParts,
} from './imported-text.js';

describe('placeholder values in imported fields', () => {
  it('reads every placeholder of the rules as empty, in any case and with spaces around', () => {
    for (const cell of [
      'NA',
      'N/A',
      'n/a',
      '-',
      '--',
      '.',
      'null',
      'NULL',
      'None',
      'unknown',
      'nil',
      ' na ',
      '—',
    ])
      expect(isPlaceholder(cell), cell).toBe(true);
    for (const cell of ['NA', ' N/A ', '-', 'Null', 'UNKNOWN']) expect(fieldValue(cell), cell).toBeNull();
  });

  it('keeps real values, also those that contain a placeholder word', () => {
    for (const cell of [
      'Nasa',
      'Anna',
      'N/A Consulting',
      'None Such Ltd',
      'C++ engineer',
      'Data - Analyst',
      'NA2',
    ])
      expect(fieldValue(cell), cell).toBe(cell);
    expect(fieldValue('  Acme  ')).toBe('Acme');
    expect(fieldValue('')).toBeNull();
    expect(fieldValue(null)).toBeNull();
  });

  it('drops a name part that is a placeholder: "Rahul" + "NA" is Rahul', () => {
    expect(namePart('NA')).toBe('');
    expect(namePart(' Rahul ')).toBe('Rahul');
    expect(nameParts('Rahul', 'NA')).toEqual({ firstName: 'Rahul', lastName: '' });
    expect(nameParts('-', 'Sharma')).toEqual({ firstName: '', lastName: 'Sharma' });
  });

  it('keeps a name that is nothing but placeholders as written (an empty name would match every other)', () => {
    expect(nameParts('NA', 'NA')).toEqual({ firstName: 'NA', lastName: 'NA' });
    expect(withoutPlaceholderParts('N/A')).toBe('N/A');
  });

  it('drops placeholder words at either end of a whole name, never inside it', () => {
    expect(withoutPlaceholderParts('Rahul NA')).toBe('Rahul');
    expect(withoutPlaceholderParts('NA Rahul Kumar')).toBe('Rahul Kumar');
    expect(withoutPlaceholderParts('Priya Nair .')).toBe('Priya Nair');
    expect(withoutPlaceholderParts('Gbenga Totoyi - We are hiring')).toBe('Gbenga Totoyi - We are hiring');
    expect(withoutPlaceholderParts('Anna Na-Young')).toBe('Anna Na-Young');
  });

  it('never leaves a placeholder at either end, and never empties a name that had a real word', () => {
    const word = fc.constantFrom('Rahul', 'Anna', 'Nair', 'NA', 'null', '-', '.', 'Li', 'None', 'Kumar');
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 5 }), (words) => {
        const cleaned = withoutPlaceholderParts(words.join(' '));
        const parts = cleaned.split(' ');
        const real = words.some((part) => !isPlaceholder(part));
        if (real) {
          expect(isPlaceholder(parts[0] ?? '')).toBe(false);
          expect(isPlaceholder(parts.at(-1) ?? '')).toBe(false);
        } else expect(cleaned).toBe(words.join(' '));
      }),
    );
  });
});

describe('name parts split from a whole name', () => {
  it('drops placeholder words at the ends of each part', () => {
    expect(nameParts('Rahul', 'Kumar NA')).toEqual({ firstName: 'Rahul', lastName: 'Kumar' });
    expect(nameParts('N/A Rahul', 'Kumar')).toEqual({ firstName: 'Rahul', lastName: 'Kumar' });
  });
});

describe('control characters in imported text', () => {
  // eslint-disable-next-line no-control-regex
  const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

  it('are removed from one-line fields, line breaks and tabs becoming a space', () => {
    expect(singleLine('Ra\u001b]0;x\u0007vi')).toBe('Ra]0;xvi');
    expect(singleLine('Nul\u0000la')).toBe('Nulla');
    expect(singleLine('Line\r\nbreak\tand tab')).toBe('Line break and tab');
    expect(nameParts('Ra\u0007vi', 'Me\u0000non')).toEqual({ firstName: 'Ravi', lastName: 'Menon' });
    expect(fieldValue('Acme\u001b[2J')).toBe('Acme[2J');
  });

  it('keep newlines and tabs in texts of several lines, and nothing else', () => {
    expect(multiLine('Hello\u001b[31m\u0007\r\nthere\tnow')).toBe('Hello[31m\nthere\tnow');
  });

  it('leave no control character in any text, change text without them not at all, and are idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const one = singleLine(text);
        const many = multiLine(text);
        expect(one).not.toMatch(CONTROL);
        expect(many.replace(/[\n\t]/g, '')).not.toMatch(CONTROL);
        expect(singleLine(one)).toBe(one);
        expect(multiLine(many)).toBe(many);
        if (!CONTROL.test(text)) expect([one, many]).toEqual([text, text]);
      }),
      { numRuns: 500 },
    );
  });
});
