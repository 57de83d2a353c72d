import { normalizeEmail, normalizePhone, type Identity } from '../../domain/identity.js';
import { hash53 } from '../../domain/source-key.js';
import type { ContactRecord, HelpRecord, NoteRecord } from '../../importers/linkedin/linkedin.records.js';
import type { NewInteraction } from '../../store/interaction.repository.js';
import { displayName } from '../../domain/person.js';
import { countSkip } from '../import.report.js';
import { identitiesOf } from './people-directory.js';
import type { FileImportContext } from './file-import.context.js';

/** Notes.csv: the user's own notes on connections, kept beside (never over) notes set in tend. */
export async function writeNotes(records: readonly NoteRecord[], context: FileImportContext): Promise<void> {
  const { directory, people, report, now } = context;
  const notesByPerson = new Map<number, string[]>();
  for (const record of records) {
    report.rowsRead++;
    const name = displayName(record.firstName, record.lastName);
    const personId =
      directory.find(identitiesOf({ url: record.url })) ?? directory.findUniqueConnectionByName(name);
    if (personId === undefined) {
      countSkip(report, 'unmatched', record.line, `no connection matches "${name}"`);
      continue;
    }
    notesByPerson.set(personId, [...(notesByPerson.get(personId) ?? []), record.note]);
  }
  for (const [personId, notes] of notesByPerson) {
    const person = await people.findById(personId);
    const text = notes.join('\n\n');
    if (person?.importedNotes === text) {
      countSkip(report, 'already imported');
      continue;
    }
    await people.updateImported(personId, { importedNotes: text }, now);
    report.imported += notes.length;
  }
}

/**
 * Contacts / Imported Contacts: the address book uploaded to LinkedIn. Identities only, no interactions:
 * e-mails and phones join the person they match; unmatched contacts become not-connected people, which
 * lets triage see "already in your address book".
 */
export async function writeContacts(
  records: readonly ContactRecord[],
  context: FileImportContext,
): Promise<void> {
  const { directory, report } = context;
  for (const record of records) {
    report.rowsRead++;
    const identities: Identity[] = [
      ...record.profiles.flatMap((url) => identitiesOf({ url })),
      ...record.emails.flatMap((raw) => {
        const value = normalizeEmail(raw);
        return value ? [{ kind: 'email' as const, value }] : [];
      }),
    ];
    const phones = record.phones.flatMap((raw) => {
      const value = normalizePhone(raw);
      return value ? [{ kind: 'phone' as const, value }] : [];
    });
    const name = displayName(record.firstName, record.lastName);
    let personId = directory.find([...identities, ...phones]);
    if (personId === undefined && name) personId = directory.findUniqueConnectionByName(name);
    if (personId === undefined) {
      if (identities.length === 0 && phones.length === 0) {
        countSkip(report, 'no identity');
        continue;
      }
      personId = await directory.create(
        {
          firstName: record.firstName,
          lastName: record.lastName,
          email: identities.find((identity) => identity.kind === 'email')?.value ?? null,
          url: identities.find((identity) => identity.kind === 'url')?.value ?? null,
          company: record.company,
          position: record.title,
          connectionState: 'not-connected',
        },
        'linkedin-contacts',
      );
    }
    await directory.addIdentities(personId, [...identities, ...phones], 'linkedin-contacts');
    report.imported++;
  }
}

/**
 * Recommendations (help given/received) and endorsements (weak signals, rules.md): interactions matched by
 * profile URL when the file has one, else by a name unique among connections; unmatched rows are reported.
 */
export async function writeHelp(records: readonly HelpRecord[], context: FileImportContext): Promise<void> {
  const { directory, interactions, report, totals } = context;
  const rows: NewInteraction[] = [];
  const occurrences = new Map<number, number>();
  for (const record of records) {
    report.rowsRead++;
    const name = displayName(record.firstName, record.lastName);
    const identities = identitiesOf({ url: record.url });
    const personId = directory.find(identities) ?? directory.findUniqueConnectionByName(name);
    if (personId === undefined) {
      countSkip(report, 'unmatched', record.line, `no connection matches "${name}"`);
      continue;
    }
    const base = hash53(record.kind, identities[0]?.value ?? name, record.rawDate, hash53(record.text));
    const occurrence = occurrences.get(base) ?? 0;
    occurrences.set(base, occurrence + 1);
    rows.push({
      personId,
      kind: record.kind,
      direction: record.kind.endsWith('given') ? 'out' : 'in',
      at: record.at,
      channel: 'linkedin',
      conversationKey: null,
      groupSize: 2,
      summary: record.kind.startsWith('endorsement')
        ? `endorsement: ${record.text}`
        : record.text.slice(0, 2000),
      textHash: null,
      skippedReason: null,
      source: 'linkedin',
      sourceKey: occurrence === 0 ? base : hash53(base, occurrence),
    });
  }
  const known = await interactions.knownSourceKeys(rows.map((row) => row.sourceKey));
  const fresh = rows.filter((row) => !known.has(row.sourceKey));
  for (let i = fresh.length; i < rows.length; i++) countSkip(report, 'already imported');
  await interactions.insertMany(fresh, context.now);
  report.imported += fresh.length;
  totals.interactionsAdded += fresh.length;
}
