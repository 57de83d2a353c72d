/**
 * Google Contacts CSV (current and legacy) and Outlook CSV (desktop, Outlook.com, Gmail's "Outlook CSV",
 * German and French titles) → the source-neutral ContactCard (docs/rules/contacts.md#contact-csv). Columns are
 * found by name, never by position: the exports add and drop columns.
 */
import {
  emptyContactCard,
  isSystemGroup,
  type ContactBirthday,
  type ContactCard,
  type ContactValue,
} from '../../domain/contact-card.js';
import type { CsvRow } from '../csv/csv.parser.js';

export type ContactCsvFormat = 'google-csv' | 'outlook-csv';

/** A header cell as compared: trimmed, lower case, quotes and a BOM removed. */
function headerKey(cell: string): string {
  return cell
    .replace(/^\uFEFF/, '')
    .replace(/^"|"$/g, '')
    .trim()
    .toLowerCase();
}

/** Outlook's titles in English, German and French: each field under every name it has. */
const OUTLOOK = {
  first: ['first name', 'vorname', 'prénom'],
  middle: ['middle name', 'weitere vornamen', 'deuxième prénom'],
  last: ['last name', 'nachname', 'nom'],
  company: ['company', 'firma', 'société'],
  department: ['department', 'abteilung', 'service'],
  title: ['job title', 'position', 'fonction'],
  emails: [
    'e-mail address',
    'e-mail 2 address',
    'e-mail 3 address',
    'e-mail-adresse',
    'e-mail 2: adresse',
    'e-mail 3: adresse',
    'adresse de messagerie',
    'adresse de messagerie 2',
    'adresse de messagerie 3',
  ],
  phones: [
    ['mobile phone', 'cell'],
    ['mobiltelefon', 'cell'],
    ['tél. mobile', 'cell'],
    ['téléphone mobile', 'cell'],
    ['business phone', 'work'],
    ['business phone 2', 'work'],
    ['telefon geschäftlich', 'work'],
    ['telefon geschäftlich 2', 'work'],
    ['téléphone bureau', 'work'],
    ['téléphone (bureau)', 'work'],
    ['home phone', 'home'],
    ['home phone 2', 'home'],
    ['telefon privat', 'home'],
    ['telefon privat 2', 'home'],
    ['téléphone domicile', 'home'],
    ['téléphone (domicile)', 'home'],
    ['primary phone', 'pref'],
    ['other phone', 'other'],
    ['car phone', 'car'],
  ] as Array<[string, string]>,
  categories: ['categories', 'kategorien', 'catégories'],
  notes: ['notes', 'notizen'],
  web: ['web page', 'webseite', 'page web'],
  birthday: ['birthday', 'geburtstag', 'anniversaire'],
  countries: [
    'business country/region',
    'home country/region',
    'other country/region',
    'business country',
    'home country',
    'other country',
    'land/region geschäftlich',
    'land/region privat',
    'weiteres land/region',
    'pays/région (bureau)',
    'pays/région (domicile)',
    'pays/région (autre)',
    'pays/région bureau',
    'pays/région domicile',
  ],
} as const;

export function detectContactCsv(header: readonly string[]): ContactCsvFormat | null {
  const keys = new Set(header.map(headerKey));
  const has = (...names: string[]) => names.every((name) => keys.has(name));
  if (has('first name', 'labels', 'e-mail 1 - value') || has('name', 'given name', 'group membership'))
    return 'google-csv';
  if (has('first name', 'last name', 'e-mail address')) return 'outlook-csv';
  if (has('vorname', 'nachname', 'e-mail-adresse')) return 'outlook-csv';
  if (has('prénom', 'nom', 'adresse de messagerie')) return 'outlook-csv';
  return null;
}

interface Columns {
  header: readonly string[];
  /** The first non-empty cell of these names. */
  cell: (row: CsvRow, ...names: string[]) => string;
}

/** Cells by header name; a repeated name (rare) keeps its first column. */
function columnsOf(header: readonly string[]): Columns {
  const index = new Map<string, number>();
  header.forEach((cell, position) => {
    const key = headerKey(cell);
    if (!index.has(key)) index.set(key, position);
  });
  return {
    header,
    cell: (row, ...names) => {
      for (const name of names) {
        const position = index.get(name);
        const value = position === undefined ? undefined : row.cells[position]?.trim();
        if (value) return value;
      }
      return '';
    },
  };
}

/** Google's multi-values: `a@x.jp ::: b@x.jp`. */
const values = (cell: string) =>
  cell
    .split(' ::: ')
    .map((value) => value.trim())
    .filter(Boolean);

/** `1987-10-06`, `--10-06`, `10/6/1987` (M/D/Y, Outlook in English), `6.10.1987` (D.M.Y); `0/0/00` is empty. */
export function parseCsvBirthday(text: string): ContactBirthday | null {
  const value = text.trim();
  const check = (year: number | null, month: number, day: number): ContactBirthday | null =>
    month >= 1 && month <= 12 && day >= 1 && day <= 31 && (year === null || year > 0)
      ? { year, month, day }
      : null;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(value);
  if (match) return check(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^--(\d{2})-?(\d{2})$/.exec(value);
  if (match) return check(null, Number(match[1]), Number(match[2]));
  match = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(value);
  if (match && match[3]?.length === 4) return check(Number(match[3]), Number(match[1]), Number(match[2]));
  match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  if (match) return check(Number(match[3]), Number(match[2]), Number(match[1]));
  return null;
}

/** `* Work` → label `Work`; Google marks the primary value's label with `* `. */
function labelled(value: string, label: string, types: string[] = []): ContactValue {
  const clean = label.replace(/^\*\s*/, '').trim();
  return { value, types: label.startsWith('*') ? [...types, 'pref'] : types, label: clean || null };
}

/** The numbers N of `FIELD N - …` columns in the header (Google's column set grows with the export). */
function numbersOf(header: readonly string[], field: string): number[] {
  const pattern = new RegExp(`^${field} (\\d+) - `);
  const numbers = new Set<number>();
  for (const cell of header) {
    const match = pattern.exec(headerKey(cell));
    if (match) numbers.add(Number(match[1]));
  }
  return [...numbers].sort((a, b) => a - b);
}

function numbered(
  row: CsvRow,
  columns: Columns,
  field: string,
  labelNames: readonly string[],
): ContactValue[] {
  const found: ContactValue[] = [];
  for (const n of numbersOf(columns.header, field)) {
    const label = columns.cell(row, ...labelNames.map((name) => `${field} ${n} - ${name}`));
    const kinds = label.toLowerCase();
    const types = /fax/.test(kinds)
      ? ['fax']
      : /pager/.test(kinds)
        ? ['pager']
        : /mobile/.test(kinds)
          ? ['cell']
          : [];
    for (const item of values(columns.cell(row, `${field} ${n} - value`)))
      found.push(labelled(item, label, types));
  }
  return found;
}

/** `Address N - Country` of the address labelled primary (`* Home`), else the first that names one. */
function googleCountry(row: CsvRow, columns: Columns): string | null {
  let first: string | null = null;
  for (const n of numbersOf(columns.header, 'address')) {
    const country = values(columns.cell(row, `address ${n} - country`))[0];
    if (!country) continue;
    if (columns.cell(row, `address ${n} - label`, `address ${n} - type`).startsWith('*')) return country;
    first ??= country;
  }
  return first;
}

function googleCard(row: CsvRow, columns: Columns): ContactCard {
  const cell = columns.cell;
  const card = emptyContactCard(row.line);
  card.firstName = cell(row, 'first name', 'given name');
  card.lastName = cell(row, 'last name', 'family name');
  card.formattedName =
    cell(row, 'name', 'file as') ||
    [card.firstName, cell(row, 'middle name', 'additional name'), card.lastName].filter(Boolean).join(' ');
  card.nickname = cell(row, 'nickname') || null;
  card.organization = cell(row, 'organization name', 'organization 1 - name') || null;
  card.title = cell(row, 'organization title', 'organization 1 - title') || null;
  card.department = cell(row, 'organization department', 'organization 1 - department') || null;
  card.birthday = parseCsvBirthday(cell(row, 'birthday'));
  card.notes = cell(row, 'notes') || null;
  const photo = cell(row, 'photo');
  if (/^https?:\/\//i.test(photo)) card.photo = { url: photo };
  card.emails = numbered(row, columns, 'e-mail', ['label', 'type']);
  card.phones = numbered(row, columns, 'phone', ['label', 'type']);
  card.urls = numbered(row, columns, 'website', ['label', 'type']);
  card.addressCountry = googleCountry(row, columns);
  card.tags = values(cell(row, 'labels', 'group membership'))
    .map((tag) => tag.replace(/^\*\s*/, ''))
    .filter((tag) => !isSystemGroup(tag));
  return card;
}

function outlookCard(row: CsvRow, columns: Columns): ContactCard {
  const cell = columns.cell;
  const card = emptyContactCard(row.line);
  card.firstName = cell(row, ...OUTLOOK.first);
  card.lastName = cell(row, ...OUTLOOK.last);
  card.formattedName = [card.firstName, cell(row, ...OUTLOOK.middle), card.lastName]
    .filter(Boolean)
    .join(' ');
  card.organization = cell(row, ...OUTLOOK.company) || null;
  card.department = cell(row, ...OUTLOOK.department) || null;
  card.title = cell(row, ...OUTLOOK.title) || null;
  card.birthday = parseCsvBirthday(cell(row, ...OUTLOOK.birthday));
  card.notes = cell(row, ...OUTLOOK.notes) || null;
  card.emails = OUTLOOK.emails.flatMap((name) => {
    const value = cell(row, name);
    return value ? [{ value, types: [], label: null }] : [];
  });
  card.phones = OUTLOOK.phones.flatMap(([name, type]) => {
    const value = cell(row, name);
    return value ? [{ value, types: [type], label: null }] : [];
  });
  card.addressCountry = cell(row, ...OUTLOOK.countries) || null;
  const web = cell(row, ...OUTLOOK.web);
  if (web) card.urls = [{ value: web, types: [], label: null }];
  // Outlook separates categories with `;` (a `,` inside one is kept).
  card.tags = cell(row, ...OUTLOOK.categories)
    .split(';')
    .map((tag) => tag.trim())
    .filter((tag) => tag && !isSystemGroup(tag));
  return card;
}

/** Every data row of the file as a card (`rows[0]` is the header); rows with no cell set are left out. */
export function contactsOfCsv(format: ContactCsvFormat, rows: readonly CsvRow[]): ContactCard[] {
  const [header, ...data] = rows;
  if (!header) return [];
  const columns = columnsOf(header.cells);
  return data
    .filter((row) => row.cells.some((value) => value.trim().length > 0))
    .map((row) => (format === 'google-csv' ? googleCard(row, columns) : outlookCard(row, columns)));
}
