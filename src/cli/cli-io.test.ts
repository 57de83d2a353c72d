import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { terminalSafe } from './cli-io.js';

describe('text written to a terminal', () => {
  it('shows control characters a terminal would obey as U+FFFD', () => {
    expect(terminalSafe('Ravi\u001b]0;pwned\u0007 Menon')).toBe('Ravi\ufffd]0;pwned\ufffd Menon');
    expect(terminalSafe('a\u0000b\u009bc\u007fd')).toBe('a\ufffdb\ufffdc\ufffdd');
    expect(terminalSafe('line one\roverwritten')).toBe('line one\ufffdoverwritten');
  });

  it("keeps newlines, tabs and tend's own colour and line-clearing sequences", () => {
    expect(terminalSafe('a\tb\nc')).toBe('a\tb\nc');
    expect(terminalSafe('\u001b[1;31moverdue\u001b[0m')).toBe('\u001b[1;31moverdue\u001b[0m');
    expect(terminalSafe('\r\u001b[Kmessages.csv [###---] 50%')).toBe('\r\u001b[Kmessages.csv [###---] 50%');
  });

  it('leaves text without control characters as it is, and treats the rest as before the shortcut', () => {
    const pieces = fc.constantFrom(
      'a',
      'é',
      ' ',
      '\n',
      '\t',
      '\r',
      '\u001b',
      '[',
      '1',
      ';',
      'm',
      'K',
      '\u0007',
      '\u009b',
    );
    // eslint-disable-next-line no-control-regex
    const unsafe = /\r\u001b\[K|\u001b\[[0-9;]*[mK]|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
    fc.assert(
      fc.property(fc.string({ unit: pieces, maxLength: 40 }), (text) => {
        expect(terminalSafe(text)).toBe(
          text.replace(unsafe, (match) => (match.length > 1 ? match : '\ufffd')),
        );
      }),
    );
  });
});
