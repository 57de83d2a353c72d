import type { StoreContext } from '../../store/store.js';
import { createInteractionRepository } from '../../store/interaction.repository.js';
import { createInvitationRepository } from '../../store/invitation.repository.js';
import { createOwnerFactsRepository } from '../../store/owner-facts.repository.js';
import { createPersonRepository } from '../../store/person.repository.js';
import { createPersonDirectoryRepository } from '../../store/person-directory.repository.js';
import { createPersonMergeRepository } from '../../store/person-merge.repository.js';
import { createWorkspaceSettingsRepository } from '../../store/workspace-settings.repository.js';
import type { FileReport, ImportTotals } from '../import.report.js';
import type { PeopleDirectory } from './people-directory.js';
import type { ImportShortcuts } from '../first-import.js';
import type { NewInteraction } from '../../store/interaction.repository.js';

/** Everything one file's import needs, bound to that file's transaction. */
export interface FileImportContext {
  people: ReturnType<typeof createPersonRepository>;
  directoryEntries: ReturnType<typeof createPersonDirectoryRepository>;
  merges: ReturnType<typeof createPersonMergeRepository>;
  interactions: ReturnType<typeof createInteractionRepository>;
  invitations: ReturnType<typeof createInvitationRepository>;
  ownerFacts: ReturnType<typeof createOwnerFactsRepository>;
  workspace: ReturnType<typeof createWorkspaceSettingsRepository>;
  directory: PeopleDirectory;
  report: FileReport;
  totals: ImportTotals;
  /** Zone for dates written without one. */
  zone: string;
  now: number;
  /** The export's date from the zip name, when known (YYYY-MM-DD). */
  exportDate: string | null;
  ownerUrlSetting: string | null;
  /** The `phone-region` setting: the country of phone numbers written without one (ISO 3166 alpha-2). */
  phoneRegion?: string | null;
  /** The `owner-email` setting (comma-separated addresses), for mail and calendar files. */
  ownerEmailSetting?: string | null;
  /** Mail and calendar files: people for unknown participants (`import --create-people`). */
  createPeople?: boolean;
  /** Mail files: message bodies kept as the interaction's text (`import --keep-bodies`). */
  keepBodies?: boolean;
  /** The run's shortcuts (a first import's; first-import.ts): every interaction is inserted through them. */
  shortcuts: ImportShortcuts;
  /** Times a part of the file's work (`--debug`): the part's name and how long it took. */
  onStep?: (part: string, milliseconds: number) => void;
}

/** Inserts interactions (known source keys are left alone) through the run's shortcuts. */
export async function insertInteractions(
  context: FileImportContext,
  rows: readonly NewInteraction[],
): Promise<void> {
  await context.shortcuts.insert(context.interactions, rows, context.now);
}

export function bindRepositories(store: StoreContext) {
  return {
    people: createPersonRepository(store),
    directoryEntries: createPersonDirectoryRepository(store),
    merges: createPersonMergeRepository(store),
    interactions: createInteractionRepository(store),
    invitations: createInvitationRepository(store),
    ownerFacts: createOwnerFactsRepository(store),
    workspace: createWorkspaceSettingsRepository(store),
  };
}

/** Workspace keys for derived facts (not user settings). */
export const WORKSPACE_KEYS = {
  ownerUrl: 'owner.url',
  ownerName: 'owner.name',
  newestConnectionsExport: 'connections.newest-export',
  newestExport: 'export.newest',
} as const;

/** Remembers the newest export date seen (used by pending invitations and health). */
export async function noteExportDate(context: FileImportContext, instant: number): Promise<void> {
  const known = Number((await context.workspace.get(WORKSPACE_KEYS.newestExport)) ?? 0);
  if (instant > known) await context.workspace.set(WORKSPACE_KEYS.newestExport, String(instant));
}
