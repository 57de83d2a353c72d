import { normalizeEmail } from '../domain/identity.js';
import type { StoreContext } from '../store/store.js';
import { createWorkspaceSettingsRepository } from '../store/workspace-settings.repository.js';
import { WORKSPACE_KEYS, type FileImportContext } from './linkedin/file-import.context.js';

/** Workspace key of the owner's addresses tend inferred (a setting given by the user wins over them). */
export const OWNER_EMAILS_KEY = 'owner.emails';

export interface OwnerAddresses {
  addresses: ReadonlySet<string>;
  /** How they were found: the `owner-email` setting, an earlier import's inference, or this file's. */
  from: 'setting' | 'earlier import' | 'inferred' | 'unknown';
}

/** The `owner-email` setting's addresses (comma-separated), normalised; empty when not set. */
export function configuredOwnerEmails(setting: string | null | undefined): string[] {
  return (setting ?? '')
    .split(/[,;\s]+/)
    .map((value) => normalizeEmail(value))
    .filter((value): value is string => value !== null);
}

/**
 * The owner's addresses for a mail or calendar file (docs/rules/calendar.md#owner): the setting, else what an
 * earlier import inferred, else the address `mostFrequent` names (the most frequent sender of a mailbox, the
 * most frequent participant of a calendar), remembered for later imports and said in the report.
 */
export async function ownerAddresses(
  context: FileImportContext,
  mostFrequent: () => string | null,
): Promise<OwnerAddresses> {
  const configured = configuredOwnerEmails(context.ownerEmailSetting);
  if (configured.length > 0) return { addresses: new Set(configured), from: 'setting' };
  const stored = configuredOwnerEmails(await context.workspace.get(OWNER_EMAILS_KEY));
  if (stored.length > 0) return { addresses: new Set(stored), from: 'earlier import' };
  const inferred = mostFrequent();
  if (!inferred) return { addresses: new Set(), from: 'unknown' };
  await context.workspace.set(OWNER_EMAILS_KEY, inferred);
  return { addresses: new Set([inferred]), from: 'inferred' };
}

/** The address counted most often (ties: the first counted), or null when none is counted twice. */
export function mostCounted(counts: ReadonlyMap<string, number>): string | null {
  let best: string | null = null;
  let bestCount = 1;
  for (const [address, count] of counts)
    if (count > bestCount) {
      best = address;
      bestCount = count;
    }
  return best;
}

/** Who imports took as the owner, kept in the database (not a setting): what `tend config` shows when unset. */
export interface DetectedOwner {
  url: string | null;
  name: string | null;
  emails: string[];
}

/**
 * The owner imports detected (docs/rules/identity-and-imports.md#owner): the profile URL from the messages,
 * the name, and the e-mail addresses inferred from mail or calendar files (docs/rules/calendar.md#owner).
 */
export async function detectedOwner(store: StoreContext): Promise<DetectedOwner> {
  const workspace = createWorkspaceSettingsRepository(store);
  const [url, name, emails] = await Promise.all([
    workspace.get(WORKSPACE_KEYS.ownerUrl),
    workspace.get(WORKSPACE_KEYS.ownerName),
    workspace.get(OWNER_EMAILS_KEY),
  ]);
  return {
    url: url ? (url.startsWith('http') ? url : `https://www.${url}`) : null,
    name: name ?? null,
    emails: configuredOwnerEmails(emails),
  };
}
