import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatBirthday } from '../../domain/contact-card.js';
import { contactOfVCard } from './vcard-contact.mapper.js';
import { VCardParseError, parseVCards } from './vcard.parser.js';

/** docs/rules/contacts.md#vcard: vCard 2.1/3.0/4.0 as real clients write them. */

const EXTERNAL = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'test',
  'fixtures',
  'external',
  'vcard-ez-vcard',
);
const contactsOf = (text: string | Buffer) =>
  parseVCards(typeof text === 'string' ? Buffer.from(text) : text).map(contactOfVCard);
const contactsOfFile = (name: string) => contactsOf(readFileSync(join(EXTERNAL, name)));

function errorOf(text: string | Buffer): VCardParseError {
  try {
    contactsOf(text);
  } catch (error) {
    if (error instanceof VCardParseError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('vCard reading', () => {
  it('reads every file of eight clients and the RFC examples without a failure', () => {
    const files = readdirSync(EXTERNAL).filter((name) => name.endsWith('.vcf'));
    expect(files).toHaveLength(17);
    const counts = Object.fromEntries(files.map((name) => [name, contactsOfFile(name).length]));
    expect(counts).toMatchObject({
      'John_Doe_ANDROID.vcf': 6,
      'gmail-list.vcf': 3,
      'rfc2426-example.vcf': 2,
    });
  });

  it('reads the same John Doe from the IBM clients: names, e-mail, org, title, birthday', () => {
    for (const name of ['EVOLUTION', 'GMAIL', 'IPHONE', 'MAC_ADDRESS_BOOK', 'MS_OUTLOOK']) {
      const [john] = contactsOfFile(`John_Doe_${name}.vcf`);
      expect([name, john?.firstName, john?.lastName, john?.organization, john?.title]).toEqual([
        name,
        'John',
        'Doe',
        'IBM',
        'Money Counter',
      ]);
      expect(john?.emails.map((email) => email.value)).toContainEqual(
        name === 'MS_OUTLOOK' ? 'john.doe@ibm.cm' : 'john.doe@ibm.com',
      );
    }
    const [evolution] = contactsOfFile('John_Doe_EVOLUTION.vcf');
    // Folded inside the e-mail address and the URL (75-octet folding).
    expect(evolution?.emails[0]?.value).toBe('john.doe@ibm.com');
    expect(evolution?.urls[0]?.value).toBe('http://www.ibm.com');
    expect(evolution?.tags).toEqual(['VIP']);
    expect(evolution?.birthday && formatBirthday(evolution.birthday)).toBe('1980-03-22');
    expect(evolution?.uid).toBe('477343c8e6bf375a9bac1f96a5000837');
    const [outlook] = contactsOfFile('John_Doe_MS_OUTLOOK.vcf');
    expect(outlook?.birthday && formatBirthday(outlook.birthday)).toBe('1980-03-22');
  });

  it('decodes quoted-printable with soft breaks and the charset of each value (Android 2.1)', () => {
    const cards = contactsOfFile('John_Doe_ANDROID.vcf');
    expect(cards.map((card) => card.formattedName)).toEqual([
      '',
      '',
      'Ñ Ñ Ñ Ñ Ñ',
      'Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ',
      'Ñ Ñ Ñ Ñ',
      'ÑÑÑÑ',
    ]);
    expect(cards[0]?.emails[0]?.value).toBe('john.doe@company.com');
    // "My Contacts" is Android's system group, not a category of the user's.
    expect(cards[0]?.tags).toEqual([]);
    const latin = Buffer.concat([
      Buffer.from('BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=ISO-8859-1:M'),
      Buffer.from([0xfc]),
      Buffer.from('ller;J'),
      Buffer.from([0xf6]),
      Buffer.from(
        'rg;;;\r\nNOTE;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Gr=FC=DFe=0D=0A=\r\naus Z=FCrich\r\nEND:VCARD\r\n',
      ),
    ]);
    expect(contactsOf(latin)[0]).toMatchObject({
      firstName: 'Jörg',
      lastName: 'Müller',
      notes: 'Grüße\r\naus Zürich',
    });
  });

  it('takes Apple group labels, escaped colons and year-less birthdays', () => {
    const [card] = contactsOf(
      [
        'BEGIN:VCARD',
        'VERSION:3.0',
        'N:Brown;Emmet;;;',
        'item4.URL:https\\://www.linkedin.com/in/emmet-brown/',
        'item4.X-ABLabel:_$!<HomePage>!$_',
        'item5.URL:bttf.example',
        'item5.X-ABLabel:Lab',
        'BDAY;X-APPLE-OMIT-YEAR=1604:1604-01-22',
        'CATEGORIES:myContacts,starred,Time Travel\\, Inc',
        'NOTE:first line\\nsecond \\; line',
        'END:VCARD',
      ].join('\r\n'),
    );
    expect(card?.urls).toEqual([
      { value: 'https://www.linkedin.com/in/emmet-brown/', types: [], label: 'HomePage' },
      { value: 'bttf.example', types: [], label: 'Lab' },
    ]);
    expect(card?.birthday).toEqual({ year: null, month: 1, day: 22 });
    expect(card?.tags).toEqual(['starred', 'Time Travel, Inc']);
    expect(card?.notes).toBe('first line\nsecond ; line');
    for (const [value, expected] of [
      ['--0122', '--01-22'],
      ['--01-22', '--01-22'],
      ['19220310', '1922-03-10'],
      ['1980-03-22T00:00:00Z', '1980-03-22'],
    ]) {
      const [dated] = contactsOf(`BEGIN:VCARD\nVERSION:4.0\nFN:A B\nBDAY:${value}\nEND:VCARD\n`);
      expect(dated?.birthday && formatBirthday(dated.birthday)).toBe(expected);
    }
  });

  it('keeps exactly the characters after one folding space (Google folds inside words)', () => {
    const [card] = contactsOf(
      'BEGIN:VCARD\nVERSION:3.0\nFN:Ada Berg\nNOTE:This guy can tr\n avel\\ntest: test \n custom\nEND:VCARD\n',
    );
    expect(card?.notes).toBe('This guy can travel\ntest: test custom');
  });

  it('unfolds the old Mac Address Book, which folds with two spaces, and its escaped quotes', () => {
    const [mac] = contactsOfFile('John_Doe_MAC_ADDRESS_BOOK.vcf');
    expect(mac?.notes).toMatch(
      /^THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"/,
    );
    expect(mac?.notes).toContain('OTHERWISE) ARISING IN ANY WAY');
    expect(mac?.photo).toMatchObject({ mediaType: 'image/jpeg' });
  });

  it('reads base64 photos: 3.0 folded, 2.1 ending at a blank line, 4.0 data URIs; URL photos as URLs', () => {
    const [iphone] = contactsOfFile('John_Doe_IPHONE.vcf');
    expect(iphone?.photo && 'bytes' in iphone.photo ? [...iphone.photo.bytes.slice(0, 2)] : null).toEqual([
      0xff, 0xd8,
    ]);
    const [outlook] = contactsOfFile('outlook-2007.vcf');
    expect(outlook?.photo).toMatchObject({ mediaType: 'image/jpeg' });
    expect(outlook?.emails.map((email) => email.value)).toEqual(['mike.angstadt@gmail.com']);
    const [full] = contactsOfFile('fullcontact.vcf');
    expect(full?.photo).toEqual({
      url: expect.stringMatching(/^https:\/\/d3m0kzytmr41b1\.cloudfront\.net\/c335e945/) as string,
    });
    const [data] = contactsOf(
      'BEGIN:VCARD\nVERSION:4.0\nFN:A B\nPHOTO:data:image/png;base64,iVBORw0KGgo=\nEND:VCARD\n',
    );
    expect(data?.photo).toMatchObject({ mediaType: 'image/png' });
  });

  it('reads 4.0 tel: URIs and quoted type lists', () => {
    const [simon] = contactsOfFile('rfc6350-example.vcf');
    expect(simon?.phones).toEqual([
      { value: '+1-418-656-9254;ext=102', types: ['work', 'voice'], label: null },
      { value: '+1-418-262-6501', types: ['work', 'cell', 'voice', 'video', 'text'], label: null },
    ]);
    expect(simon?.birthday).toEqual({ year: null, month: 2, day: 3 });
  });

  it("takes the preferred address's country, else the first that names one", () => {
    const vcard = (...lines: string[]) =>
      ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Sven Ek', ...lines, 'END:VCARD', ''].join('\r\n');
    const [first, preferred, none] = contactsOf(
      vcard(
        'ADR;TYPE=HOME:;;Storgatan 1;Stockholm;;111 22;Sweden',
        'ADR;TYPE=WORK:;;1 Main St;Boston;MA;02101;USA',
      ) +
        vcard(
          'ADR;TYPE=HOME:;;;;;;',
          'ADR;TYPE=WORK:;;;Berlin;;;Deutschland',
          'ADR;TYPE=HOME,PREF:;;;Oslo;;;Norge',
        ) +
        vcard('ADR:;;Storgatan 1;Stockholm;;;', 'TEL:070-123 45 67'),
    );
    expect([first?.addressCountry, preferred?.addressCountry, none?.addressCountry]).toEqual([
      'Sweden',
      'Norge',
      null,
    ]);
  });

  it('fails a file that is cut off, binary, in an unknown charset or no vCard, naming the line', () => {
    expect(errorOf('BEGIN:VCARD\nVERSION:3.0\nFN:A B\nBEGIN:VCARD\nFN:C\nEND:VCARD\n').line).toBe(1);
    expect(errorOf('BEGIN:VCARD\nVERSION:3.0\nFN:A B\n').message).toMatch(
      /no END:VCARD: the file is cut off/,
    );
    expect(errorOf(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01])).message).toMatch(/binary data/);
    const charset = errorOf('BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=klingon:J\xf6rg\nEND:VCARD\n');
    expect([charset.line, charset.message]).toEqual([3, expect.stringMatching(/unknown CHARSET "klingon"/)]);
    expect(errorOf('First Name,Last Name\nAda,Berg\n').message).toMatch(/not a vCard file/);
  });
});
