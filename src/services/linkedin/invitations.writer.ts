import { normalizeProfileUrl } from '../../domain/identity.js';
import { hash53 } from '../../domain/source-key.js';
import { normalizeName } from '../../domain/text-normalization.js';
import type { InvitationRecord } from '../../importers/linkedin/linkedin.records.js';
import type { NewInvitation } from '../../store/invitation.repository.js';
import { addDays, startOfLocalDate } from '../../domain/time.js';
import { countSkip } from '../import.report.js';
import { OccurrenceCounter } from './occurrence-counter.js';
import { identitiesOf } from './people-directory.js';
import { noteExportDate, type FileImportContext } from './file-import.context.js';

const SAME_INVITATION_WINDOW_MS = 14 * 3_600_000;

const textHash = (message: string | null) => hash53((message ?? '').replace(/\s+/g, ' ').trim());
const contentKey = (direction: string, counterpart: string, hash: number) =>
  `${direction}|${counterpart}|${hash}`;

/**
 * Invitations are stored as they are; whether one was accepted (its counterpart is a connection) and who
 * initiated the connection are derived when read, so files imported in separate runs agree (rules.md).
 * The counterpart is linked to a person when one is known; strangers stay unlinked (no person is created).
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
  const sameContent = new Map<string, number[]>();
  for (const known of existing) {
    const key = contentKey(
      known.direction,
      known.counterpartUrl ?? `name:${normalizeName(known.counterpartName)}`,
      textHash(known.message),
    );
    const times = sameContent.get(key) ?? [];
    times.push(known.sentAt);
    sameContent.set(key, times);
  }

  const rows: NewInvitation[] = [];
  for (const record of records) {
    report.rowsRead++;
    const incoming = record.direction === 'in';
    const name = incoming ? record.fromName : record.toName;
    const url = incoming ? record.inviterUrl : record.inviteeUrl;
    const urn = incoming ? record.inviterUrn : record.inviteeUrn;
    const identities = identitiesOf({ url, urn });
    const personId =
      directory.find(identities) ??
      (identities.length === 0 ? directory.findUniqueConnectionByName(name) : undefined) ??
      null;
    const counterpart = identities[0]?.value ?? `name:${normalizeName(name)}`;
    const messageHash = textHash(record.message);
    const base = hash53('invitation', record.direction, counterpart, record.rawSentAt, messageHash);
    const occurrence = occurrences.next(base);
    const sourceKey = occurrence === 0 ? base : hash53(base, occurrence);
    // The same invitation re-exported in another era: other date format or zone, same content (rules.md).
    const sameElsewhere = (
      sameContent.get(
        contentKey(
          record.direction,
          url ? (normalizeProfileUrl(url) ?? counterpart) : counterpart,
          messageHash,
        ),
      ) ?? []
    ).some((sentAt) => Math.abs(sentAt - record.sentAt) <= SAME_INVITATION_WINDOW_MS);
    if (knownKeys.has(sourceKey) || sameElsewhere) {
      countSkip(report, 'already imported');
      continue;
    }
    rows.push({
      personId,
      counterpartName: name,
      counterpartUrl: url ? normalizeProfileUrl(url) : null,
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
