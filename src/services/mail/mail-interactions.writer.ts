import { normalizeEmail } from '../../domain/identity.js';
import { hash53 } from '../../domain/source-key.js';
import { automatedReason } from '../../importers/mail/automated-mail.js';
import type { MailAddress, MailHeaders } from '../../importers/mail/mail-headers.js';
import type { BulkMemory } from '../../runtime/bulk-memory.js';
import type { NewInteraction } from '../../store/interaction.repository.js';
import { ALREADY_IMPORTED, countSkip } from '../import.report.js';
import { insertInteractions, type FileImportContext } from '../linkedin/file-import.context.js';
import { OccurrenceCounter } from '../linkedin/occurrence-counter.js';

/** One message as the writer takes it: its headers, the line it starts on, its text when bodies are kept. */
export interface ParsedMessage {
  headers: MailHeaders;
  line: number;
  body: string | null;
}

const FLUSH_ROWS = 2_000;
/** Message ids remembered to find a reply's thread when it names only its parent (~100 bytes each). */
const THREAD_MEMORY = 300_000;

export const MAIL_WRITER_SKIPS = {
  noSender: 'no sender',
  noDate: 'no date',
  onlyMe: 'no one but me',
  unknown: 'unknown correspondent (import with --create-people to add them)',
} as const;

function splitName(name: string | null): { firstName: string; lastName: string } {
  const parts = (name ?? '').split(/\s+/).filter(Boolean);
  if (parts[0]?.endsWith(','))
    return { firstName: parts.slice(1).join(' '), lastName: parts[0].slice(0, -1) };
  return { firstName: parts[0] ?? '', lastName: parts.slice(1).join(' ') };
}

/**
 * Messages → `email` interactions (docs/rules/mail.md#messages), written in batches: the person is the
 * sender of a message to me, the recipient of mine to one person; a thread of several people records its
 * members (the facts count each one's exchanges with me, as in LinkedIn's group threads).
 */
export function createMailWriter(
  context: FileImportContext,
  owner: ReadonlySet<string>,
  memory: BulkMemory,
  options: { storedBefore: boolean },
) {
  const { directory, interactions, report, totals } = context;
  const occurrences = new OccurrenceCounter();
  const threadOf = new Map<string, string>();
  /** Known people of threads with more than two participants (warm paths and the facts read them). */
  const groupMembers = new Map<string, Set<number>>();
  let pending: NewInteraction[] = [];
  /** Source keys written by this file: an mbox may hold a message twice (a copy in two folders). */
  const written = new Set<number>();

  async function flush(): Promise<void> {
    if (pending.length === 0) return;
    const rows = pending;
    pending = [];
    // Rows of earlier imports are looked up (by their index); repeats within this file are known here.
    const known = options.storedBefore
      ? await interactions.knownSourceKeys(rows.map((row) => row.sourceKey))
      : new Set<number>();
    const fresh = rows.filter((row) => {
      if (known.has(row.sourceKey) || written.has(row.sourceKey)) return false;
      written.add(row.sourceKey);
      return true;
    });
    for (let index = fresh.length; index < rows.length; index++) countSkip(report, ALREADY_IMPORTED);
    await insertInteractions(context, fresh);
    report.imported += fresh.length;
    totals.interactionsAdded += fresh.length;
    memory.check();
  }

  /** The thread a message belongs to: Gmail's id, else the root its references (or its parent's) name. */
  function threadKey(message: ParsedMessage): string {
    const { headers } = message;
    if (headers.gmailThreadId) return `mail:${hash53('gmail-thread', headers.gmailThreadId)}`;
    const parent = headers.inReplyTo ?? headers.references.at(-1) ?? null;
    const root =
      headers.references[0] ??
      (parent ? (threadOf.get(parent) ?? parent) : null) ??
      headers.messageId ??
      `${headers.subject ?? ''}|${headers.from?.address ?? ''}`;
    if (headers.messageId) {
      if (threadOf.size >= THREAD_MEMORY) threadOf.clear();
      threadOf.set(headers.messageId, root);
    }
    return `mail:${hash53('mail-thread', root)}`;
  }

  async function personOf(address: MailAddress): Promise<number | undefined> {
    const identity = [{ kind: 'email' as const, value: address.address }];
    const found = directory.find(identity);
    if (found !== undefined || !context.createPeople) return found;
    return directory.create({ ...splitName(address.name), email: address.address }, 'mail');
  }

  return {
    async add(message: ParsedMessage): Promise<void> {
      const { headers } = message;
      report.rowsRead++;
      const automated = automatedReason(headers);
      if (automated) return countSkip(report, automated);
      const from = headers.from ? normalizeEmail(headers.from.address) : null;
      if (!from || !headers.from)
        return countSkip(
          report,
          MAIL_WRITER_SKIPS.noSender,
          message.line,
          'a message without a From address',
        );
      if (headers.date === null)
        return countSkip(
          report,
          MAIL_WRITER_SKIPS.noDate,
          message.line,
          `a message without a readable Date ("${headers.dateText ?? ''}")`,
        );
      const mine = owner.has(from);
      const others = new Map<string, MailAddress>();
      if (!mine) others.set(from, headers.from);
      for (const address of [...headers.to, ...headers.cc, ...(mine ? headers.bcc : [])])
        if (!owner.has(address.address) && !others.has(address.address)) others.set(address.address, address);
      // Without known addresses of mine, a message is taken as sent to me by its sender.
      if (owner.size === 0)
        for (const address of [...others.keys()]) if (address !== from) others.delete(address);
      if (others.size === 0) return countSkip(report, MAIL_WRITER_SKIPS.onlyMe);
      const conversationKey = threadKey(message);
      // Without my addresses, the recipients other than me are unknown: the size is everyone addressed.
      const groupSize = owner.size === 0 ? 1 + headers.to.length + headers.cc.length : others.size + 1;
      const people: number[] = [];
      for (const address of others.values()) {
        const id = await personOf(address);
        if (id !== undefined) people.push(id);
      }
      const sender = mine ? undefined : directory.find([{ kind: 'email', value: from }]);
      if (people.length === 0 || (!mine && sender === undefined && others.size === 1))
        return countSkip(report, MAIL_WRITER_SKIPS.unknown);
      const personId = mine ? (others.size === 1 ? (people[0] ?? null) : null) : (sender ?? null);
      if (groupSize > 2) {
        let members = groupMembers.get(conversationKey);
        if (!members) groupMembers.set(conversationKey, (members = new Set()));
        for (const id of people) members.add(id);
      }
      const base = hash53(
        'mail',
        headers.messageId ?? `${headers.dateText ?? ''}|${from}|${headers.subject ?? ''}`,
      );
      const occurrence = headers.messageId ? 0 : occurrences.next(base);
      pending.push({
        personId,
        kind: 'email',
        direction: mine ? 'out' : 'in',
        at: headers.date,
        channel: 'email',
        conversationKey,
        groupSize,
        summary: message.body ? `${headers.subject ?? ''}\n\n${message.body}`.trim() : headers.subject,
        textHash: null,
        skippedReason: null,
        source: 'mail',
        sourceKey: occurrence === 0 ? base : hash53(base, occurrence),
      });
      if (pending.length >= FLUSH_ROWS) await flush();
    },

    flush,

    /** After the last flush (and the indexes built): the group threads' members. */
    async finish(): Promise<void> {
      const rows: Array<{ conversationKey: string; personId: number }> = [];
      for (const [conversationKey, people] of groupMembers)
        for (const personId of people) rows.push({ conversationKey, personId });
      await interactions.addConversationMembers(rows);
    },
  };
}
