import type { Buffer } from 'node:buffer';
import { AppError } from '../../domain/errors.js';
import { readFileChunks } from '../../importers/file-chunks.js';
import type { ImportEntry } from '../../importers/import-sources.js';
import { automatedReason, isSentLabel } from '../../importers/mail/automated-mail.js';
import { bodyText } from '../../importers/mail/mail-body.js';
import { parseMailHeaders } from '../../importers/mail/mail-headers.js';
import { MailParseError, readEml, readMbox, type RawMessage } from '../../importers/mail/mbox.reader.js';
import { withBulkMemoryPolicy } from '../../runtime/bulk-memory.js';
import { countSkip } from '../import.report.js';
import type { FileImportContext } from '../linkedin/file-import.context.js';
import { mostCounted, ownerAddresses } from '../owner-addresses.js';
import { createMailWriter, type ParsedMessage } from './mail-interactions.writer.js';

export type MailFormat = 'mbox' | 'eml';

/** Part of a mail file's fingerprint: raising it makes an improved reader read old files again. */
export const MAIL_IMPORTER_VERSION = 1;

/** Messages read before the owner is decided, when no setting or earlier import says who it is. */
const OWNER_SAMPLE = 2_000;
/** Body bytes read per message with `--keep-bodies`, and characters of text kept. */
const BODY_BYTES = 256 * 1024;
const BODY_CHARACTERS = 4_000;
/** The importing thread's heap between full collections (docs/PERFORMANCE.md#mbox). */
const HEAP_BUDGET_MB = 48;

/** By name: `*.mbox`, `*.mbx`, and Apple Mail's export, a file named `mbox` in a `NAME.mbox` folder. */
export function mailFormatOfName(path: string): MailFormat | null {
  if (/\.(mbox|mbx)$/i.test(path) || /(^|\/)mbox$/i.test(path)) return 'mbox';
  return /\.eml$/i.test(path) ? 'eml' : null;
}

function chunksOf(entry: ImportEntry): AsyncIterable<Buffer> {
  // A file's chunks come in one reused buffer: the reader copies what it keeps.
  if (entry.source.kind === 'file') return readFileChunks(entry.source.path) as AsyncIterable<Buffer>;
  return {
    [Symbol.asyncIterator]: async function* () {
      yield* (await entry.open()) as AsyncIterable<Buffer>;
    },
  };
}

async function* messagesOf(
  format: MailFormat,
  entry: ImportEntry,
  keepBodies: boolean,
): AsyncGenerator<ParsedMessage> {
  const options = { bodyLimit: keepBodies ? BODY_BYTES : null };
  const raws: AsyncIterable<RawMessage> =
    format === 'mbox'
      ? readMbox(chunksOf(entry), options)
      : (async function* () {
          yield await readEml(chunksOf(entry), options);
        })();
  for await (const raw of raws) {
    const headers = parseMailHeaders(raw.headers);
    const body = raw.body
      ? bodyText(headers.contentType, headers.contentTransferEncoding, raw.body, BODY_CHARACTERS)
      : null;
    yield { headers, line: raw.line, body };
  }
}

/**
 * The owner in a mailbox: the sender of Gmail's "Sent" messages, else the address in the most messages
 * (the owner is in every one of them: "the most frequent sender" of a mailbox of sent mail, the most
 * frequent recipient of an inbox). Lists and robots are left out of the count.
 */
function inferOwner(sample: readonly ParsedMessage[]): string | null {
  const sent = new Map<string, number>();
  const everyone = new Map<string, number>();
  for (const { headers } of sample) {
    if (automatedReason(headers)) continue;
    const from = headers.from?.address;
    if (from && isSentLabel(headers.gmailLabels)) sent.set(from, (sent.get(from) ?? 0) + 2);
    const seen = new Set<string>([
      ...(from ? [from] : []),
      ...[...headers.to, ...headers.cc].map((a) => a.address),
    ]);
    for (const address of seen) everyone.set(address, (everyone.get(address) ?? 0) + 1);
  }
  return mostCounted(sent) ?? mostCounted(everyone);
}

/**
 * Reads one mbox or .eml file and writes its messages in the caller's transaction (docs/rules/mail.md): each
 * message between people is an `email` interaction (direction from the owner's addresses, its thread, its
 * participants); lists, robots, spam and drafts are counted, not stored; bodies only with `--keep-bodies`.
 * The file streams through: memory stays flat whatever its size.
 */
export async function importMailFile(
  format: MailFormat,
  entry: ImportEntry,
  context: FileImportContext,
): Promise<void> {
  const { report } = context;
  const messages = messagesOf(format, entry, context.keepBodies === true);
  const iterator = messages[Symbol.asyncIterator]();
  try {
    await withBulkMemoryPolicy({ heapBudgetMb: HEAP_BUDGET_MB, shortLivedObjects: true }, async (memory) => {
      const sample: ParsedMessage[] = [];
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        sample.push(next.value);
        if (sample.length >= OWNER_SAMPLE) break;
      }
      const owner = await ownerAddresses(context, () => inferOwner(sample));
      // Into an empty table (a first import) the indexes are built after the rows (first-import.ts).
      const suspended = await context.shortcuts.indexesAfterRows(context.interactions);
      const writer = createMailWriter(context, owner.addresses, memory, { storedBefore: suspended === null });
      for (const message of sample) await writer.add(message);
      sample.length = 0;
      for (let next = await iterator.next(); !next.done; next = await iterator.next())
        await writer.add(next.value);
      await writer.flush();
      if (suspended) {
        memory.collect();
        await suspended.restore();
      }
      await writer.finish();
    });
  } catch (error) {
    if (error instanceof MailParseError)
      throw new AppError('bad-input', `line ${error.line}: ${error.message}`);
    throw error;
  } finally {
    await iterator.return?.(undefined);
  }
  if (report.rowsRead === 0) countSkip(report, 'no messages');
}
