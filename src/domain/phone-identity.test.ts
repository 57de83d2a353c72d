import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { identitiesOfContact } from './contact-identities.js';
import { emptyContactCard, type ContactCard } from './contact-card.js';
import { regionOfCountry } from './country-region.js';
import { normalizePhone, phoneForms, phoneRegionCode } from './identity.js';

/** docs/rules/identity-and-imports.md#phones: phone identities in E.164 where a country can be inferred. */
describe('normalizePhone', () => {
  it('writes a number with its own + prefix in E.164, whatever the region', () => {
    expect(normalizePhone('+46 70 123 45 67')).toBe('+46701234567');
    expect(normalizePhone('+46 70 123 45 67', 'US')).toBe('+46701234567');
    expect(normalizePhone('+1 (415) 555-2671')).toBe('+14155552671');
    expect(normalizePhone('+49 30 901820')).toBe('+4930901820');
  });

  it('reads a 00 prefix as +', () => {
    expect(normalizePhone('0046 70 123 45 67')).toBe('+46701234567');
    expect(normalizePhone('0044 20 7946 0958', 'SE')).toBe('+442079460958');
  });

  it('reads a national number in the given region', () => {
    expect(normalizePhone('070-123 45 67', 'SE')).toBe('+46701234567');
    expect(normalizePhone('(415) 555-2671', 'US')).toBe('+14155552671');
    expect(normalizePhone('030 901820', 'DE')).toBe('+4930901820');
    expect(normalizePhone('020 7946 0958', 'GB')).toBe('+442079460958');
  });

  it('keeps a national number as its digits when no region is known: no guessed country', () => {
    expect(normalizePhone('070-123 45 67')).toBe('0701234567');
    expect(normalizePhone('(905) 555-1234')).toBe('9055551234');
  });

  it('keeps a number libphonenumber finds invalid as its digits', () => {
    expect(normalizePhone('+46 12 34 56')).toBe('+46123456');
    expect(normalizePhone('123 456 789 012 345', 'SE')).toBe('123456789012345');
    expect(normalizePhone('+999 123 456 789')).toBe('+999123456789');
  });

  it('leaves the extension out', () => {
    expect(normalizePhone('+1-418-656-9254;ext=102')).toBe('+14186569254');
    expect(normalizePhone('(415) 555-2671 x12', 'US')).toBe('+14155552671');
    expect(normalizePhone('070-123 45 67 ext. 9', 'SE')).toBe('+46701234567');
  });

  it('is no phone below 6 digits', () => {
    expect(normalizePhone('112')).toBeNull();
    expect(normalizePhone('+46 12', 'SE')).toBeNull();
  });

  it('is the same normalised twice as once, and whatever spaces, dashes, dots or parentheses it is written with', () => {
    const number = fc.constantFrom('+46', '0046', '0', '+1', '+49', '+44', '');
    const separator = fc.constantFrom('', ' ', '-', '.', ' - ');
    fc.assert(
      fc.property(
        number,
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 6, maxLength: 12 }),
        fc.array(separator, { minLength: 12, maxLength: 12 }),
        fc.constantFrom(null, 'SE', 'US', 'DE'),
        fc.boolean(),
        (prefix, digits, separators, region, parenthesise) => {
          const plain = prefix + digits.join('');
          let spaced = digits.map((digit, index) => digit + (separators[index] ?? '')).join('');
          if (parenthesise) spaced = `(${spaced.slice(0, 3)}) ${spaced.slice(3)}`;
          const once = normalizePhone(plain, region);
          expect(normalizePhone(`${prefix} ${spaced}`, region)).toBe(once);
          if (once !== null) expect(normalizePhone(once, region)).toBe(once);
        },
      ),
    );
  });

  it('offers the forms stored before E.164 for lookups, its own form first', () => {
    expect(phoneForms('070-123 45 67', 'SE')).toEqual(['+46701234567', '0701234567', '0046701234567']);
    expect(phoneForms('+46 70 123 45 67', 'SE')).toEqual(['+46701234567', '0701234567', '0046701234567']);
  });
});

describe('phoneRegionCode', () => {
  it('accepts ISO 3166 alpha-2 codes libphonenumber knows, in any case', () => {
    expect(phoneRegionCode('se')).toBe('SE');
    expect(phoneRegionCode(' US ')).toBe('US');
  });

  it('refuses what is no such code', () => {
    expect(phoneRegionCode('XX')).toBeNull();
    expect(phoneRegionCode('SWE')).toBeNull();
    expect(phoneRegionCode('+46')).toBeNull();
  });
});

describe('identitiesOfContact', () => {
  const card = (phones: string[], types: string[] = ['cell']): ContactCard => ({
    ...emptyContactCard(1),
    firstName: 'Sven',
    lastName: 'Ek',
    phones: phones.map((value) => ({ value, types, label: null })),
  });

  it('gives a national phone its E.164 form in the region, and looks it up in the forms stored before too', () => {
    const { phones, phoneLookups } = identitiesOfContact(card(['070-123 45 67', '+46 70 123 45 67']), 'SE');
    expect(phones).toEqual([{ kind: 'phone', value: '+46701234567' }]);
    expect(phoneLookups.map((identity) => identity.value)).toContain('0701234567');
  });

  it("reads a national phone in its card's address country, before the phone-region setting", () => {
    const inSweden = { ...card(['070-123 45 67']), addressCountry: 'Sweden' };
    expect(identitiesOfContact(inSweden, null).phones).toEqual([{ kind: 'phone', value: '+46701234567' }]);
    expect(identitiesOfContact(inSweden, 'DE').phones).toEqual([{ kind: 'phone', value: '+46701234567' }]);
    const inGermany = { ...card(['030 901820']), addressCountry: 'Deutschland' };
    expect(identitiesOfContact(inGermany, 'SE').phones).toEqual([{ kind: 'phone', value: '+4930901820' }]);
    // A number already international stays in its own country whatever the address says.
    const abroad = { ...card(['+44 20 7946 0958']), addressCountry: 'SE' };
    expect(identitiesOfContact(abroad, null).phones).toEqual([{ kind: 'phone', value: '+442079460958' }]);
    // A country tend cannot name leaves the setting to decide.
    const unknown = { ...card(['070-123 45 67']), addressCountry: 'Atlantis' };
    expect(identitiesOfContact(unknown, null).phones).toEqual([{ kind: 'phone', value: '0701234567' }]);
    expect(identitiesOfContact(unknown, 'SE').phones).toEqual([{ kind: 'phone', value: '+46701234567' }]);
  });

  it('takes no fax as an identity', () => {
    expect(identitiesOfContact(card(['+46 8 123 456 78'], ['fax']), 'SE').phones).toEqual([]);
  });
});

describe('regionOfCountry', () => {
  it('names the region of a country written in English, in its own language, in German or as a code', () => {
    const countries = [
      'Sweden',
      'Sverige',
      'Schweden',
      'SE',
      'se',
      'SWE',
      'Deutschland',
      'Germany',
      'Allemagne',
    ];
    expect(countries.map(regionOfCountry)).toEqual(['SE', 'SE', 'SE', 'SE', 'SE', 'SE', 'DE', 'DE', 'DE']);
    expect(
      ['U.S.A.', 'United States', 'UK', 'Österreich', 'osterreich', 'España', 'Suomi', 'Nigeria'].map(
        regionOfCountry,
      ),
    ).toEqual(['US', 'US', 'GB', 'AT', 'AT', 'ES', 'FI', 'NG']);
  });

  it('names none for what is no country', () => {
    expect([null, '', ' ', 'Atlantis', 'Stockholm', '12345'].map(regionOfCountry)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});
