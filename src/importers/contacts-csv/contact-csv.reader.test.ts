import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDecoder } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../csv/csv.parser.js';
import { contactsOfCsv, detectContactCsv, parseCsvBirthday } from './contact-csv.reader.js';

/** docs/rules/contacts.md#contact-csv: Google and Outlook contact CSV as their exports write them. */

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'contacts-csv');
const rowsOf = (name: string, encoding = 'utf-8') =>
  parseCsvText(new TextDecoder(encoding).decode(readFileSync(join(FIXTURES, name))));
const cardsOf = (name: string, encoding = 'utf-8') => {
  const rows = rowsOf(name, encoding);
  const format = detectContactCsv(rows[0]?.cells ?? []);
  if (!format) throw new Error(`${name} not recognised`);
  return contactsOfCsv(format, rows);
};

describe('contact CSV reading', () => {
  it('recognises Google (current and legacy) and Outlook (desktop, Outlook.com, German) by their headers', () => {
    expect(
      [
        ['google-contacts.csv', 'utf-8'],
        ['google-legacy.csv', 'utf-8'],
        ['outlook-desktop.csv', 'windows-1252'],
        ['outlook-com.csv', 'utf-8'],
        ['outlook-german.csv', 'windows-1252'],
      ].map(([name, encoding]) => detectContactCsv(rowsOf(name ?? '', encoding)[0]?.cells ?? [])),
    ).toEqual(['google-csv', 'google-csv', 'outlook-csv', 'outlook-csv', 'outlook-csv']);
    expect(
      detectContactCsv([
        'First Name',
        'Last Name',
        'URL',
        'Email Address',
        'Company',
        'Position',
        'Connected On',
      ]),
    ).toBeNull();
  });

  it('reads Google’s current export: ::: multi-values, starred labels, multi-line notes, phone-only rows, fax', () => {
    const [ingrid, tomas, phoneOnly, asa] = cardsOf('google-contacts.csv');
    expect(ingrid).toMatchObject({
      line: 2,
      firstName: 'Ingrid',
      lastName: 'Solberg',
      organization: 'Fjordlight',
      title: 'Head of Data',
      birthday: { year: 1987, month: 10, day: 6 },
      notes: 'Met at the Oslo data meetup.\nLikes climbing.',
      tags: ['starred', 'Climbing'],
      photo: { url: 'https://lh3.googleusercontent.com/contacts/AG6tpzFe' },
    });
    expect(ingrid?.emails).toEqual([
      { value: 'ingrid@fjordlight.example', types: ['pref'], label: 'Work' },
      { value: 'ingrid.solberg@mail.example', types: ['pref'], label: 'Work' },
    ]);
    expect(ingrid?.urls[0]).toEqual({
      value: 'https://www.linkedin.com/in/ingrid-solberg',
      types: [],
      label: 'Profile',
    });
    expect(tomas?.birthday).toEqual({ year: null, month: 3, day: 14 });
    expect(phoneOnly).toMatchObject({ firstName: '', phones: [{ value: '+46 8 555 000 11' }], tags: [] });
    expect(asa?.phones).toEqual([{ value: '+46 8 555 999 99', types: ['fax'], label: 'Work Fax' }]);
    expect(asa?.tags).toEqual(['Family']);
  });

  it('reads the legacy Google export: Given/Family Name, Group Membership, Organization 1', () => {
    const [ingrid, marek] = cardsOf('google-legacy.csv');
    expect(ingrid).toMatchObject({ firstName: 'Ingrid', organization: 'Fjordlight', tags: ['Climbing'] });
    expect(marek?.emails.map((email) => email.value)).toEqual([
      'marek.nowak@mail.example',
      'm.nowak@acme.example',
    ]);
    expect(marek?.notes).toBe('Quote, "the good kind", of notes');
  });

  it('reads Outlook: every phone but the switchboard, categories by ;, the Exchange address left as written', () => {
    const [jurgen, ingrid] = cardsOf('outlook-desktop.csv', 'windows-1252');
    expect(jurgen).toMatchObject({
      firstName: 'Jürgen',
      lastName: 'Weiß',
      organization: 'Müller & Söhne GmbH',
      title: 'Einkauf',
      birthday: { year: 1975, month: 3, day: 9 },
      tags: ['Lieferanten', 'VIP'],
      urls: [{ value: 'http://www.linkedin.com/in/juergen-weiss/' }],
    });
    expect(jurgen?.phones.map((phone) => phone.value)).toEqual(['+49 171 2345678', '+49 30 1234567']);
    expect(ingrid?.birthday).toBeNull();
    expect(ingrid?.emails.map((email) => email.value)).toEqual([
      '/o=ExchangeLabs/ou=Exchange Administrative Group/cn=Recipients/cn=ingrid',
      'ingrid@fjordlight.example',
    ]);
    const [german] = cardsOf('outlook-german.csv', 'windows-1252');
    expect(german).toMatchObject({
      firstName: 'Jürgen',
      title: 'Einkauf',
      birthday: { year: 1975, month: 3, day: 9 },
    });
  });

  it("reads the address country: Google's primary address first, Outlook's business, home or other", () => {
    const read = (text: string) => {
      const rows = parseCsvText(text);
      return contactsOfCsv(detectContactCsv(rows[0]?.cells ?? []) ?? 'google-csv', rows);
    };
    const google = read(
      [
        'First Name,Last Name,Labels,E-mail 1 - Value,Phone 1 - Value,Address 1 - Label,Address 1 - Country,Address 2 - Label,Address 2 - Country',
        'Sven,Ek,,sven@example.se,070-123 45 67,Work,Deutschland,* Home,Sverige',
        'Bo,Lind,,bo@example.se,070-555 12 34,,,Home,SE',
        'Cy,Dahl,,cy@example.se,,,,,',
      ].join('\n'),
    );
    expect(google.map((card) => card.addressCountry)).toEqual(['Sverige', 'SE', null]);
    const outlook = read(
      [
        'First Name,Last Name,E-mail Address,Mobile Phone,Business Country/Region,Home Country/Region',
        'Sven,Ek,sven@example.se,070-123 45 67,,Sweden',
        'Bo,Lind,bo@example.se,070-555 12 34,Germany,Sweden',
      ].join('\n'),
    );
    expect(outlook.map((card) => card.addressCountry)).toEqual(['Sweden', 'Germany']);
  });

  it('reads birthdays as ISO, year-less, M/D/Y and D.M.Y; 0/0/00 and two-digit years are none', () => {
    expect(
      ['1987-10-06', '--03-14', '3/9/1975', '9.3.1975', '0/0/00', '3/9/75', 'soon'].map(parseCsvBirthday),
    ).toEqual([
      { year: 1987, month: 10, day: 6 },
      { year: null, month: 3, day: 14 },
      { year: 1975, month: 3, day: 9 },
      { year: 1975, month: 3, day: 9 },
      null,
      null,
      null,
    ]);
  });
});
