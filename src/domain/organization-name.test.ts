import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  companyKey,
  companyMatcher,
  companyWords,
  matchCompany,
  namesOrganization,
} from './organization-name.js';

describe('company names', () => {
  it('matches the same employer written in different ways', () => {
    const same: Array<[string, string]> = [
      ['Acme', 'ACME, Inc.'],
      ['acme', 'Acme Inc'],
      ['Acme Corp', 'Acme Corporation'],
      ['Acme', 'Acme LLC'],
      ['Acme', 'Acme Ltd.'],
      ['Acme', 'Acme Limited'],
      ['Weissdorn', 'Weissdorn GmbH'],
      ['Weissdorn', 'Weißdorn GmbH & Co. KG'],
      ['Siemens', 'Siemens AG'],
      ['Société Générale', 'Societe Generale S.A.'],
      ['societe generale', 'Société Générale S. A.'],
      ['Lyra Sante', 'Lyra Santé'],
      ['Smith', 'Smith & Co'],
      ['Smith', 'Smith & Co.'],
      ['Fjordline Logistics', 'Fjord-Line Logistics'],
      ['Lindgren Aberg and Partners', 'Lindgren, Åberg & Partners'],
      ["O'Reilly Media", 'OReilly Media, Inc.'],
      ['Boring Company', 'The Boring Company'],
      ['Bjørnstad', 'Bjornstad AS'],
      ['Volvo', 'Volvo AB (publ)'],
    ];
    for (const [query, company] of same)
      expect(matchCompany(query, company), `${query} ~ ${company}`).toBe('exact');
  });

  it('matches the first words of a longer name, then the start of the name, as fallbacks, and nothing looser', () => {
    expect(matchCompany('northwind', 'Northwind Health')).toBe('words');
    expect(matchCompany('north', 'Northwind Health')).toBe('prefix');
    expect(matchCompany('bright', 'Brightloop')).toBe('prefix');
    expect(matchCompany('Acme', 'Acmeco')).toBe('prefix');
    expect(matchCompany('lyra sant', 'Lyra Santé')).toBe('prefix');
    expect(matchCompany('LINDGREN ÅBE', 'Lindgren, Åberg & Partners')).toBe('prefix');
    expect(matchCompany('Northwind Health', 'Northwind')).toBeNull();
    expect(matchCompany('health', 'Northwind Health')).toBeNull();
    expect(matchCompany('loop', 'Brightloop')).toBeNull();
    expect(matchCompany('', 'Acme')).toBeNull();
    expect(matchCompany('Inc.', 'Acme Inc.')).toBeNull();
  });

  it('never strips a name down to nothing', () => {
    expect(companyWords('Co')).toEqual(['co']);
    expect(companyWords('AG')).toEqual(['ag']);
    expect(companyWords('The')).toEqual(['the']);
    expect(companyWords('  ')).toEqual([]);
    expect(companyWords('I.B.M. Corp')).toEqual(['ibm']);
    expect(companyWords('I. B. M.')).toEqual(['ibm']);
  });

  it('is a key: case, accents and suffixes never change it, and a matcher agrees with it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('Acme', 'Nord', 'Zoë', 'Bank', 'Ålesund', 'Data', '&', 'Labs'), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.constantFrom(
          '',
          ' Inc.',
          ', Inc',
          ' GmbH',
          ' AG',
          ' S.A.',
          ' Ltd',
          ' LLC',
          ' & Co.',
          ' Corporation',
        ),
        fc.boolean(),
        (words, suffix, upper) => {
          const name = words.join(' ');
          const variant = `${upper ? name.toUpperCase() : name.normalize('NFD')}${suffix}`;
          expect(companyKey(variant)).toBe(companyKey(name));
          if (companyKey(name).length > 0) expect(companyMatcher(name)(variant)).toBe('exact');
        },
      ),
    );
  });
});

describe('an organisation named in a text', () => {
  it('does not take a city for a school, nor a common word for an employer', () => {
    expect(namesOrganization('I am based in Stockholm', 'Stockholm School of Economics')).toBe(false);
    expect(namesOrganization('I am open to ideas', 'The Open University')).toBe(false);
    expect(namesOrganization('I studied at the Open University', 'The Open University')).toBe(true);
    expect(namesOrganization('Uppsala was great', 'Uppsala University')).toBe(true);
    expect(namesOrganization('I am self employed', 'Self-employed')).toBe(false);
  });
});
