import { hash53 } from '../../domain/source-key.js';
import { displayName } from '../../domain/person.js';
import type { OwnerHistoryRecord, ProfileRecord } from '../../importers/linkedin/linkedin.records.js';
import { WORKSPACE_KEYS, type FileImportContext } from './file-import.context.js';

/** Profile.csv names the owner (cross-checked with the messages); the owner is never listed among people. */
export async function writeProfile(
  records: readonly ProfileRecord[],
  context: FileImportContext,
): Promise<void> {
  const record = records[0];
  context.report.rowsRead += records.length;
  if (!record) return;
  const name = displayName(record.firstName, record.lastName);
  await context.workspace.set(WORKSPACE_KEYS.ownerName, name);
  const added = await context.ownerFacts.insertMany([
    {
      kind: 'profile',
      name,
      detail: record.headline,
      started: null,
      finished: null,
      sourceKey: hash53('profile', name, record.headline ?? '', record.industry ?? ''),
    },
  ]);
  context.report.imported += added;
}

/** Positions, Education and Events: the owner's own history, for shared-employer and school signals. */
export async function writeOwnerHistory(
  records: readonly OwnerHistoryRecord[],
  context: FileImportContext,
): Promise<void> {
  context.report.rowsRead += records.length;
  const added = await context.ownerFacts.insertMany(
    records.map((record) => ({
      kind: record.kind,
      name: record.name,
      detail: record.detail,
      started: record.started,
      finished: record.finished,
      sourceKey: hash53(
        record.kind,
        record.name,
        record.detail ?? '',
        record.started ?? '',
        record.finished ?? '',
      ),
    })),
  );
  context.report.imported += added;
  const already = records.length - added;
  if (already > 0)
    context.report.skipped['already imported'] = (context.report.skipped['already imported'] ?? 0) + already;
}
