import type { LinkedInFormat } from '../../importers/linkedin/linkedin-format.registry.js';
import type {
  ConnectionRecord,
  ContactRecord,
  HelpRecord,
  InvitationRecord,
  MessageRecord,
  NoteRecord,
  OwnerHistoryRecord,
  ProfileRecord,
} from '../../importers/linkedin/linkedin.records.js';
import { streamRecordBatches, type RecordSource } from '../../importers/linkedin/linkedin-records.stream.js';
import { writeContacts, writeHelp, writeNotes } from './address-book.writer.js';
import { writeConnections } from './connections.writer.js';
import type { FileImportContext } from './file-import.context.js';
import { writeInvitations } from './invitations.writer.js';
import { collectRecords, recordsOf, type HeaderInfo } from './linkedin-file.reader.js';
import { writeMessages } from './messages.writer.js';
import { writeOwnerHistory, writeProfile } from './owner-files.writer.js';

/** Reads one recognised LinkedIn file and writes what it holds; the caller owns the transaction. */
export async function importLinkedInFile(
  format: LinkedInFormat,
  entry: RecordSource,
  header: HeaderInfo,
  context: FileImportContext,
  /** false: parse on this thread (after the parser thread ran out of memory on this file). */
  inWorker: boolean,
  onBytes?: (bytes: number) => void,
): Promise<void> {
  const { report, zone } = context;
  const batches = streamRecordBatches(entry, {
    format,
    header,
    zone,
    worker: inWorker,
    ...(onBytes ? { onBytes } : {}),
  });
  const all = <T>() => collectRecords(recordsOf<T>(batches, report));
  switch (format) {
    case 'linkedin-connections': {
      const records = await all<ConnectionRecord>();
      report.rowsRead += records.length;
      return writeConnections(records, context);
    }
    case 'linkedin-messages':
      return writeMessages(recordsOf<MessageRecord>(batches, report), context);
    case 'linkedin-invitations':
      return writeInvitations(await all<InvitationRecord>(), context);
    case 'linkedin-profile':
      return writeProfile(await all<ProfileRecord>(), context);
    case 'linkedin-positions':
    case 'linkedin-education':
    case 'linkedin-events':
      return writeOwnerHistory(await all<OwnerHistoryRecord>(), context);
    case 'linkedin-notes':
      return writeNotes(await all<NoteRecord>(), context);
    case 'linkedin-contacts':
      return writeContacts(await all<ContactRecord>(), context);
    case 'linkedin-recommendations-given':
    case 'linkedin-recommendations-received':
    case 'linkedin-endorsements-given':
    case 'linkedin-endorsements-received':
      return writeHelp(await all<HelpRecord>(), context);
  }
}
