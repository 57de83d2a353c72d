import { AppError } from '../../domain/errors.js';
import type { ImportEntry } from '../../importers/import-sources.js';
import { contactOfVCard } from '../../importers/vcard/vcard-contact.mapper.js';
import { VCardParseError, parseVCards } from '../../importers/vcard/vcard.parser.js';
import { createContactCardRepository } from '../../store/contact-card.repository.js';
import type { StoreContext } from '../../store/store.js';
import type { FileImportContext } from '../linkedin/file-import.context.js';
import { writeContactCards } from './contact-cards.writer.js';
import type { ContactPhotos } from './contact-photos.js';

/** Address book formats tend reads; the name is the report's `format`. */
export type ContactFormat = 'vcard';

/** Part of a contact file's fingerprint: raising it makes an improved reader read old files again. */
export const CONTACT_IMPORTER_VERSION = 1;

/** A file named like an address book export (its content decides whether it is one). */
export function contactFormatOfName(path: string): ContactFormat | null {
  return /\.(vcf|vcard)$/i.test(path) ? 'vcard' : null;
}

async function readAll(entry: ImportEntry): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await entry.open()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
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
  const bytes = await readAll(entry);
  let cards;
  try {
    cards = parseVCards(bytes).map(contactOfVCard);
  } catch (error) {
    if (error instanceof VCardParseError)
      throw new AppError('bad-input', `line ${error.line}: ${error.message}`);
    throw error;
  }
  await writeContactCards(cards, context, {
    source: format,
    cards: createContactCardRepository(trx),
    photos,
  });
}
