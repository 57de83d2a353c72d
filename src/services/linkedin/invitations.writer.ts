import { normalizeProfileUrl } from '../../domain/identity.js';
import { hash53 } from '../../domain/source-key.js';
import { normalizeName } from '../../domain/text-normalization.js';
import type { InvitationRecord } from '../../importers/linkedin/linkedin.records.js';
import type { NewInvitation } from '../../store/invitation.repository.js';
import { countSkip } from '../import.report.js';
import { identitiesOf } from './people-directory.js';
import { noteExportDate, type FileImportContext } from './file-import.context.js';

const SAME_INVITATION_WINDOW_MS = 14 * 3_600_000;

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
  const exportAt = context.exportDate ? Date.parse(`${context.exportDate}T23:59:59Z`) : newest;
  const occurrences = new Map<number, number>();
  const existing = (await invitations.count()) > 0 ? await invitations.listAll() : [];

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
    const messageHash = hash53((record.message ?? '').replace(/\s+/g, ' ').trim());
    const base = hash53('invitation', record.direction, counterpart, record.rawSentAt, messageHash);
    const occurrence = occurrences.get(base) ?? 0;
    occurrences.set(base, occurrence + 1);
    const sourceKey = occurrence === 0 ? base : hash53(base, occurrence);
    const sameElsewhere = existing.find(
      (known) =>
        known.sourceKey !== sourceKey &&
        known.direction === record.direction &&
        (known.counterpartUrl ?? `name:${normalizeName(known.counterpartName)}`) ===
          (url ? normalizeProfileUrl(url) : counterpart) &&
        hash53((known.message ?? '').replace(/\s+/g, ' ').trim()) === messageHash &&
        Math.abs(known.sentAt - record.sentAt) <= SAME_INVITATION_WINDOW_MS,
    );
    if (existing.some((known) => known.sourceKey === sourceKey) || sameElsewhere) {
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
