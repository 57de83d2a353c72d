import { Buffer, isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { AppError } from '../../domain/errors.js';
import type { ContactCard } from '../../domain/contact-card.js';
import {
  contactsOfCsv,
  detectContactCsv,
  type ContactCsvFormat,
} from '../../importers/contacts-csv/contact-csv.reader.js';
import { CsvParseError, parseCsvText } from '../../importers/csv/csv.parser.js';
import type { ImportEntry } from '../../importers/import-sources.js';
import { contactOfVCard } from '../../importers/vcard/vcard-contact.mapper.js';
import { VCardParseError, parseVCards } from '../../importers/vcard/vcard.parser.js';
import { createContactCardRepository } from '../../store/contact-card.repository.js';
import type { StoreContext } from '../../store/store.js';
import type { FileImportContext } from '../linkedin/file-import.context.js';
import { writeContactCards } from './contact-cards.writer.js';
import type { ContactPhotos } from './contact-photos.js';

/** Address book formats tend reads; the name is the report's `format`. */
export type ContactFormat = 'vcard' | ContactCsvFormat;

/** Part of a contact file's fingerprint: raising it makes an improved reader read old files again. */
export const CONTACT_IMPORTER_VERSION = 2;

/** A file named like a vCard export (its content decides whether it is one). */
export function contactFormatOfName(path: string): ContactFormat | null {
  return /\.(vcf|vcard)$/i.test(path) ? 'vcard' : null;
}

async function readAll(entry: ImportEntry): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await entry.open()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A contact CSV's text: UTF-16 by its byte order mark, UTF-8 when the bytes are (BOM or not), else the
 * windows-1252 that desktop Outlook writes by default (docs/rules/contacts.md#contact-csv).
 */
function contactCsvText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (isUtf8(bytes)) return new TextDecoder('utf-8').decode(bytes);
  return new TextDecoder('windows-1252').decode(bytes);
}

/** The contact CSV format of a file whose header LinkedIn's registry did not know, or null. */
export async function contactCsvFormatOf(entry: ImportEntry): Promise<ContactCsvFormat | null> {
  const stream = await entry.open();
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size >= 64 * 1024) break;
    }
  } finally {
    stream.destroy();
  }
  const text = contactCsvText(Buffer.concat(chunks));
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const [header] = parseCsvText(firstLine);
  return header ? detectContactCsv(header.cells) : null;
}

function cardsOf(format: ContactFormat, bytes: Buffer): ContactCard[] {
  try {
    if (format === 'vcard') return parseVCards(bytes).map(contactOfVCard);
    return contactsOfCsv(format, parseCsvText(contactCsvText(bytes)));
  } catch (error) {
    if (error instanceof VCardParseError || error instanceof CsvParseError)
      throw new AppError('bad-input', `line ${error.line}: ${error.message}`);
    throw error;
  }
}

/**
 * Reads one address book file and writes its cards in the caller's transaction
 * (docs/rules/contacts.md). A file that is not what its name says, is cut off or binary fails whole, with
 * the line: nothing of it is written.
 */
export async function importContactFile(
  format: ContactFormat,
  entry: ImportEntry,
  context: FileImportContext,
  trx: StoreContext,
  photos: ContactPhotos | null,
): Promise<void> {
  await writeContactCards(cardsOf(format, await readAll(entry)), context, {
    source: format,
    cards: createContactCardRepository(trx),
    photos,
  });
}
