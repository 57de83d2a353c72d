import { hash53 } from '../../domain/source-key.js';
import { displayName } from '../../domain/person.js';
import type { OwnerHistoryRecord, ProfileRecord } from '../../importers/linkedin/linkedin.records.js';
import { ALREADY_IMPORTED, countSkip } from '../import.report.js';
import { WORKSPACE_KEYS, type FileImportContext } from './file-import.context.js';

/** Profile.csv names the owner (cross-checked with the messages); the owner is never listed among people. */
export async function writeProfile(
  records: readonly ProfileRecord[],
  context: FileImportContext,
): Promise<void> {
  const [record, ...others] = records;
  context.report.rowsRead += records.length;
  // Profile.csv has one row, the owner's; anything after it is not read.
  for (const other of others) countSkip(context.report, 'not the first profile row', other.line);
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
  if (added === 0) countSkip(context.report, ALREADY_IMPORTED);
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
  for (let already = records.length - added; already > 0; already--)
    countSkip(context.report, ALREADY_IMPORTED);
}
