import { fieldValue, isPlaceholder, nameParts, withoutPlaceholderParts } from '../domain/imported-text.js';
import { displayName } from '../domain/person.js';
import { personNameKey } from '../domain/text-normalization.js';
import { createPersonRepository } from '../store/person.repository.js';
import { createPlaceholderRepairRepository } from '../store/placeholder-repair.repository.js';
import type { StoreContext } from '../store/store.js';
import { createWorkspaceSettingsRepository } from '../store/workspace-settings.repository.js';
import { personSearchText } from './linkedin/people-directory.js';

/** Raise when the placeholders change: stored values are cleaned again by the next import. */
const REPAIR_VERSION = '1';
const REPAIR_KEY = 'imports.placeholders-cleaned';

/**
 * Imports store no placeholder since they clean their fields (domain/imported-text.ts); what earlier imports
 * stored ("Rahul NA", a company "-") is cleaned once, by the next import, before it matches anyone: the
 * name keys of the URL-less eras must be the cleaned ones for a re-import to find the same people
 * (docs/rules/identity-and-imports.md#placeholders).
 */
export async function repairPlaceholders(context: StoreContext, now: number): Promise<number> {
  const workspace = createWorkspaceSettingsRepository(context);
  if ((await workspace.get(REPAIR_KEY)) === REPAIR_VERSION) return 0;
  const repair = createPlaceholderRepairRepository(context);
  const people = createPersonRepository(context);
  let repaired = 0;
  for (const stored of await repair.nameFields()) {
    const parts = nameParts(stored.firstName, stored.lastName);
    const name = displayName(parts.firstName, parts.lastName);
    const company = fieldValue(stored.company);
    const position = fieldValue(stored.position);
    if (name === stored.name && company === stored.company && position === stored.position) continue;
    const identities = await people.listIdentities(stored.id);
    await people.updateImported(
      stored.id,
      {
        ...parts,
        name,
        nameKey: personNameKey(name),
        company,
        position,
        searchText: personSearchText({ name, company, position, identities }),
      },
      now,
    );
    repaired++;
  }
  await repair.deleteObservations((await repair.observationValues()).filter(isPlaceholder));
  for (const invitation of await repair.invitationNames()) {
    const name = withoutPlaceholderParts(invitation.name);
    if (name !== invitation.name) await repair.renameInvitation(invitation.id, name);
  }
  await workspace.set(REPAIR_KEY, REPAIR_VERSION);
  return repaired;
}
