import { normalizeProfileUrl } from '../../domain/identity.js';
import { withoutPlaceholderParts } from '../../domain/imported-text.js';
import { hash53 } from '../../domain/source-key.js';
import { personNameKey } from '../../domain/text-normalization.js';
import type { SkipReason } from '../../domain/interaction.js';
import type { MessageRecord } from '../../importers/linkedin/linkedin.records.js';
import type { NewInteraction } from '../../store/interaction.repository.js';
import { detectOwner } from './owner-detection.js';
import {
  WORKSPACE_KEYS,
  insertInteractions,
  noteExportDate,
  type FileImportContext,
} from './file-import.context.js';
import { countSkip } from '../import.report.js';
import { linkWaitingRows, type Waiting } from './counterpart-links.writer.js';
import { OccurrenceCounter } from './occurrence-counter.js';
import { messageKeys } from '../../importers/linkedin/linkedin-row.parsers.js';
import { withBulkMemoryPolicy, type BulkMemory } from '../../runtime/bulk-memory.js';

const OWNER_SAMPLE_ROWS = 5_000;
const FLUSH_ROWS = 2_000;
/** The importing thread's heap between full collections (docs/PERFORMANCE.md#heap-budget). */
const HEAP_BUDGET_MB = 72;
/**
 * The same message re-exported in another era lies within ±14 hours (zone and format changes;
 * docs/rules/identity-and-imports.md#re-exported-records).
 */
const SAME_MESSAGE_WINDOW_MS = 14 * 3_600_000;

function splitName(name: string): { firstName: string; lastName: string } {
  const parts = withoutPlaceholderParts(name).split(/\s+/);
  return { firstName: parts[0] ?? '', lastName: parts.slice(1).join(' ') };
}

/**
 * Messages: direction from the sender URL compared with the owner (or the 2018 Direction column);
 * SPAM, drafts and sponsored InMail are stored flagged as skipped; group threads record their size and
 * members. Source keys come from the logical message, never the file name.
 */
export async function writeMessages(
  batches: AsyncIterable<MessageRecord[]>,
  context: FileImportContext,
): Promise<void> {
  const iterator = batches[Symbol.asyncIterator]();
  try {
    await withBulkMemoryPolicy({ heapBudgetMb: HEAP_BUDGET_MB, shortLivedObjects: true }, (memory) =>
      writeFrom(iterator, context, memory),
    );
  } finally {
    // Stops a parser thread that is still reading when writing fails half-way.
    await iterator.return?.(undefined);
  }
}

async function writeFrom(
  iterator: AsyncIterator<MessageRecord[]>,
  context: FileImportContext,
  memory: BulkMemory,
): Promise<void> {
  const { directory, interactions, report, totals, workspace } = context;
  const started = performance.now();
  const buffered: MessageRecord[][] = [];
  let sampled = 0;
  while (sampled < OWNER_SAMPLE_ROWS) {
    const next = await iterator.next();
    if (next.done) break;
    buffered.push(next.value);
    sampled += next.value.length;
  }

  const profileName = (await workspace.get(WORKSPACE_KEYS.ownerName)) ?? null;
  const storedOwner = (await workspace.get(WORKSPACE_KEYS.ownerUrl)) ?? null;
  const configured = context.ownerUrlSetting ? normalizeProfileUrl(context.ownerUrlSetting) : null;
  const detected = detectOwner(buffered.flat(), profileName, storedOwner);
  const ownerUrl = configured ?? detected?.url ?? storedOwner;
  if (detected && !configured && detected.url !== storedOwner)
    await workspace.set(WORKSPACE_KEYS.ownerUrl, detected.url);
  if (detected?.name && !profileName) await workspace.set(WORKSPACE_KEYS.ownerName, detected.name);
  const ownerNameKey = personNameKey(profileName ?? detected?.name ?? '');

  const hadMessages = !(await interactions.isEmpty());
  // A first import into an empty table builds the indexes after the rows are in (first-import.ts).
  const suspended = await context.shortcuts.indexesAfterRows(interactions);
  const occurrences = new OccurrenceCounter();
  const conversationPeople = new Map<string, Set<number>>();
  const conversationSize = new Map<string, number>();
  /** Profile URLs of every participant of a group thread, silent ones included (resolved at the end). */
  const groupParticipants = new Map<string, Set<string>>();
  /** Rows of `pending` that have no person yet, with what the report needs if none is ever found. */
  const unresolved = new Map<NewInteraction, Waiting>();
  const waiting = new Map<string, Waiting[]>();
  let pending: NewInteraction[] = [];
  let newest = 0;

  /** Writes the pending rows; each row is counted once: already imported, its skip reason, or imported. */
  async function flush(): Promise<void> {
    if (pending.length === 0) return;
    let rows = pending;
    pending = [];
    for (const row of rows) {
      const entry = unresolved.get(row);
      if (!entry || row.conversationKey === null) continue;
      // Rows stored by an earlier run wait too: a re-read links what an older importer left without a person.
      let list = waiting.get(row.conversationKey);
      if (!list) waiting.set(row.conversationKey, (list = []));
      list.push(entry);
    }
    if (hadMessages) rows = await dropKnown(rows, context);
    await insertInteractions(context, rows);
    for (const row of rows) {
      const entry = unresolved.get(row);
      if (row.skippedReason) {
        countSkip(report, row.skippedReason);
        totals.recordsKept++;
      } else if (entry && row.conversationKey !== null) {
        entry.fresh = true;
      } else {
        report.imported++;
        totals.interactionsAdded++;
      }
    }
    unresolved.clear();
    memory.check();
  }

  /**
   * Known people resolve synchronously; only a new person costs a database round trip (a promise). A URL
   * unknown to tend is the unique connection of that name when that connection has no URL yet (the no-URL
   * era's Connections.csv): it gains the URL instead of getting a twin.
   */
  function personByUrl(url: string, rawUrl: string | null, name: string): number | Promise<number> {
    const known = directory.findUrl(url);
    if (known !== undefined) return known;
    const identity = [{ kind: 'url' as const, value: url }];
    const connection = directory.findUniqueConnectionWithout(name, identity);
    if (connection !== undefined)
      return directory.addIdentities(connection, identity, 'linkedin').then(() => connection);
    return directory.create({ ...splitName(name), url: rawUrl }, 'linkedin');
  }

  function personFor(
    record: MessageRecord,
    direction: 'in' | 'out',
    others: readonly string[],
  ): number | null | Promise<number> {
    if (direction === 'in') {
      const url = record.senderKey;
      if (url) return personByUrl(url, record.senderUrl, record.fromName);
      return directory.findUniqueConnectionByName(record.fromName) ?? null;
    }
    const only = others[0];
    if (others.length === 1 && only && record.recipientUrls.length > 0) {
      const rawUrl = record.recipientUrls[record.recipientKeys.indexOf(only)] ?? null;
      return personByUrl(only, rawUrl, record.toNames);
    }
    if (others.length > 1) return null;
    const byName = directory.findUniqueConnectionByName(record.toNames);
    if (byName !== undefined) return byName;
    const known = conversationPeople.get(conversationKeyOf(record));
    return known?.size === 1 ? ([...known][0] ?? null) : null;
  }

  function conversationKeyOf(record: MessageRecord): string {
    if (record.conversationId) return record.conversationId;
    const counterpart = record.direction === 'out' ? record.toNames : record.fromName;
    return `name:${personNameKey(counterpart)}`;
  }

  /** Per row; returns a promise only when it must wait (a new person, a flush), so most rows cost no await. */
  function handle(record: MessageRecord): Promise<void> | undefined {
    report.rowsRead++;
    if (record.at > newest) newest = record.at;
    const sender = record.senderKey;
    const direction: 'in' | 'out' =
      record.direction ??
      (sender && ownerUrl
        ? sender === ownerUrl
          ? 'out'
          : 'in'
        : personNameKey(record.fromName) === ownerNameKey
          ? 'out'
          : 'in');
    // The other participants, each once: a short list (a million rows: no Set per row).
    const others: string[] = [];
    if (sender && sender !== ownerUrl) others.push(sender);
    for (const url of record.recipientKeys)
      if (url && url !== ownerUrl && !others.includes(url)) others.push(url);
    const conversationKey = conversationKeyOf(record);
    const groupSize = Math.max(others.length + 1, conversationSize.get(conversationKey) ?? 2);
    conversationSize.set(conversationKey, groupSize);

    const skippedReason: SkipReason | null =
      record.skip ?? (direction === 'in' && record.unsignedInMail ? 'sponsored' : null);
    if (!skippedReason && others.length > 1) {
      let participants = groupParticipants.get(conversationKey);
      if (!participants) groupParticipants.set(conversationKey, (participants = new Set()));
      for (const url of others) participants.add(url);
    }

    // A skipped message creates no person, but is linked to one already known: prune counts "messages in
    // any folder" (docs/rules/identity-and-imports.md#skipped-messages).
    const person = skippedReason
      ? sender && direction === 'in'
        ? (directory.findUrl(sender) ?? null)
        : null
      : personFor(record, direction, others);
    if (person instanceof Promise)
      return person.then((id) => complete(record, id, direction, conversationKey, groupSize, skippedReason));
    return complete(record, person, direction, conversationKey, groupSize, skippedReason);
  }

  function complete(
    record: MessageRecord,
    personId: number | null,
    direction: 'in' | 'out',
    conversationKey: string,
    groupSize: number,
    skippedReason: SkipReason | null,
  ): Promise<void> | undefined {
    if (personId !== null && !skippedReason) {
      let members = conversationPeople.get(conversationKey);
      if (!members) conversationPeople.set(conversationKey, (members = new Set()));
      members.add(personId);
    }

    const { textHash, sourceBase: base } = messageKeys(record);
    const occurrence = occurrences.next(base);
    const row: NewInteraction = {
      personId,
      kind: 'message',
      direction,
      at: record.at,
      channel: 'linkedin',
      conversationKey,
      groupSize,
      summary: record.summary,
      textHash,
      skippedReason,
      source: 'linkedin',
      sourceKey: occurrence === 0 ? base : hash53(base, occurrence),
      closer: record.closer,
    };
    pending.push(row);
    if (personId === null && !skippedReason && groupSize <= 2)
      unresolved.set(row, {
        sourceKey: row.sourceKey,
        line: record.line,
        name: direction === 'out' ? record.toNames : record.fromName,
        fresh: false,
      });
    return pending.length >= FLUSH_ROWS ? flush() : undefined;
  }

  for (const batch of buffered) {
    for (const record of batch) {
      const waitingFor = handle(record);
      if (waitingFor) await waitingFor;
    }
  }
  buffered.length = 0;
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    for (const record of next.value) {
      const waitingFor = handle(record);
      if (waitingFor) await waitingFor;
    }
  }
  await flush();
  context.onStep?.('rows', performance.now() - started);
  if (suspended) {
    const building = performance.now();
    // The rows' garbage goes before SQLite's index sorter takes its memory: that was the import's peak.
    memory.collect();
    await suspended.restore();
    context.onStep?.('indexes', performance.now() - building);
  }

  await linkWaitingRows(context, waiting, conversationPeople, conversationSize);
  const members: Array<{ conversationKey: string; personId: number }> = [];
  for (const [conversationKey, urls] of groupParticipants) {
    let people = conversationPeople.get(conversationKey);
    if (!people) conversationPeople.set(conversationKey, (people = new Set()));
    // Silent participants who are known people: the thread shows for everyone in it
    // (docs/rules/exchanges-and-strength.md#group-threads).
    for (const url of urls) {
      const id = directory.findUrl(url);
      if (id !== undefined) people.add(id);
    }
  }
  for (const [conversationKey, people] of conversationPeople) {
    if ((conversationSize.get(conversationKey) ?? 2) <= 2) continue;
    for (const personId of people) members.push({ conversationKey, personId });
  }
  await interactions.addConversationMembers(members);
  if (newest > 0) await noteExportDate(context, newest);
}

/**
 * Drops rows already stored: the same source key, or the same message exported in another era (same
 * person, direction and plain-text hash within ±14 hours), keeping the more precise UTC time.
 */
async function dropKnown(rows: NewInteraction[], context: FileImportContext): Promise<NewInteraction[]> {
  const { interactions, report } = context;
  const known = await interactions.knownSourceKeys(rows.map((row) => row.sourceKey));
  const fresh = rows.filter((row) => {
    if (!known.has(row.sourceKey)) return true;
    countSkip(report, 'already imported');
    return false;
  });
  if (fresh.length === 0) return fresh;
  const kept: NewInteraction[] = [];
  for (const row of fresh) {
    const near = await interactions.findNear(
      row.personId,
      row.direction,
      row.at - SAME_MESSAGE_WINDOW_MS,
      row.at + SAME_MESSAGE_WINDOW_MS,
    );
    const match = near.find((existing) => existing.textHash === row.textHash);
    if (!match) {
      kept.push(row);
      continue;
    }
    countSkip(report, 'already imported');
    // Whole-minute local times (2018) are less precise than second-precision UTC stamps (2021+).
    if (row.at % 60_000 !== 0 && match.at % 60_000 === 0) await interactions.updateTime(match.id, row.at);
  }
  return kept;
}
