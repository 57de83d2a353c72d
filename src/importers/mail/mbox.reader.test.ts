import { Buffer } from 'node:buffer';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeWords, parseAddresses, parseMailDate, parseMailHeaders } from './mail-headers.js';
import { MailParseError, readEml, readMbox, type RawMessage } from './mbox.reader.js';

/** docs/rules/mail.md#mbox: messages split at From_ lines whatever the chunking; headers read as mail has them. */

const TAKEOUT = [
  'From 1583290388308606088@xxx Mon Nov 06 04:42:58 +0000 2017',
  'X-GM-THRID: 1583290388308606088',
  'X-Gmail-Labels: Inbox,Important,Opened,Category Updates',
  'From: =?UTF-8?Q?Jos=C3=A9_P=C3=A9rez?= <Jose@Example.com>',
  'To: "Me, Myself" <me@example.com>, other@example.com',
  'Subject: =?UTF-8?B?SGVsbG8g8J+Riw==?=',
  '  again',
  'Date: Mon, 6 Nov 2017 04:42:58 +0000',
  'Message-ID: <A1@example.com>',
  '',
  'Hello, this body has a line',
  'From the start of a line that is no From_ line',
  '>From an escaped one',
  '',
  'From 1583290388308606089@xxx Tue Nov 07 09:00:00 +0000 2017',
  'From: me@example.com',
  'To: jose@example.com',
  'In-Reply-To: <A1@example.com>',
  'Date: Tue, 07 Nov 2017 10:00 +0100',
  '',
  'Thanks!',
  '',
].join('\r\n');

async function collect(
  bytes: Buffer,
  cuts: number[],
  bodyLimit: number | null = null,
): Promise<RawMessage[]> {
  const chunks: Buffer[] = [];
  let start = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    chunks.push(bytes.subarray(start, cut));
    start = cut;
  }
  chunks.push(bytes.subarray(start));
  const messages: RawMessage[] = [];
  for await (const message of readMbox(Readable.from(chunks), { bodyLimit })) messages.push(message);
  return messages;
}

describe('reading an mbox', () => {
  it('splits Gmail Takeout messages at their From_ lines only, with their lines', async () => {
    const messages = await collect(Buffer.from(TAKEOUT), []);
    expect(messages.map((message) => message.line)).toEqual([1, 15]);
    const first = parseMailHeaders(messages[0]?.headers ?? '');
    expect(first).toMatchObject({
      from: { address: 'jose@example.com', name: 'José Pérez' },
      to: [
        { address: 'me@example.com', name: 'Me, Myself' },
        { address: 'other@example.com', name: null },
      ],
      subject: 'Hello 👋 again',
      date: Date.parse('2017-11-06T04:42:58Z'),
      messageId: '<a1@example.com>',
      gmailThreadId: '1583290388308606088',
      gmailLabels: ['Inbox', 'Important', 'Opened', 'Category Updates'],
    });
    const second = parseMailHeaders(messages[1]?.headers ?? '');
    expect(second).toMatchObject({ inReplyTo: '<a1@example.com>', date: Date.parse('2017-11-07T09:00:00Z') });
  });

  it('gives the same messages however the bytes are cut into chunks', async () => {
    const bytes = Buffer.from(TAKEOUT);
    const whole = await collect(bytes, [], 1000);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 12 }),
        async (cuts) => {
          expect(await collect(bytes, cuts, 1000)).toEqual(whole);
        },
      ),
      { numRuns: 300 },
    );
    expect(whole[0]?.body?.toString()).toContain('>From an escaped one');
  });

  it('refuses a file that is not an mbox, is binary or ends inside a message’s headers, naming the line', async () => {
    await expect(collect(Buffer.from('Name,E-mail\nAda,ada@example.com\n'), [])).rejects.toThrow(
      /not an mbox file \(it should start with a "From " line/,
    );
    await expect(collect(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x0a]), [])).rejects.toThrow(
      /binary data/,
    );
    const cut = TAKEOUT.slice(0, TAKEOUT.indexOf('In-Reply-To'));
    const error = await collect(Buffer.from(cut), []).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MailParseError);
    expect(error).toMatchObject({
      line: 15,
      message: expect.stringMatching(/ends inside the headers/) as unknown,
    });
  });

  it('reads an .eml message and refuses what is not one', async () => {
    const eml = await readEml(
      Readable.from([Buffer.from('From: a@example.com\nTo: b@example.com\nSubject: hi\n\nbody\n')]),
      {
        bodyLimit: null,
      },
    );
    expect(parseMailHeaders(eml.headers).subject).toBe('hi');
    await expect(
      readEml(Readable.from([Buffer.from('%PDF-1.4\n\u0000\u0001binary')]), { bodyLimit: null }),
    ).rejects.toThrow(/binary data, not an e-mail message/);
  });
});

describe('mail headers', () => {
  it('reads dates in the forms real mail has', () => {
    expect(parseMailDate('Sun, 8 Jan 2017 20:37:44 +0200')).toBe(Date.parse('2017-01-08T18:37:44Z'));
    expect(parseMailDate('8 Jan 17 20:37 EST')).toBe(Date.parse('2017-01-09T01:37:00Z'));
    expect(parseMailDate('Wed, 03 Aug 2011 17:43:19 -0000 (UTC)')).toBe(Date.parse('2011-08-03T17:43:19Z'));
    expect(parseMailDate('yesterday')).toBeNull();
  });

  it('reads address lists with quoted commas, comments, groups and encoded names', () => {
    expect(
      parseAddresses(
        '"Doe, Jane" <JANE@x.org>, bob@x.org (Bob B), undisclosed-recipients:;, =?ISO-8859-1?Q?Andr=E9?= <a@x.org>',
      ),
    ).toEqual([
      { address: 'jane@x.org', name: 'Doe, Jane' },
      { address: 'bob@x.org', name: 'Bob B' },
      { address: 'a@x.org', name: 'André' },
    ]);
    expect(decodeWords('=?utf-8?q?caf=C3=A9?= =?utf-8?q?_ok?=')).toBe('café ok');
  });
});
