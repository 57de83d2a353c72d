import { describe, expect, it } from 'vitest';
import type { Person } from './person.js';
import { describePersonChanges, planPersonEdits } from './person-edits.js';

const rasmus: Person = {
  id: 7,
  firstName: 'Rasmus',
  lastName: 'Holm',
  name: 'Rasmus Holm',
  company: 'Nordpay',
  position: null,
  headline: null,
  location: null,
  connectedAt: 0,
  connectionState: 'connected',
  lastExportAt: null,
  circle: 'close',
  tags: ['alumni'],
  needs: ['a React Native mentor'],
  offers: [],
  goals: [],
  howMet: 'a payments meetup',
  notes: null,
  importedNotes: null,
  doNotContact: false,
  strengthFloor: null,
  strengthOverride: 30,
  archivedAt: null,
  createdAt: 0,
  updatedAt: 0,
};

describe('tend set: what changes, said plainly', () => {
  it('adds a need and says so', () => {
    const { fields, changes } = planPersonEdits(rasmus, { needs: ['a first customer in Oslo'] });
    expect(fields).toEqual({ needs: ['a React Native mentor', 'a first customer in Oslo'] });
    expect(describePersonChanges(rasmus.name, changes)).toBe(
      "Rasmus Holm: needs + 'a first customer in Oslo'",
    );
  });

  it('removes what it adds, whatever the case or spacing typed', () => {
    const { fields, changes } = planPersonEdits(rasmus, {
      removeNeeds: ['a react native  MENTOR'],
      removeTags: ['Alumni'],
    });
    expect(fields).toEqual({ needs: [], tags: [] });
    expect(describePersonChanges(rasmus.name, changes)).toBe(
      "Rasmus Holm: tags − 'alumni'; needs − 'a React Native mentor'",
    );
  });

  it('takes a person out of their circle with null or "none"', () => {
    for (const circle of [null, 'none']) {
      const { fields, changes } = planPersonEdits(rasmus, { circle });
      expect(fields).toEqual({ circle: null });
      expect(changes.map((change) => change.text)).toEqual(['circle close removed']);
    }
    expect(planPersonEdits(rasmus, { circle: 'inner' }).changes[0]?.text).toBe('circle: close → inner');
  });

  it.each([
    [{ tags: [''] }, '--tag needs a value'],
    [{ needs: ['   '] }, '--needs needs a value'],
    [{ howMet: ' ' }, '--how-met needs a value'],
    [{ notes: '' }, '--notes needs a value'],
    [{ floor: '' }, '--floor must be a whole number'],
    [{ circle: 'bestie' }, '--circle must be one of'],
  ])('refuses the empty or wrong value %j', (edits, message) => {
    expect(() => planPersonEdits(rasmus, edits)).toThrow(message);
  });

  it('refuses to remove what is not there, naming what is', () => {
    expect(() => planPersonEdits(rasmus, { removeNeeds: ['a designer'] })).toThrow(
      "there is no need 'a designer' to remove (Rasmus Holm's needs: 'a React Native mentor')",
    );
    expect(() => planPersonEdits(rasmus, { removeGoals: ['x'] })).toThrow('Rasmus Holm has no goals');
  });

  it('clears how we met and the override, and reports an edit that changes nothing', () => {
    expect(planPersonEdits(rasmus, { howMet: null, override: 'none' })).toEqual({
      fields: { howMet: null, strengthOverride: null },
      changes: [
        { field: 'how-met', text: 'how we met cleared' },
        { field: 'override', text: 'strength override removed' },
      ],
    });
    const same = planPersonEdits(rasmus, { circle: 'close', tags: ['alumni'], doNotContact: false });
    expect(same).toEqual({ fields: {}, changes: [] });
    expect(describePersonChanges(rasmus.name, same.changes)).toBe(
      'Rasmus Holm: nothing changed (it was already so).',
    );
  });
});
