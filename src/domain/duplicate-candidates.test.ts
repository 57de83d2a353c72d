import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { duplicateReasons, findDuplicateCandidates, type DuplicateSubject } from './duplicate-candidates.js';

let nextId = 1;
function subject(name: string, fields: Partial<DuplicateSubject> = {}): DuplicateSubject {
  return {
    id: nextId++,
    name,
    company: null,
    connected: false,
    hasProfileUrl: false,
    emails: [],
    ...fields,
  };
}

describe('people who may be one person', () => {
  it('proposes the same name at the same company, however the company is written', () => {
    const a = subject('Lukas Brenner', { company: 'Hafenlicht GmbH', connected: true, hasProfileUrl: true });
    const b = subject('Lukas Brenner', { company: 'hafenlicht', connected: true, hasProfileUrl: true });
    expect(duplicateReasons(a, b)).toEqual(['same name (Lukas Brenner), both at Hafenlicht GmbH']);
  });

  it('proposes close names with an e-mail at the same employer domain, never at an open mail provider', () => {
    const john = subject('John Doe', { emails: ['john.doe@ibm.com', 'jd@gmail.com'] });
    expect(duplicateReasons(john, subject('J. Doe', { emails: ['jdoe@ibm.com'] }))).toEqual([
      'close names (John Doe / J. Doe), both with e-mail at ibm.com',
    ]);
    expect(duplicateReasons(john, subject('Johnny Doe', { emails: ['j@gmail.com'] }))).toEqual([]);
    expect(duplicateReasons(john, subject('Jon Doe', { company: 'IBM' }))).toEqual([]);
  });

  it('reads short forms, initials, middle names, swapped order and one typo in a long family name as close', () => {
    const at = { company: 'Acme' };
    for (const [left, right] of [
      ['Robert Smith', 'Bob Smith'],
      ['Alexander Novak', 'Alex Novak'],
      ['Maria Sofia Marques', 'Maria Marques'],
      ['Tanabe Aiko', 'Aiko Tanabe'],
      ['Tomas Berglund', 'Tomas Berglund-'],
      ['Tomas Berglund', 'Tomas Bergland'],
    ] as const)
      expect(duplicateReasons(subject(left, at), subject(right, at)), `${left} / ${right}`).not.toEqual([]);
    for (const [left, right] of [
      ['Anna Berg', 'Hanna Berg'],
      ['Tomas Berg', 'Tomas Borg'],
      ['Maria Marques', 'Marta Marques'],
    ] as const)
      expect(duplicateReasons(subject(left, at), subject(right, at)), `${left} / ${right}`).toEqual([]);
  });

  it('proposes a same name with nothing else shared only when not both are connections or both have profiles', () => {
    const contact = subject('Aiko Tanabe');
    expect(
      duplicateReasons(subject('Aiko Tanabe', { connected: true, hasProfileUrl: true }), contact),
    ).toEqual(['same name (Aiko Tanabe), not both LinkedIn connections and no two profiles tell them apart']);
    expect(
      duplicateReasons(
        subject('Aiko Tanabe', { connected: true }),
        subject('Aiko Tanabe', { connected: true }),
      ),
    ).toEqual([]);
  });

  it('finds, through its blocks, every pair the rules would find comparing all pairs', () => {
    const names = [
      'John Doe',
      'Jon Doe',
      'J Doe',
      'Doe John',
      'John Dole',
      'Bob Smith',
      'Robert Smith',
      'Ann Lee',
    ];
    const person = fc.record({
      name: fc.constantFrom(...names),
      company: fc.option(fc.constantFrom('Acme', 'ACME Inc.', 'Globex'), { nil: null }),
      connected: fc.boolean(),
      hasProfileUrl: fc.boolean(),
      emails: fc.subarray(['a@ibm.com', 'b@gmail.com', 'c@globex.com']),
    });
    fc.assert(
      fc.property(fc.array(person, { maxLength: 12 }), (shapes) => {
        const people = shapes.map((shape, index) => ({ ...shape, id: index + 1 }));
        const expected: [number, number][] = [];
        for (const a of people)
          for (const b of people)
            if (
              a.id < b.id &&
              duplicateReasons(a, b).length > 0 &&
              a.name !== 'John Dole' &&
              b.name !== 'John Dole'
            )
              expected.push([a.id, b.id]);
        const found = findDuplicateCandidates(people)
          .filter(({ a, b }) => ![a, b].some((id) => people[id - 1]?.name === 'John Dole'))
          .map(({ a, b }) => [a, b]);
        expect(found).toEqual(expected);
      }),
    );
  });
});
