import { findDuplicateCandidates } from '../domain/duplicate-candidates.js';
import { AppError } from '../domain/errors.js';
import { normalizeEmail, normalizeProfileUrl } from '../domain/identity.js';
import { formatInstant } from '../domain/time.js';
import { createDuplicateRepository, pairKey } from '../store/duplicate.repository.js';
import {
  createPersonMergeRecordRepository,
  type MergeEntry,
} from '../store/person-merge-record.repository.js';
import { createPersonMergeRepository } from '../store/person-merge.repository.js';
import type { Store } from '../store/store.js';
import type { PeopleService } from './people.service.js';
import type { RelationshipService } from './relationship.service.js';

export interface PersonBrief {
  id: number;
  name: string;
  company: string | null;
}

export interface DuplicateProposalView {
  a: PersonBrief;
  b: PersonBrief;
  reasons: string[];
}

export interface MergeView {
  merge: number;
  kept: PersonBrief;
  merged: PersonBrief;
  source: string;
  /** When the merge was made (ISO 8601 UTC). */
  at: string;
}

/**
 * One person per real person (docs/rules/identity-and-imports.md#duplicate-proposals): `tend dupes` proposes,
 * `tend merge A B` merges B into A and records it, `tend unmerge REF` gives B back exactly.
 */
export function createPersonMergeService(deps: {
  store: Store;
  people: PeopleService;
  relationships: RelationshipService;
  clock: () => number;
}) {
  const { store, people, relationships, clock } = deps;
  const brief = (person: { id: number; name: string; company: string | null }): PersonBrief => ({
    id: person.id,
    name: person.name,
    company: person.company,
  });
  const viewOf = (entry: MergeEntry, kept: PersonBrief): MergeView => ({
    merge: entry.id,
    kept,
    merged: { id: entry.goneId, name: entry.goneName, company: entry.record.gone.company },
    source: entry.source,
    at: formatInstant(entry.at),
  });

  /** The open merge REF names: the merged-away person's former id, or the latest into the person REF finds. */
  async function mergeNamed(ref: string): Promise<MergeEntry> {
    const records = createPersonMergeRecordRepository(store);
    const open = await records.listOpen();
    const text = ref.trim();
    if (/^\d+$/.test(text)) {
      const byFormerId = open.find((entry) => entry.goneId === Number(text));
      if (byFormerId) return byFormerId;
    }
    const person = await people.resolveRef(text);
    const into = open.filter((entry) => entry.keptId === person.id);
    const identity = text.includes('@') ? normalizeEmail(text) : normalizeProfileUrl(text);
    const chosen =
      (identity && into.find((entry) => entry.record.identities.some((row) => row.value === identity))) ||
      into[0];
    if (!chosen) throw new AppError('not-found', `nobody was merged into ${person.name} (id ${person.id})`);
    return chosen;
  }

  async function undo(entry: MergeEntry): Promise<MergeView> {
    const now = clock();
    const restoredId = await store.transaction(async (trx) => {
      const restored = await createPersonMergeRecordRepository(trx).undo(entry, now);
      await createDuplicateRepository(trx).dismiss(entry.keptId, restored, 'unmerged by the user', now);
      await relationships.markStale(trx);
      return restored;
    });
    const [kept, restored] = [
      await people.resolveRef(String(entry.keptId)),
      await people.resolveRef(String(restoredId)),
    ];
    return { ...viewOf(entry, brief(kept)), merged: brief(restored) };
  }

  return {
    /** Pairs that may be one person, with the reasons; pairs the user dismissed are left out. */
    async dupes(): Promise<DuplicateProposalView[]> {
      const duplicates = createDuplicateRepository(store);
      const [subjects, dismissed] = await Promise.all([duplicates.subjects(), duplicates.dismissedPairs()]);
      const byId = new Map(subjects.map((subject) => [subject.id, subject]));
      return findDuplicateCandidates(subjects)
        .filter((candidate) => !dismissed.has(pairKey(candidate.a, candidate.b)))
        .map((candidate) => {
          const [a, b] = [byId.get(candidate.a), byId.get(candidate.b)] as [
            NonNullable<ReturnType<typeof byId.get>>,
            NonNullable<ReturnType<typeof byId.get>>,
          ];
          return { a: brief(a), b: brief(b), reasons: candidate.reasons };
        });
    },

    /** Says A and B are two people: `dupes` stops proposing them. */
    async dismiss(refA: string, refB: string): Promise<{ a: PersonBrief; b: PersonBrief }> {
      const [a, b] = [await people.resolveRef(refA), await people.resolveRef(refB)];
      if (a.id === b.id) throw new AppError('usage', `${refA} and ${refB} are the same person`);
      await store.transaction((trx) =>
        createDuplicateRepository(trx).dismiss(a.id, b.id, 'dismissed by the user', clock()),
      );
      return { a: brief(a), b: brief(b) };
    },

    /** B becomes part of A: every identity, interaction, note and user value kept; recorded for unmerge. */
    async merge(refA: string, refB: string): Promise<MergeView> {
      const [a, b] = [await people.resolveRef(refA), await people.resolveRef(refB)];
      if (a.id === b.id)
        throw new AppError('usage', `${refA} and ${refB} are already one person (id ${a.id})`);
      const now = clock();
      const id = await store.transaction(async (trx) => {
        const merged = await createPersonMergeRepository(trx).mergeRecorded(a.id, b.id, now, 'user');
        await relationships.markStale(trx);
        return merged;
      });
      if (id === undefined) throw new AppError('not-found', `${b.name} is no longer there to merge`);
      const [entry] = (await createPersonMergeRecordRepository(store).listOpen(a.id)).filter(
        (open) => open.id === id,
      );
      if (!entry) throw new AppError('not-found', `merge ${id} was not recorded`);
      return viewOf(entry, brief((await people.resolveRef(String(a.id))) ?? a));
    },

    /** Undoes a merge exactly; the pair is then no longer proposed as duplicates. */
    async unmerge(ref: string): Promise<MergeView> {
      return undo(await mergeNamed(ref));
    },

    /** Undoes the open merge with this record id (the web UI's Undo; `tend unmerge` names a person). */
    async undoMerge(mergeId: number): Promise<MergeView> {
      const entry = (await createPersonMergeRecordRepository(store).listOpen()).find(
        (open) => open.id === mergeId,
      );
      if (!entry) throw new AppError('not-found', `no merge ${mergeId} to undo`);
      return undo(entry);
    },

    /** Merges not undone, newest first, the user's and the imports'. */
    async merges(): Promise<MergeView[]> {
      const open = await createPersonMergeRecordRepository(store).listOpen();
      const kept = new Map(
        (
          await Promise.all(
            open.map((entry) => people.resolveRef(String(entry.keptId)).catch(() => undefined)),
          )
        )
          .filter((person) => person !== undefined)
          .map((person) => [person.id, brief(person)]),
      );
      return open.map((entry) =>
        viewOf(entry, kept.get(entry.keptId) ?? { id: entry.keptId, name: '(merged again)', company: null }),
      );
    },
  };
}

export type PersonMergeService = ReturnType<typeof createPersonMergeService>;
