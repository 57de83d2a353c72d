import type { LinkedInFormat } from '../../importers/linkedin/linkedin-format.registry.js';
import {
  parseConnectionRow,
  parseContactRow,
  parseHelpRow,
  parseInvitationRow,
  parseMessageRow,
  parseNoteRow,
  parseOwnerHistoryRow,
  parseProfileRow,
} from '../../importers/linkedin/linkedin-row.parsers.js';
import { writeContacts, writeHelp, writeNotes } from './address-book.writer.js';
import { writeConnections } from './connections.writer.js';
import type { FileImportContext } from './file-import.context.js';
import { writeInvitations } from './invitations.writer.js';
import { collectRecords, readRecords, type HeaderInfo } from './linkedin-file.reader.js';
import { writeMessages } from './messages.writer.js';
import { writeOwnerHistory, writeProfile } from './owner-files.writer.js';

/** Reads one recognised LinkedIn file and writes what it holds; the caller owns the transaction. */
export async function importLinkedInFile(
  format: LinkedInFormat,
  bytes: AsyncIterable<Uint8Array>,
  header: HeaderInfo,
  context: FileImportContext,
): Promise<void> {
  const { report, zone } = context;
  switch (format) {
    case 'linkedin-connections': {
      const records = await collectRecords(readRecords(bytes, header, report, parseConnectionRow));
      report.rowsRead += records.length;
      return writeConnections(records, context);
    }
    case 'linkedin-messages':
      return writeMessages(
        readRecords(bytes, header, report, (cells, columns, line) =>
          parseMessageRow(cells, columns, line, zone),
        ),
        context,
      );
    case 'linkedin-invitations':
      return writeInvitations(
        await collectRecords(
          readRecords(bytes, header, report, (cells, columns, line) =>
            parseInvitationRow(cells, columns, line, zone),
          ),
        ),
        context,
      );
    case 'linkedin-profile':
      return writeProfile(await collectRecords(readRecords(bytes, header, report, parseProfileRow)), context);
    case 'linkedin-positions':
    case 'linkedin-education':
    case 'linkedin-events':
      return writeOwnerHistory(
        await collectRecords(
          readRecords(bytes, header, report, (cells, columns, line) =>
            parseOwnerHistoryRow(format, cells, columns, line),
          ),
        ),
        context,
      );
    case 'linkedin-notes':
      return writeNotes(await collectRecords(readRecords(bytes, header, report, parseNoteRow)), context);
    case 'linkedin-contacts':
      return writeContacts(
        await collectRecords(readRecords(bytes, header, report, parseContactRow)),
        context,
      );
    case 'linkedin-recommendations-given':
    case 'linkedin-recommendations-received':
    case 'linkedin-endorsements-given':
    case 'linkedin-endorsements-received':
      return writeHelp(
        await collectRecords(
          readRecords(bytes, header, report, (cells, columns, line) =>
            parseHelpRow(format, cells, columns, line, zone),
          ),
        ),
        context,
      );
  }
}
