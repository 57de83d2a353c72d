import { startOfLocalDate } from '../../domain/time.js';
import { normalizeName } from '../../domain/text-normalization.js';
import { displayName } from '../../domain/person.js';
import type { ConnectionRecord } from '../../importers/linkedin/linkedin.records.js';
import { identitiesOf, personSearchText } from './people-directory.js';
import { WORKSPACE_KEYS, noteExportDate, type FileImportContext } from './file-import.context.js';

/**
 * Connections: one person each, matched by URL, then e-mail, then (across exports, for rows without
 * either) the same normalised name and `Connected On` date. Company and position are kept as observations
 * dated by the export; the current values follow the newest export. People missing from a newer export
 * are marked "no longer connected", never deleted.
 */
export async function writeConnections(
  records: readonly ConnectionRecord[],
  context: FileImportContext,
): Promise<void> {
  const { people, directory, report, totals, zone, now } = context;
  const newestDate = records.reduce(
    (max, record) => (record.connectedOn > max ? record.connectedOn : max),
    '',
  );
  const exportDate = context.exportDate ?? newestDate;
  if (!exportDate) return;
  const exportAt = startOfLocalDate(exportDate, zone);
  const observations: Array<{
    personId: number;
    field: 'company' | 'position';
    value: string;
    seenAt: number;
  }> = [];

  for (const record of records) {
    const identities = identitiesOf(record);
    const connectedAt = startOfLocalDate(record.connectedOn, zone);
    const name = displayName(record.firstName, record.lastName);
    let personId = directory.find(identities);
    if (personId === undefined && identities.length === 0) {
      const sameName = await people.findByNameKey(normalizeName(name));
      personId = sameName.find((person) => person.connectedAt === connectedAt)?.id;
    }
    if (personId === undefined) {
      await directory.create(
        {
          ...record,
          connectedAt,
          connectionState: 'connected',
          lastExportAt: exportAt,
        },
        'linkedin',
      );
      report.imported++;
    } else {
      const existing = await people.findById(personId);
      if (!existing) continue;
      await directory.addIdentities(personId, identities, 'linkedin');
      // An older export read after a newer one adds history but never rolls current values back.
      const fromNewerExport = (existing.lastExportAt ?? 0) <= exportAt;
      const becomesConnected = existing.connectionState === 'not-connected' || fromNewerExport;
      const changed =
        (becomesConnected && existing.connectionState !== 'connected') ||
        (fromNewerExport &&
          (existing.company !== record.company ||
            existing.position !== record.position ||
            existing.name !== name));
      if (changed || (fromNewerExport && existing.lastExportAt !== exportAt)) {
        await people.updateImported(
          personId,
          {
            ...(becomesConnected
              ? { connectionState: 'connected' as const, connectedAt: existing.connectedAt ?? connectedAt }
              : {}),
            ...(fromNewerExport
              ? {
                  firstName: record.firstName,
                  lastName: record.lastName,
                  name,
                  nameKey: normalizeName(name),
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
      if (changed) {
        totals.peopleUpdated++;
        report.imported++;
      } else {
        report.skipped['already imported'] = (report.skipped['already imported'] ?? 0) + 1;
      }
      directory.rememberConnectionName(name, personId);
    }
    const id = personId ?? directory.find(identities);
    if (id === undefined) continue;
    if (record.company)
      observations.push({ personId: id, field: 'company', value: record.company, seenAt: exportAt });
    if (record.position)
      observations.push({ personId: id, field: 'position', value: record.position, seenAt: exportAt });
  }
  await people.addObservations(observations);
  await markMissingConnections(context, exportAt);
  await noteExportDate(context, exportAt);
}

async function markMissingConnections(context: FileImportContext, exportAt: number): Promise<void> {
  const known = Number((await context.workspace.get(WORKSPACE_KEYS.newestConnectionsExport)) ?? 0);
  if (exportAt <= known) return;
  await context.workspace.set(WORKSPACE_KEYS.newestConnectionsExport, String(exportAt));
  if (known === 0) return;
  await context.people.markNoLongerConnected(exportAt, context.now);
}
