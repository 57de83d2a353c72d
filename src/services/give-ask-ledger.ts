import { createIntroductionRepository, type LedgerEntry } from '../store/introduction.repository.js';
import { createPersonRepository } from '../store/person.repository.js';
import type { Store } from '../store/store.js';
import type { PeopleService } from './people.service.js';

export interface LedgerPerson {
  person: { id: number; name: string };
  given: { help: number; introductions: number };
  received: { help: number };
  /** What I gave minus what I received: above 0 I gave more. */
  balance: number;
  lastAt: number | null;
  entries: LedgerEntry[];
}

/**
 * The give/ask ledger (docs/rules/introductions-and-paths.md): per person, what I gave (help, introductions)
 * and what I asked for or received, from the interactions up to `now`; one person's entries with `ref`.
 */
export async function giveAskLedger(
  deps: { store: Store; people: PeopleService },
  now: number,
  ref?: string,
): Promise<LedgerPerson[]> {
  const target = ref !== undefined ? await deps.people.resolveRef(ref) : undefined;
  const entries = await createIntroductionRepository(deps.store).ledgerEntries(now, target?.id);
  const byPerson = new Map<number, LedgerEntry[]>();
  for (const entry of entries) {
    const list = byPerson.get(entry.personId) ?? [];
    list.push(entry);
    byPerson.set(entry.personId, list);
  }
  if (target && !byPerson.has(target.id)) byPerson.set(target.id, []);
  const found = target
    ? new Map([[target.id, target]])
    : new Map(
        (await createPersonRepository(deps.store).findByIds([...byPerson.keys()])).map((person) => [
          person.id,
          person,
        ]),
      );
  const rows: LedgerPerson[] = [];
  for (const [personId, list] of byPerson) {
    const person = found.get(personId);
    if (!person) continue;
    const count = (kind: LedgerEntry['kind']) => list.filter((entry) => entry.kind === kind).length;
    const given = { help: count('help-given'), introductions: count('introduction-made') };
    const received = { help: count('help-received') };
    rows.push({
      person: { id: person.id, name: person.name },
      given,
      received,
      balance: given.help + given.introductions - received.help,
      lastAt: list.at(-1)?.at ?? null,
      entries: target ? list : [],
    });
  }
  return rows.sort(
    (x, y) =>
      y.given.help +
        y.given.introductions +
        y.received.help -
        (x.given.help + x.given.introductions + x.received.help) ||
      x.person.name.localeCompare(y.person.name) ||
      x.person.id - y.person.id,
  );
}

/**
 * Introductions made, each counted once: an introduction's `introduced` step records "introduction made" for
 * both people at the same time with the same summary (one pair of entries); one logged with `tend log` counts
 * once (docs/DECISIONS.md).
 */
export function introductionsMade(entries: readonly LedgerEntry[]): number {
  const fromIntroductions = new Set<string>();
  let logged = 0;
  for (const entry of entries) {
    if (entry.kind !== 'introduction-made') continue;
    if (entry.channel === 'intro') fromIntroductions.add(`${entry.at}\u0000${entry.summary ?? ''}`);
    else logged++;
  }
  return fromIntroductions.size + logged;
}
