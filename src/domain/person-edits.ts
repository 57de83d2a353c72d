import { AppError } from './errors.js';
import { foldText } from './text-normalization.js';
import { CIRCLES, type Circle, type Person } from './person.js';

/**
 * `tend set` (and the web UI's edit form): what the user asks to change, checked and turned into the
 * fields to store and the changes to report (docs/rules/cli.md#set). Pure: the person in, fields and
 * changes out. Empty values are refused (a stray `--tag ""` is a mistake, not a wish); removing what is not
 * there is refused too, naming what is.
 */
export interface PersonEdits {
  /** A circle, or null / "none" to leave every circle. */
  circle?: string | null;
  tags?: readonly string[];
  removeTags?: readonly string[];
  needs?: readonly string[];
  removeNeeds?: readonly string[];
  offers?: readonly string[];
  removeOffers?: readonly string[];
  goals?: readonly string[];
  removeGoals?: readonly string[];
  /** Text, or null to clear. */
  howMet?: string | null;
  notes?: string | null;
  doNotContact?: boolean;
  /** 0–100, or "none" to remove. */
  floor?: string;
  override?: string;
}

export interface PersonFieldValues {
  circle?: Circle | null;
  tags?: string[];
  needs?: string[];
  offers?: string[];
  goals?: string[];
  howMet?: string | null;
  notes?: string | null;
  doNotContact?: boolean;
  strengthFloor?: number | null;
  strengthOverride?: number | null;
}

/** One change, as said to the user: "needs + 'a React Native mentor'", "circle: close → inner". */
export interface PersonChange {
  field: string;
  text: string;
}

type ListField = 'tags' | 'needs' | 'offers' | 'goals';

const LIST_LABELS: Readonly<Record<ListField, { option: string; singular: string }>> = {
  tags: { option: 'tag', singular: 'tag' },
  needs: { option: 'needs', singular: 'need' },
  offers: { option: 'offers', singular: 'offer' },
  goals: { option: 'goal', singular: 'goal' },
};

const sameText = (a: string, b: string) => foldText(a) === foldText(b);
const quoted = (value: string) => `'${value}'`;

function nonEmpty(option: string, value: string): string {
  const text = value.replace(/\s+/g, ' ').trim();
  if (!text) throw new AppError('usage', `--${option} needs a value; it was empty`);
  return text;
}

function editList(
  name: string,
  field: ListField,
  current: readonly string[],
  add: readonly string[] | undefined,
  remove: readonly string[] | undefined,
  changes: PersonChange[],
): string[] | undefined {
  if (!add && !remove) return undefined;
  const { option, singular } = LIST_LABELS[field];
  const next = [...current];
  for (const raw of remove ?? []) {
    const value = nonEmpty(`remove-${singular}`, raw);
    const index = next.findIndex((entry) => sameText(entry, value));
    if (index < 0) {
      const has = next.length
        ? `${name}'s ${field}: ${next.map(quoted).join(', ')}`
        : `${name} has no ${field}`;
      throw new AppError('usage', `there is no ${singular} ${quoted(value)} to remove (${has})`);
    }
    changes.push({ field, text: `${field} − ${quoted(next[index] ?? value)}` });
    next.splice(index, 1);
  }
  for (const raw of add ?? []) {
    const value = nonEmpty(option, raw);
    if (next.some((entry) => sameText(entry, value))) continue;
    next.push(value);
    changes.push({ field, text: `${field} + ${quoted(value)}` });
  }
  return next;
}

function strengthValue(option: string, value: string): number | null {
  const text = value.trim();
  if (text === 'none') return null;
  if (!/^\d{1,3}$/.test(text) || Number(text) > 100)
    throw new AppError('usage', `--${option} must be a whole number from 0 to 100, or "none" to remove it`);
  return Number(text);
}

function editText(
  option: string,
  label: string,
  current: string | null,
  value: string | null,
  changes: PersonChange[],
): string | null | undefined {
  const next = value === null ? null : nonEmpty(option, value);
  if (next === current) return undefined;
  changes.push({ field: option, text: next === null ? `${label} cleared` : `${label}: ${quoted(next)}` });
  return next;
}

/** Checks the edits against the person; throws a usage error naming the first wrong value. */
export function planPersonEdits(
  person: Person,
  edits: PersonEdits,
): { fields: PersonFieldValues; changes: PersonChange[] } {
  const fields: PersonFieldValues = {};
  const changes: PersonChange[] = [];
  if (edits.circle !== undefined) {
    const circle = edits.circle === null ? 'none' : edits.circle.trim();
    if (!(CIRCLES as readonly string[]).includes(circle))
      throw new AppError('usage', `--circle must be one of ${CIRCLES.join(', ')} (or --no-circle)`);
    const next = circle === 'none' ? null : (circle as Circle);
    if (next !== person.circle) {
      fields.circle = next;
      changes.push({
        field: 'circle',
        text:
          next === null
            ? `circle ${person.circle ?? ''} removed`
            : `circle: ${person.circle ?? 'none'} → ${next}`,
      });
    }
  }
  for (const [field, add, remove] of [
    ['tags', edits.tags, edits.removeTags],
    ['needs', edits.needs, edits.removeNeeds],
    ['offers', edits.offers, edits.removeOffers],
    ['goals', edits.goals, edits.removeGoals],
  ] as const) {
    const before = changes.length;
    const next = editList(person.name, field, person[field], add, remove, changes);
    if (next && changes.length > before) fields[field] = next;
  }
  if (edits.howMet !== undefined) {
    const next = editText('how-met', 'how we met', person.howMet, edits.howMet, changes);
    if (next !== undefined) fields.howMet = next;
  }
  if (edits.notes !== undefined) {
    const next = editText('notes', 'notes', person.notes, edits.notes, changes);
    if (next !== undefined) fields.notes = next;
  }
  if (edits.doNotContact !== undefined && edits.doNotContact !== person.doNotContact) {
    fields.doNotContact = edits.doNotContact;
    changes.push({
      field: 'doNotContact',
      text: edits.doNotContact ? 'do not contact' : 'contact allowed again',
    });
  }
  for (const [option, key, label] of [
    ['floor', 'strengthFloor', 'strength floor'],
    ['override', 'strengthOverride', 'strength override'],
  ] as const) {
    const value = edits[option];
    if (value === undefined) continue;
    const next = strengthValue(option, value);
    if (next === person[key]) continue;
    fields[key] = next;
    changes.push({ field: option, text: next === null ? `${label} removed` : `${label}: ${next}` });
  }
  return { fields, changes };
}

/** "Rasmus Holm: needs + 'a React Native mentor'; circle: none → close", or that nothing changed. */
export function describePersonChanges(name: string, changes: readonly PersonChange[]): string {
  if (changes.length === 0) return `${name}: nothing changed (it was already so).`;
  return `${name}: ${changes.map((change) => change.text).join('; ')}`;
}
