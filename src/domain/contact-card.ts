import { regionOfCountry } from './country-region.js';
import { normalizePhone } from './identity.js';

/**
 * A contact as an address book describes it, whatever the format (vCard, Google or Outlook CSV, later an
 * export of tend itself): the one record every contact importer produces and the contact writer stores
 * (docs/rules/contacts.md). Values are as the source wrote them, decoded but not normalised; identities are
 * normalised where they are matched (identity.ts).
 */
export interface ContactCard {
  /** Line of the file where the card (or row) starts, for the report. */
  line: number;
  /** The source's own id of the contact (vCard UID), when it has one: a changed card keeps its record. */
  uid: string | null;
  firstName: string;
  lastName: string;
  /** The name as the source formats it (vCard FN), used when the structured name is empty. */
  formattedName: string;
  nickname: string | null;
  emails: ContactValue[];
  phones: ContactValue[];
  /** Web addresses; LinkedIn profile URLs among them become identities. */
  urls: ContactValue[];
  organization: string | null;
  department: string | null;
  title: string | null;
  birthday: ContactBirthday | null;
  notes: string | null;
  /** Categories or labels, without the sources' system groups ("My Contacts"). */
  tags: string[];
  photo: ContactPhoto | null;
  /** The card describes an organisation, not a person (Apple `X-ABShowAs:COMPANY`). */
  isOrganization: boolean;
  /**
   * The country of its postal address as written (`Sweden`, `SE`, `Deutschland`): the preferred address's,
   * else the first that names one. Its national phones are read in that country
   * (docs/rules/identity-and-imports.md#phones). Absent on cards stored before it was read.
   */
  addressCountry?: string | null;
}

export interface ContactValue {
  value: string;
  /** Lower-case types as written (`work`, `cell`, `pref`, `fax`…). */
  types: string[];
  /** A label the source attached (Apple `X-ABLabel`, Google `… - Label`), decoded (`_$!<HomePage>!$_` → `HomePage`). */
  label: string | null;
}

export interface ContactBirthday {
  /** null: the source gave the day without a year. */
  year: number | null;
  month: number;
  day: number;
}

export type ContactPhoto = { bytes: Uint8Array; mediaType: string } | { url: string };

/** `1980-03-22`, or `--03-22` without a year (the vCard 4.0 form). */
export function formatBirthday(birthday: ContactBirthday): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${birthday.year === null ? '-' : String(birthday.year).padStart(4, '0')}-${pad(birthday.month)}-${pad(birthday.day)}`;
}

/**
 * The cards' phones once per number, by E.164 form where the card's address country or `region` tells it
 * (docs/rules/identity-and-imports.md#phones), each as the first card wrote it: `070-1234567` and
 * `+46 70 123 45 67` are one phone.
 */
function uniquePhones(cards: readonly StoredContactCard[], region: string | null): string[] {
  const all = [
    ...new Set(cards.flatMap((card) => card.phones.filter(isPersonalPhone).map((phone) => phone.value))),
  ];
  // One phone is one already: libphonenumber and the country names are loaded only to compare two or more.
  if (all.length < 2) return all;
  const shown = new Map<string, string>();
  for (const card of cards) {
    const cardRegion = regionOfCountry(card.addressCountry) ?? region;
    for (const phone of card.phones.filter(isPersonalPhone)) {
      const key = normalizePhone(phone.value, cardRegion) ?? phone.value;
      if (!shown.has(key)) shown.set(key, phone.value);
    }
  }
  return [...shown.values()];
}

/** Phone types that never reach a person: a fax or a pager is a machine, often shared. */
export function isPersonalPhone(phone: ContactValue): boolean {
  return !phone.types.some((type) => type === 'fax' || type === 'pager');
}

/** System groups of address books, not the user's own categories. */
const SYSTEM_GROUPS = new Set(['my contacts', 'mycontacts', 'other contacts', 'starred in android']);

export function isSystemGroup(tag: string): boolean {
  return SYSTEM_GROUPS.has(
    tag
      .replace(/^\*\s*/, '')
      .trim()
      .toLowerCase(),
  );
}

export function emptyContactCard(line: number): ContactCard {
  return {
    line,
    uid: null,
    firstName: '',
    lastName: '',
    formattedName: '',
    nickname: null,
    emails: [],
    phones: [],
    urls: [],
    organization: null,
    department: null,
    title: null,
    birthday: null,
    notes: null,
    tags: [],
    photo: null,
    isOrganization: false,
    addressCountry: null,
  };
}

/** A card as stored: the photo replaced by its file in the data folder (or its URL, never fetched). */
export type StoredContactCard = Omit<ContactCard, 'photo'> & {
  photo: { file: string } | { url: string } | null;
};

/** What a person's address book cards say, together (`tend show`; docs/rules/contacts.md#cards). */
export interface AddressBookDetails {
  cards: number;
  /** `1980-03-22` or `--03-22`: the one most cards give. */
  birthday: string | null;
  tags: string[];
  phones: string[];
  /** Web addresses other than the profile URLs (those are identities). */
  urls: string[];
  notes: string[];
  /** Photo files relative to the data folder. */
  photos: string[];
}

/**
 * The cards' values united, each once, in the order the cards were imported; a phone once per number
 * (`region`: the `phone-region` setting, see uniquePhones).
 */
export function addressBookDetails(
  cards: readonly StoredContactCard[],
  region: string | null = null,
): AddressBookDetails | null {
  if (cards.length === 0) return null;
  const unique = (values: Iterable<string>) => [...new Set(values)];
  // Cards can disagree (an old client's placeholder date): the birthday most cards give, the first on a tie.
  const votes = new Map<string, number>();
  for (const card of cards) {
    if (!card.birthday) continue;
    const day = formatBirthday(card.birthday);
    votes.set(day, (votes.get(day) ?? 0) + 1);
  }
  const birthday = [...votes].reduce<[string, number] | null>(
    (best, vote) => (best === null || vote[1] > best[1] ? vote : best),
    null,
  );
  return {
    cards: cards.length,
    birthday: birthday?.[0] ?? null,
    tags: unique(cards.flatMap((card) => card.tags)),
    phones: uniquePhones(cards, region),
    urls: unique(cards.flatMap((card) => card.urls.map((url) => url.value))),
    notes: unique(cards.flatMap((card) => (card.notes ? [card.notes] : []))),
    photos: unique(cards.flatMap((card) => (card.photo && 'file' in card.photo ? [card.photo.file] : []))),
  };
}
