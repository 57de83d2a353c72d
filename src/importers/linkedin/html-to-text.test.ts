import { describe, expect, it } from 'vitest';
import { htmlToText, normalizedMessageText } from './html-to-text.js';

describe('message CONTENT as plain text', () => {
  it('decodes the entities LinkedIn writes and breaks lines at <br> and block ends', () => {
    expect(
      htmlToText(
        '<p>Hi Linnea,<br>the mock-ups are ready.</p><p>Shall I&nbsp;send them &amp; the notes?</p>',
      ),
    ).toBe('Hi Linnea,\nthe mock-ups are ready.\nShall I send them & the notes?');
    expect(htmlToText('<p>Let&rsquo;s talk &ndash; Chlo&eacute; &bull; &#8364;5 &#x1F680;</p>')).toBe(
      'Let’s talk – Chloé • €5 🚀',
    );
  });

  it('puts each list item on its own line, without blank lines between items', () => {
    expect(
      htmlToText('<p>For the Q3 review we need:</p><ul><li>Rates</li><li>Lanes &amp; volumes</li></ul>'),
    ).toBe('For the Q3 review we need:\n• Rates\n• Lanes & volumes');
    expect(htmlToText('<ul><li><p>One</p></li><li><p>Two</p></li></ul>')).toBe('• One\n• Two');
  });

  it('gives 2026 multi-line CONTENT one kind of line break, whether it came as CRLF, CR or LF', () => {
    expect(htmlToText('Hi Linnea,\r\nthanks for connecting.\nIstanbul Freight\rsays hi.')).toBe(
      'Hi Linnea,\nthanks for connecting.\nIstanbul Freight\nsays hi.',
    );
    expect(htmlToText('<p>One\r\ntwo</p>')).toBe('One\ntwo');
  });

  it('compares across eras without markup or whitespace differences', () => {
    expect(normalizedMessageText('<p>Sure, here are the ones:\r\nonboarding &amp; billing.</p>')).toBe(
      normalizedMessageText('Sure, here are the ones: onboarding & billing.'),
    );
  });
});
