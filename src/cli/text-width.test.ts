import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTable } from './output.js';
import { cutToWidth, displayWidth, outputWidth, wrapText } from './text-width.js';

const printableAscii = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
  maxLength: 80,
});

describe('output that fits', () => {
  it('measures CJK characters as two columns and marks as none', () => {
    expect(displayWidth('王小明')).toBe(6);
    expect(displayWidth('Élodie')).toBe(6);
    expect(displayWidth('E\u0301lodie')).toBe(6);
  });

  it('measures Indic scripts as a terminal lays them out: signs that combine take no cell, spacing ones take one', () => {
    // The cells glibc's wcswidth gives, and where tmux 3.4 leaves the cursor after printing each.
    expect(displayWidth('प्रिया शर्मा')).toBe(10);
    expect(displayWidth('क्षत्रिय')).toBe(6);
    expect(displayWidth('தமிழ்செல்வி')).toBe(9);
    expect(displayWidth('ಕನ್ನಡ')).toBe(4);
    expect(displayWidth('Ngô Bảo Châu')).toBe(12);
    expect(displayWidth('Zoe\u200bAnn')).toBe(6);
  });

  it('measures an emoji as two cells, whatever characters make it, and Hangul and fullwidth forms as two', () => {
    for (const emoji of ['🚀', '✅', '☕', '🫶', '🇮🇳', '👩‍💻', '👍🏽', '❤️', '🏳️‍🌈'])
      expect(displayWidth(emoji), emoji).toBe(2);
    expect(displayWidth('Ann 🚀 Lee')).toBe(10);
    expect(displayWidth('한국어')).toBe(6);
    expect(displayWidth('ＡＢ')).toBe(4);
    expect(displayWidth('\u1100\u1161')).toBe(2);
  });

  it('cuts between graphemes, never inside a conjunct or an emoji', () => {
    expect(cutToWidth('👩‍💻👩‍💻👩‍💻', 5)).toBe('👩‍💻👩‍💻…');
    const cut = cutToWidth('प्रिया शर्मा', 6);
    expect(displayWidth(cut)).toBeLessThanOrEqual(6);
    expect('प्रिया शर्मा'.startsWith(cut.slice(0, -1))).toBe(true);
    expect(cut.slice(0, -1).normalize()).toMatch(/[^\u094d]$/);
  });

  it('keeps table columns aligned after Devanagari, Tamil and emoji names', () => {
    const table = formatTable(
      ['NAME', 'COMPANY'],
      [
        ['प्रिया शर्मा', 'Acme'],
        ['தமிழ்செல்வி', 'Tata'],
        ['Ann 🚀 Lee', 'Brightloop'],
      ],
    );
    expect(table.split('\n')).toEqual([
      'NAME        COMPANY',
      'प्रिया शर्मा  Acme',
      'தமிழ்செல்வி   Tata',
      'Ann 🚀 Lee  Brightloop',
    ]);
  });

  it('measures and cuts plain ASCII as the grapheme path does', () => {
    // A text with one accented letter goes through the grapheme segmenter; the same text without it through
    // the ASCII shortcut: both must say the same width and cut at the same place.
    fc.assert(
      fc.property(printableAscii, fc.integer({ min: 1, max: 60 }), (text, width) => {
        expect(displayWidth(`${text}é`)).toBe(displayWidth(text) + 1);
        if (text.length > width) expect(cutToWidth(`${text}é`, width)).toBe(cutToWidth(text, width));
        else expect(cutToWidth(text, width)).toBe(text);
      }),
    );
  });

  it('keeps table columns aligned after a CJK name', () => {
    const table = formatTable(
      ['NAME', 'COMPANY'],
      [
        ['王小明', 'Acme'],
        ['Ann Lee', 'Brightloop'],
      ],
    ).split('\n');
    const columnOf = (line: string, text: string) => displayWidth(line.slice(0, line.indexOf(text)));
    expect(columnOf(table[1]!, 'Acme')).toBe(columnOf(table[2]!, 'Brightloop'));
    expect(columnOf(table[0]!, 'COMPANY')).toBe(columnOf(table[2]!, 'Brightloop'));
  });

  it('wraps to the terminal, else $COLUMNS, else 80', () => {
    const io = (columns: number | undefined, env: Record<string, string> = {}) => ({
      stdout: { write: () => true, columns },
      stderr: { write: () => true },
      env,
    });
    expect(outputWidth(io(120, { COLUMNS: '50' }))).toBe(120);
    expect(outputWidth(io(undefined, { COLUMNS: '50' }))).toBe(50);
    expect(outputWidth(io(undefined))).toBe(80);
    const lines = wrapText('one two three four five six seven eight nine ten', 20, '  ', '    ');
    expect(lines.every((line) => displayWidth(line) <= 20)).toBe(true);
    expect(lines.join(' ').replace(/\s+/g, ' ').trim()).toBe(
      'one two three four five six seven eight nine ten',
    );
  });
});
