import { createHash } from 'node:crypto';
import { isPersonalPhone, type ContactCard, type StoredContactCard } from '../../domain/contact-card.js';
import { identitiesOfContact } from '../../domain/contact-identities.js';
import type { Identity } from '../../domain/identity.js';
import { displayName } from '../../domain/person.js';
import { personNameKey } from '../../domain/text-normalization.js';
import { hash53 } from '../../domain/source-key.js';
import type { ContactCardRepository, ContactCardRow } from '../../store/contact-card.repository.js';
import { ALREADY_IMPORTED, countSkip } from '../import.report.js';
import type { FileImportContext } from '../linkedin/file-import.context.js';
import { personSearchText } from '../linkedin/people-directory.js';
import type { ContactPhotos } from './contact-photos.js';

export interface ContactWriteOptions {
  /** Which address book format the cards came from (`vcard`); the identity source of what they add. */
  source: string;
  cards: ContactCardRepository;
  /** null: photos are dropped (`import --no-photos`). */
  photos: ContactPhotos | null;
}

/** Skip reasons of contact cards. */
export const NO_IDENTITY = 'no name or identity';
export const ORGANIZATION_CARD = 'organisation card';

function photoDigest(card: ContactCard): string {
  if (!card.photo) return '';
  if ('url' in card.photo) return card.photo.url;
  return createHash('sha1').update(card.photo.bytes).digest('hex');
}

/**
 * The card's content, photo by digest: equal cards hash equal whatever file they came in. A card without an
 * address country hashes as before that field was read, so a re-import does not see every card as changed.
 */
function contentHashOf(card: ContactCard): number {
  const { line: _line, photo: _photo, addressCountry, ...content } = card;
  return hash53(JSON.stringify(addressCountry ? { ...content, addressCountry } : content), photoDigest(card));
}

/**
 * Writes contact cards (docs/rules/contacts.md#cards): each card is found by its source key (the source's
 * UID, else its content, with an occurrence index for exact repeats), so a re-import adds nothing; a new
 * card joins the person its e-mails, LinkedIn URLs or phones find (two people found by e-mail or URL become
 * one), else it makes a not-connected person. A name alone never joins a card to anyone: a same-name pair
 * becomes a duplicate proposal (docs/rules/identity-and-imports.md#duplicate-proposals).
 */
export async function writeContactCards(
  cards: readonly ContactCard[],
  context: FileImportContext,
  options: ContactWriteOptions,
): Promise<void> {
  const { directory, report, now } = context;
  const occurrences = new Map<number, number>();
  const keyed = cards.map((card) => {
    const contentHash = contentHashOf(card);
    const own = ownPersonId(card, directory);
    // tend's UID naming no one here (another installation's id) is no id: the card is keyed by its content.
    const uid = own === null ? null : card.uid;
    const base = hash53('contact-card', options.source, uid ?? String(contentHash));
    const occurrence = occurrences.get(base) ?? 0;
    occurrences.set(base, occurrence + 1);
    return { card, own, contentHash, sourceKey: occurrence === 0 ? base : hash53(base, occurrence) };
  });
  const known = await options.cards.known(keyed.map((entry) => entry.sourceKey));
  const rows: ContactCardRow[] = [];
  const touched = new Map<number, Touched>();
  for (const { card, own, contentHash, sourceKey } of keyed) {
    report.rowsRead++;
    const stored = known.get(sourceKey);
    const wantsPhoto = options.photos !== null && card.photo !== null && 'bytes' in card.photo;
    if (stored?.contentHash === contentHash && (stored.photo !== null || !wantsPhoto)) {
      countSkip(report, ALREADY_IMPORTED);
      continue;
    }
    if (card.isOrganization) {
      countSkip(report, ORGANIZATION_CARD, card.line, 'a card for an organisation, not a person');
      continue;
    }
    const { strong, phones, phoneLookups, phoneNumbers } = identitiesOfContact(
      card,
      context.phoneRegion ?? null,
    );
    const name = displayName(card.firstName, card.lastName);
    if (!name && strong.length === 0 && phones.length === 0) {
      countSkip(report, NO_IDENTITY, card.line, 'a card with no name, e-mail, phone or profile URL');
      continue;
    }
    let personId = stored?.personId ?? own ?? (await findPerson(card, strong, phoneLookups, context));
    if (personId === undefined) {
      // A card with no name is called what the address book shows for it: its nickname, else a phone (an
      // e-mail or URL names it already).
      const fallback = name
        ? ''
        : (card.nickname ?? (strong.length === 0 ? (card.phones.find(isPersonalPhone)?.value ?? '') : ''));
      personId = await directory.create(
        {
          firstName: card.firstName || fallback,
          lastName: card.lastName,
          email: strong.find((identity) => identity.kind === 'email')?.value ?? null,
          url: strong.find((identity) => identity.kind === 'url')?.value ?? null,
          company: card.organization,
          position: card.title,
          connectionState: 'not-connected',
        },
        options.source,
      );
      await directory.addIdentities(personId, [...strong, ...phones], options.source);
    } else {
      const added = await directory.addIdentities(
        personId,
        [...strong, ...directory.phonesNotHeld(personId, phoneNumbers)],
        options.source,
      );
      const seen = touched.get(personId);
      touched.set(personId, {
        organization: seen?.organization ?? card.organization,
        title: seen?.title ?? card.title,
        identitiesAdded: (seen?.identitiesAdded ?? false) || added > 0,
      });
    }
    let photo: StoredContactCard['photo'] = null;
    if (card.photo && 'url' in card.photo) photo = { url: card.photo.url };
    else if (card.photo && options.photos)
      photo = { file: options.photos.save(card.photo.bytes, card.photo.mediaType) };
    const { photo: _bytes, ...rest } = card;
    const storedCard: StoredContactCard = { ...rest, photo };
    rows.push({
      sourceKey,
      personId,
      source: options.source,
      contentHash,
      card: JSON.stringify(storedCard),
      photo: photo && 'file' in photo ? photo.file : null,
      importedAt: now,
    });
    report.imported++;
  }
  await options.cards.saveAll(rows);
  await refreshPeople(touched, context);
}

/**
 * The person the card's e-mails or LinkedIn URLs name (several: they are merged into one), else the one its
 * phone names when nothing contradicts it: the card has no e-mail or URL of a kind the person has, or it
 * bears the person's name (a typo in one e-mail must not split a person; a shared office number must not
 * join two).
 */
async function findPerson(
  card: ContactCard,
  strong: readonly Identity[],
  phones: readonly Identity[],
  context: FileImportContext,
): Promise<number | undefined> {
  const { directory } = context;
  const found = await directory.resolve(strong);
  if (found !== undefined) return found;
  const byPhone = directory.find(phones);
  if (byPhone === undefined) return undefined;
  const contradicted = strong.some((identity) => directory.hasIdentityKind(byPhone, identity.kind));
  const sameName = directory.nameKeyOf(byPhone) === personNameKey(displayName(card.firstName, card.lastName));
  return !contradicted || sameName ? byPhone : undefined;
}

const OWN_UID = /^urn:tend:person:(\d{1,15})$/;

/**
 * The person tend's own vCard UID names (`UID:urn:tend:person:ID`, `tend export --format vcf`): that id when
 * it is a person of this data folder under the card's name, so an export imported back adds no one; null
 * when it names no one here (another installation's ids are other people); undefined for any other UID
 * (docs/rules/identity-and-imports.md#own-vcard-uid).
 */
function ownPersonId(
  card: ContactCard,
  directory: FileImportContext['directory'],
): number | null | undefined {
  const match = card.uid === null ? null : OWN_UID.exec(card.uid.trim());
  if (!match) return undefined;
  const id = Number(match[1]);
  const known = directory.nameKeyOf(id);
  if (known === undefined || known === '') return null;
  const names = [displayName(card.firstName, card.lastName), card.formattedName];
  return names.some((name) => personNameKey(name) === known) ? id : null;
}

/** What the cards of one file brought to a person who existed before them. */
interface Touched {
  organization: string | null;
  title: string | null;
  identitiesAdded: boolean;
}

/**
 * A card's company and title fill what a person lacks; what LinkedIn (or an earlier card) said stays: a
 * connection's profile is fresher than an address book. The search text gains the cards' identities. Done
 * once per file for everyone the cards touched, in a few queries.
 */
async function refreshPeople(touched: ReadonlyMap<number, Touched>, context: FileImportContext) {
  const { people, now, totals } = context;
  if (touched.size === 0) return;
  const ids = [...touched.keys()];
  const identities = new Map<number, Identity[]>();
  for (const { personId, kind, value } of await people.listIdentitiesOf(ids))
    identities.set(personId, [...(identities.get(personId) ?? []), { kind, value }]);
  for (const person of await people.findByIds(ids)) {
    const found = touched.get(person.id);
    if (!found) continue;
    totals.peopleUpdated++;
    const company = person.company ?? found.organization;
    const position = person.position ?? found.title;
    if (company === person.company && position === person.position && !found.identitiesAdded) continue;
    const searchText = personSearchText({
      name: person.name,
      company,
      position,
      identities: identities.get(person.id) ?? [],
    });
    await people.updateImported(person.id, { company, position, searchText }, now);
  }
}
