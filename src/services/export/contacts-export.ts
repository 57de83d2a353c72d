import { csvLine } from '../../domain/spreadsheet-csv.js';
import { formatInstant } from '../../domain/time.js';
import { vcardOf, type CardOfPerson } from '../../domain/vcard-writer.js';
import { createDataExportRepository } from '../../store/data-export.repository.js';
import type { Store } from '../../store/store.js';
import type { RelationshipService } from '../relationship.service.js';
import { bufferedSink, type TextSink } from './json-export.js';

interface ExportedPerson extends CardOfPerson {
  headline: string | null;
  circle: string | null;
  howMet: string | null;
  connectionState: string;
  connectedAt: number | null;
  doNotContact: boolean;
  archived: boolean;
}

const listOf = (text: unknown): string[] => {
  try {
    const value: unknown = JSON.parse(String(text));
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
};
const textOf = (value: unknown): string | null =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;

/** Everyone with their identities, in id order (the people table streamed, identities held per person). */
async function* exportedPeople(store: Store): AsyncGenerator<ExportedPerson> {
  const repository = createDataExportRepository(store);
  const identities = new Map<number, { emails: string[]; phones: string[]; urls: string[] }>();
  for await (const row of repository.rows('person_identities', ['kind', 'value'])) {
    const id = Number(row.person_id);
    const entry = identities.get(id) ?? { emails: [], phones: [], urls: [] };
    identities.set(id, entry);
    if (row.kind === 'email') entry.emails.push(String(row.value));
    else if (row.kind === 'phone') entry.phones.push(String(row.value));
    else if (row.kind === 'url') entry.urls.push(String(row.value));
  }
  for await (const row of repository.rows('people', ['id'])) {
    const id = Number(row.id);
    const found = identities.get(id) ?? { emails: [], phones: [], urls: [] };
    yield {
      id,
      firstName: String(row.first_name),
      lastName: String(row.last_name),
      name: String(row.display_name),
      company: textOf(row.company),
      position: textOf(row.position),
      location: textOf(row.location),
      headline: textOf(row.headline),
      ...found,
      tags: listOf(row.tags),
      note: textOf(row.notes) ?? textOf(row.imported_notes),
      circle: textOf(row.circle),
      howMet: textOf(row.how_met),
      connectionState: String(row.connection_state),
      connectedAt: row.connected_at === null ? null : Number(row.connected_at),
      doNotContact: Number(row.do_not_contact) === 1,
      archived: row.archived_at !== null,
    };
  }
}

/** Everyone as vCard 4.0 cards, one file (docs/rules/export.md#vcard). */
export async function writeVcardExport(store: Store, sink: TextSink): Promise<number> {
  let count = 0;
  const out = bufferedSink(sink);
  for await (const person of exportedPeople(store)) {
    await out.write(vcardOf(person));
    count++;
  }
  await out.flush();
  return count;
}

const CSV_HEADER = [
  'id',
  'name',
  'first name',
  'last name',
  'company',
  'position',
  'headline',
  'location',
  'emails',
  'phones',
  'profile urls',
  'circle',
  'tags',
  'how met',
  'notes',
  'connection',
  'connected on',
  'strength',
  'band',
  'do not contact',
  'archived',
];

/** Everyone as spreadsheet-safe CSV with strength and band as of `now` (docs/rules/export.md#csv). */
export async function writeCsvExport(
  store: Store,
  relationships: RelationshipService,
  now: number,
  sink: TextSink,
): Promise<number> {
  const strengths = await relationships.strengths(now);
  let count = 0;
  const out = bufferedSink(sink);
  await out.write(`\uFEFF${csvLine(CSV_HEADER)}`);
  for await (const person of exportedPeople(store)) {
    const strength = strengths.get(person.id);
    await out.write(
      csvLine([
        String(person.id),
        person.name,
        person.firstName,
        person.lastName,
        person.company ?? '',
        person.position ?? '',
        person.headline ?? '',
        person.location ?? '',
        person.emails.join('; '),
        person.phones.join('; '),
        person.urls.map((url) => `https://www.${url}`).join('; '),
        person.circle ?? '',
        person.tags.join('; '),
        person.howMet ?? '',
        person.note ?? '',
        person.connectionState,
        person.connectedAt === null ? '' : formatInstant(person.connectedAt).slice(0, 10),
        strength ? String(strength.score) : '',
        strength?.band ?? '',
        person.doNotContact ? 'yes' : '',
        person.archived ? 'yes' : '',
      ]),
    );
    count++;
  }
  await out.flush();
  return count;
}
