import { startOfLocalDate } from '../../domain/time.js';
import { personNameKey } from '../../domain/text-normalization.js';
import { displayName } from '../../domain/person.js';
import type { ConnectionRecord } from '../../importers/linkedin/linkedin.records.js';
import { countSkip } from '../import.report.js';
import { identitiesOf, personSearchText } from './people-directory.js';
import { WORKSPACE_KEYS, noteExportDate, type FileImportContext } from './file-import.context.js';

interface Observation {
  personId: number;
  field: 'company' | 'position';
  value: string;
  seenAt: number;
}

/**
 * Connections: one person each, matched by URL, then e-mail (merging two people that one row's URL and e-mail
 * name), then across exports by the same normalised name and `Connected On` date when no identity tells them
 * apart, then a not-connected person of a name unique in this export whom no identity tells apart (a message
 * sender or contact of this export read before this file, docs/rules/identity-and-imports.md#import-order).
 * Company and position are kept as observations dated by the export; the current values follow the newest
 * export. People missing from a newer export are marked "no longer connected", never deleted.
 */
export async function writeConnections(
  records: readonly ConnectionRecord[],
  context: FileImportContext,
): Promise<void> {
  const { directory, report } = context;
  const newestDate = records.reduce(
    (max, record) => (record.connectedOn > max ? record.connectedOn : max),
    '',
  );
  const exportDate = context.exportDate ?? newestDate;
  if (!exportDate) return;
  const exportAt = startOfLocalDate(exportDate, context.zone);
  // Read after a newer export, whoever this one adds or reconnects was missing from the newer one.
  const newestKnown = Number((await context.workspace.get(WORKSPACE_KEYS.newestConnectionsExport)) ?? 0);
  const state = exportAt < newestKnown ? ('no-longer-connected' as const) : ('connected' as const);
  // A name-only match is allowed only for a name unique in this export
  // (docs/rules/identity-and-imports.md#name-only-records).
  const namesInExport = new Map<string, number>();
  // Each row's name folded once, here.
  const nameKeys = records.map((record) => personNameKey(displayName(record.firstName, record.lastName)));
  for (const key of nameKeys) namesInExport.set(key, (namesInExport.get(key) ?? 0) + 1);
  const observations: Observation[] = [];
  const seenInExport = new Set<number>();
  const unseen = (id: number | undefined) => (id !== undefined && seenInExport.has(id) ? undefined : id);

  for (const [index, record] of records.entries()) {
    const identities = identitiesOf(record);
    const connectedAt = startOfLocalDate(record.connectedOn, context.zone);
    const nameKey = nameKeys[index] ?? '';
    const updatedBefore = context.totals.peopleUpdated;
    let personId = await directory.resolve(identities);
    // By name, never someone an earlier row of this export already is: an export lists a connection once.
    if (personId === undefined)
      personId = unseen(directory.findSameConnection(nameKey, connectedAt, identities));
    if (personId === undefined && namesInExport.get(nameKey) === 1)
      personId = unseen(directory.findUnconnectedSameName(nameKey, identities));
    if (personId === undefined) {
      personId = await directory.create(
        { ...record, connectedAt, connectionState: state, lastExportAt: exportAt },
        'linkedin',
      );
      report.imported++;
    } else {
      await directory.addIdentities(personId, identities, 'linkedin');
      const changed = await updateConnection(personId, record, { connectedAt, exportAt, state }, context);
      // A merge of two people into this one (counted as an update already) also changed something.
      const merged = context.totals.peopleUpdated > updatedBefore;
      if (changed || merged) {
        if (!merged) context.totals.peopleUpdated++;
        report.imported++;
      } else {
        countSkip(report, 'already imported');
      }
    }
    seenInExport.add(personId);
    if (record.company)
      observations.push({ personId, field: 'company', value: record.company, seenAt: exportAt });
    if (record.position)
      observations.push({ personId, field: 'position', value: record.position, seenAt: exportAt });
  }
  await context.people.addObservations(observations);
  await markMissingConnections(context, exportAt);
  await noteExportDate(context, exportAt);
}

/** Updates an existing person from a connection row; true when something the user would see changed. */
async function updateConnection(
  personId: number,
  record: ConnectionRecord,
  seen: { connectedAt: number; exportAt: number; state: 'connected' | 'no-longer-connected' },
  context: FileImportContext,
): Promise<boolean> {
  const { people, directory, now } = context;
  const { connectedAt, exportAt } = seen;
  const existing = await people.findById(personId);
  if (!existing) return false;
  const name = displayName(record.firstName, record.lastName);
  // An older export read after a newer one adds history but never rolls current values back.
  const fromNewerExport = (existing.lastExportAt ?? 0) <= exportAt;
  const becomesConnected = existing.connectionState === 'not-connected' || fromNewerExport;
  const state = becomesConnected ? seen.state : existing.connectionState;
  // The earliest date any export gives (a re-connection shows a later one), whatever the order they come in.
  const since =
    existing.connectedAt === null || connectedAt < existing.connectedAt ? connectedAt : existing.connectedAt;
  const changed =
    state !== existing.connectionState ||
    since !== existing.connectedAt ||
    (fromNewerExport &&
      (existing.company !== record.company ||
        existing.position !== record.position ||
        existing.name !== name));
  if (changed || (fromNewerExport && existing.lastExportAt !== exportAt)) {
    await people.updateImported(
      personId,
      {
        connectionState: state,
        connectedAt: since,
        ...(fromNewerExport
          ? {
              firstName: record.firstName,
              lastName: record.lastName,
              name,
              nameKey: personNameKey(name),
              company: record.company,
              position: record.position,
              lastExportAt: exportAt,
              searchText: personSearchText({
                name,
                company: record.company,
                position: record.position,
                identities: (await people.listIdentities(personId)).map(({ kind, value }) => ({
                  kind,
                  value,
                })),
              }),
            }
          : {}),
      },
      now,
    );
  }
  directory.rememberConnection(personId, fromNewerExport ? name : existing.name, since, state);
  return changed;
}

async function markMissingConnections(context: FileImportContext, exportAt: number): Promise<void> {
  const known = Number((await context.workspace.get(WORKSPACE_KEYS.newestConnectionsExport)) ?? 0);
  if (exportAt <= known) return;
  await context.workspace.set(WORKSPACE_KEYS.newestConnectionsExport, String(exportAt));
  if (known === 0) return;
  await context.people.markNoLongerConnected(exportAt, context.now);
}
