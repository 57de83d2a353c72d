import { normalizeEmail, phoneForms, type Identity } from '../../domain/identity.js';
import { hash53 } from '../../domain/source-key.js';
import { personNameKey } from '../../domain/text-normalization.js';
import type { ContactRecord, HelpRecord, NoteRecord } from '../../importers/linkedin/linkedin.records.js';
import type { NewInteraction } from '../../store/interaction.repository.js';
import { displayName } from '../../domain/person.js';
import { UNMATCHED, countSkip } from '../import.report.js';
import { ADDRESS_BOOK_SOURCE, identitiesOf } from './people-directory.js';
import { insertInteractions, type FileImportContext } from './file-import.context.js';

/** Notes.csv: the user's own notes on connections, kept beside (never over) notes set in tend. */
export async function writeNotes(records: readonly NoteRecord[], context: FileImportContext): Promise<void> {
  const { directory, people, report, now } = context;
  const notesByPerson = new Map<number, string[]>();
  for (const record of records) {
    report.rowsRead++;
    const name = displayName(record.firstName, record.lastName);
    const identities = identitiesOf({ url: record.url });
    const personId = directory.find(identities) ?? directory.findUniqueConnectionWithout(name, identities);
    if (personId === undefined) {
      countSkip(report, UNMATCHED, record.line, `no connection matches "${name}"`);
      continue;
    }
    notesByPerson.set(personId, [...(notesByPerson.get(personId) ?? []), record.note]);
  }
  for (const [personId, notes] of notesByPerson) {
    const person = await people.findById(personId);
    const text = notes.join('\n\n');
    if (person?.importedNotes === text) {
      for (let i = 0; i < notes.length; i++) countSkip(report, 'already imported');
      continue;
    }
    await people.updateImported(personId, { importedNotes: text }, now);
    report.imported += notes.length;
  }
}

/**
 * Contacts / Imported Contacts: the address book uploaded to LinkedIn. Identities only, no interactions:
 * e-mails and phones join the person they match (two people named by one contact's URL and e-mail are one);
 * unmatched contacts become not-connected people, which lets triage see "already in your address book".
 * A contact counts as imported when it added a person or an identity, else as already imported.
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
    // E.164 when the country is known; the lookups add the forms stored before (identity.ts phoneForms).
    const forms = record.phones.map((raw) => phoneForms(raw, context.phoneRegion ?? null) ?? []);
    const phones = forms.flatMap(([value]) => (value ? [{ kind: 'phone' as const, value }] : []));
    const lookups = forms.flat().map((value) => ({ kind: 'phone' as const, value }));
    const name = displayName(record.firstName, record.lastName);
    let personId = await directory.resolve([...identities, ...lookups]);
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
        ADDRESS_BOOK_SOURCE,
      );
      await directory.addIdentities(personId, [...identities, ...phones], ADDRESS_BOOK_SOURCE);
      report.imported++;
      continue;
    }
    const numbers = forms.map((held) => held.map((value) => ({ kind: 'phone' as const, value })));
    const added = await directory.addIdentities(
      personId,
      [...identities, ...directory.phonesNotHeld(personId, numbers)],
      ADDRESS_BOOK_SOURCE,
    );
    if (added > 0) report.imported++;
    else countSkip(report, 'already imported');
  }
}

/**
 * Recommendations (help given/received) and endorsements (weak signals,
 * docs/rules/exchanges-and-strength.md#endorsements): interactions matched by profile URL when the file has
 * one, else by a name unique among connections. A record whose person is not known yet (its file read before
 * Connections.csv, or a name that is not unique) is reported as unmatched and stored without a person,
 * waiting under `url:…` or `name:…` for the person to become known (counterpart-links.writer.ts), so files
 * imported in separate runs in any order give one result.
 */
export async function writeHelp(records: readonly HelpRecord[], context: FileImportContext): Promise<void> {
  const { directory, interactions, report, totals } = context;
  const rows: NewInteraction[] = [];
  const unmatched = new Map<NewInteraction, HelpRecord>();
  const occurrences = new Map<number, number>();
  for (const record of records) {
    report.rowsRead++;
    const name = displayName(record.firstName, record.lastName);
    const identities = identitiesOf({ url: record.url });
    let personId = directory.find(identities);
    if (personId === undefined) {
      personId = directory.findUniqueConnectionWithout(name, identities);
      if (personId !== undefined) await directory.addIdentities(personId, identities, 'linkedin');
    }
    const base = hash53(record.kind, identities[0]?.value ?? name, record.rawDate, hash53(record.text));
    const occurrence = occurrences.get(base) ?? 0;
    occurrences.set(base, occurrence + 1);
    const identity = identities[0];
    const row: NewInteraction = {
      personId: personId ?? null,
      kind: record.kind,
      direction: record.kind.endsWith('given') ? 'out' : 'in',
      at: record.at,
      channel: 'linkedin',
      // Only a record still waiting for its person carries the counterpart it waits for.
      conversationKey:
        personId !== undefined ? null : identity ? `url:${identity.value}` : `name:${personNameKey(name)}`,
      groupSize: 2,
      summary: record.kind.startsWith('endorsement')
        ? `endorsement: ${record.text}`
        : record.text.slice(0, 2000),
      textHash: null,
      skippedReason: null,
      source: 'linkedin',
      sourceKey: occurrence === 0 ? base : hash53(base, occurrence),
    };
    rows.push(row);
    if (personId === undefined) unmatched.set(row, record);
  }
  const known = await interactions.knownSourceKeys(rows.map((row) => row.sourceKey));
  const fresh = rows.filter((row) => !known.has(row.sourceKey));
  for (let i = fresh.length; i < rows.length; i++) countSkip(report, 'already imported');
  await insertInteractions(context, fresh);
  for (const row of fresh) {
    const record = unmatched.get(row);
    if (record) {
      countSkip(
        report,
        UNMATCHED,
        record.line,
        `no connection matches "${displayName(record.firstName, record.lastName)}"`,
      );
      totals.recordsKept++;
      continue;
    }
    report.imported++;
    totals.interactionsAdded++;
  }
}
