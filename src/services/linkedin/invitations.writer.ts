import { normalizeProfileUrl } from '../../domain/identity.js';
import { hash53 } from '../../domain/source-key.js';
import { withoutPlaceholderParts } from '../../domain/imported-text.js';
import { personNameKey } from '../../domain/text-normalization.js';
import type { InvitationRecord } from '../../importers/linkedin/linkedin.records.js';
import type {
  InvitationRecord as StoredInvitation,
  NewInvitation,
} from '../../store/invitation.repository.js';
import { addDays, startOfLocalDate } from '../../domain/time.js';
import { countSkip } from '../import.report.js';
import { OccurrenceCounter } from './occurrence-counter.js';
import { identitiesOf } from './people-directory.js';
import { noteExportDate, type FileImportContext } from './file-import.context.js';

const SAME_INVITATION_WINDOW_MS = 14 * 3_600_000;

const textHash = (message: string | null) => hash53((message ?? '').replace(/\s+/g, ' ').trim());
const contentKey = (direction: string, hash: number) => `${direction}|${hash}`;

interface Counterpart {
  personId: number | null;
  url: string | null;
  nameKey: string;
}

/**
 * The same invitation re-exported in another era (docs/rules/identity-and-imports.md#re-exported-records):
 * same direction, message and time within ±14 h, and the same counterpart: the same person when both are
 * linked, else the same URL, or, where one side has no URL (2018 and the no-URL era wrote names only), the
 * same normalised name.
 */
function sameCounterpart(known: Counterpart, found: Counterpart): boolean {
  if (known.personId !== null && found.personId !== null) return known.personId === found.personId;
  if (known.url !== null && found.url !== null) return known.url === found.url;
  return known.nameKey === found.nameKey;
}

/**
 * Invitations are stored as they are; whether one was accepted (its counterpart is a connection) and who
 * initiated the connection are derived when read, so files imported in separate runs agree
 * (docs/rules/identity-and-imports.md#import-order). The counterpart is linked to a person when one is known;
 * strangers stay unlinked (no person is created). A URL or member URN unknown to tend falls back to the
 * unique connection of that name (then that person gains the identity), as long as the connection has no
 * identity of that kind already.
 */
export async function writeInvitations(
  records: readonly InvitationRecord[],
  context: FileImportContext,
): Promise<void> {
  const { directory, invitations, report, totals } = context;
  const newest = records.reduce((max, record) => Math.max(max, record.sentAt), 0);
  // The end of the export's day where the user lives (its date is local), not in UTC.
  const exportAt = context.exportDate
    ? startOfLocalDate(addDays(context.exportDate, 1), context.zone) - 1
    : newest;
  const occurrences = new OccurrenceCounter();
  const existing = (await invitations.count()) > 0 ? await invitations.listAll() : [];
  // Indexed once: a newer export of 5,000 invitations against 5,000 stored must not compare every pair.
  const knownKeys = new Set(existing.map((known) => known.sourceKey));
  const sameContent = new Map<string, StoredInvitation[]>();
  for (const known of existing) {
    const key = contentKey(known.direction, textHash(known.message));
    const list = sameContent.get(key) ?? [];
    list.push(known);
    sameContent.set(key, list);
  }

  const rows: NewInvitation[] = [];
  for (const record of records) {
    report.rowsRead++;
    const incoming = record.direction === 'in';
    const name = incoming ? record.fromName : record.toName;
    const rawUrl = incoming ? record.inviterUrl : record.inviteeUrl;
    const url = rawUrl ? normalizeProfileUrl(rawUrl) : null;
    const urn = incoming ? record.inviterUrn : record.inviteeUrn;
    const identities = identitiesOf({ url: rawUrl, urn });
    let personId = directory.find(identities) ?? null;
    if (personId === null) {
      personId = directory.findUniqueConnectionWithout(name, identities) ?? null;
      if (personId !== null) await directory.addIdentities(personId, identities, 'linkedin');
    }
    const counterpart = identities[0]?.value ?? `name:${personNameKey(name)}`;
    const messageHash = textHash(record.message);
    const base = hash53('invitation', record.direction, counterpart, record.rawSentAt, messageHash);
    const occurrence = occurrences.next(base);
    const sourceKey = occurrence === 0 ? base : hash53(base, occurrence);
    const found: Counterpart = { personId, url, nameKey: personNameKey(name) };
    // The same invitation re-exported in another era: other date format or zone, same content
    // (docs/rules/identity-and-imports.md#re-exported-records).
    const same = knownKeys.has(sourceKey)
      ? undefined
      : (sameContent.get(contentKey(record.direction, messageHash)) ?? []).find(
          (known) =>
            Math.abs(known.sentAt - record.sentAt) <= SAME_INVITATION_WINDOW_MS &&
            sameCounterpart(
              {
                personId: known.personId,
                url: known.counterpartUrl,
                nameKey: personNameKey(known.counterpartName),
              },
              found,
            ),
        );
    if (knownKeys.has(sourceKey) || same) {
      if (same)
        await invitations.completeCounterpart(same.id, {
          personId,
          url,
          urn: identities.find((identity) => identity.kind === 'urn')?.value ?? null,
        });
      countSkip(report, 'already imported');
      continue;
    }
    rows.push({
      personId,
      counterpartName: withoutPlaceholderParts(name),
      counterpartUrl: url,
      counterpartUrn: identities.find((identity) => identity.kind === 'urn')?.value ?? null,
      direction: record.direction,
      sentAt: record.sentAt,
      message: record.message,
      exportAt,
      sourceKey,
    });
  }
  const added = await invitations.insertMany(rows, context.now);
  report.imported += added;
  totals.invitationsAdded += added;
  await invitations.linkPeople();
  if (exportAt > 0) await noteExportDate(context, exportAt);
}
