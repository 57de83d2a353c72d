import type { Identity } from '../../domain/identity.js';
import { personNameKey } from '../../domain/text-normalization.js';
import { UNMATCHED, countSkip, emptyTotals } from '../import.report.js';
import type { FileImportContext, bindRepositories } from './file-import.context.js';
import { PeopleDirectory } from './people-directory.js';

type Repositories = ReturnType<typeof bindRepositories>;

const HIDDEN_MEMBER = 'linkedin member';

/**
 * After every import run, records stored without a person are linked to the people who became known since
 * (docs/rules/identity-and-imports.md#import-order: the files of one export imported in separate runs, in
 * any order, end as one import would).
 * - Interactions wait under `name:<normalised name>` (2018 messages, name-only recommendations and
 *   endorsements) or `url:<profile URL>` (endorsements of a URL not yet known): a URL links to its person, a
 *   name to the unique connection of that name. One UPDATE per counterpart.
 * - Invitations not linked by URL or URN (`linkPeople`) link like the invitations writer links them: to the
 *   unique connection of that name that has no identity of the invitation's kinds (then it gains them).
 * Usually there is nothing to do but reading the unlinked strangers' invitations.
 */
export async function linkWaitingRecords(
  repositories: Repositories,
  now: number,
  known?: PeopleDirectory,
): Promise<number> {
  const keys = await repositories.interactions.listWaitingCounterparts();
  const invitations = await repositories.invitations.listUnlinked();
  if (keys.length === 0 && invitations.length === 0) return 0;
  const directory = known
    ? known.forFile(repositories, emptyTotals(), now)
    : await PeopleDirectory.load(repositories, emptyTotals(), now);
  let linked = 0;
  for (const key of keys) {
    const personId = key.startsWith('url:')
      ? directory.find([{ kind: 'url', value: key.slice('url:'.length) }])
      : directory.findUniqueConnectionByNameKey(key.slice('name:'.length));
    if (personId !== undefined) linked += await repositories.interactions.assignCounterpart(key, personId);
  }
  for (const invitation of invitations) {
    const identities: Identity[] = [
      ...(invitation.url ? [{ kind: 'url' as const, value: invitation.url }] : []),
      ...(invitation.urn ? [{ kind: 'urn' as const, value: invitation.urn }] : []),
    ];
    const known = directory.find(identities);
    const personId = known ?? directory.findUniqueConnectionWithout(invitation.name, identities);
    if (personId === undefined) continue;
    if (known === undefined) await directory.addIdentities(personId, identities, 'linkedin');
    await repositories.invitations.completeCounterpart(invitation.id, { personId, url: null, urn: null });
    linked++;
  }
  return linked;
}

/** A one-to-one message stored without a person, until the end of the file says who its counterpart is. */
export interface Waiting {
  sourceKey: number;
  line: number;
  name: string;
  /** Written by this run (counted at the end); else stored before and already counted as imported. */
  fresh: boolean;
}

/**
 * One-to-one rows stored without a person (a reply written before the conversation's first identified
 * message: files are newest first) get the conversation's single counterpart, one UPDATE per conversation.
 * Rows left without anyone are name-only records matching no unique connection: reported as unmatched
 * (docs/rules/identity-and-imports.md#name-only-records) and kept, so a re-import knows them and a later run
 * can link them (counterpart-links.writer.ts). A conversation in which nobody is known at all is filed under
 * its counterpart's name for that.
 */
export async function linkWaitingRows(
  context: FileImportContext,
  waiting: ReadonlyMap<string, Waiting[]>,
  conversationPeople: ReadonlyMap<string, ReadonlySet<number>>,
  conversationSize: ReadonlyMap<string, number>,
): Promise<void> {
  const { interactions, report, totals } = context;
  for (const [conversationKey, rows] of waiting) {
    const people = conversationPeople.get(conversationKey);
    const only =
      people?.size === 1 && (conversationSize.get(conversationKey) ?? 2) <= 2 ? [...people][0] : undefined;
    const fresh = rows.filter((row) => row.fresh);
    if (only !== undefined) {
      await interactions.assignPerson(
        only,
        rows.map((row) => row.sourceKey),
      );
      report.imported += fresh.length;
      totals.interactionsAdded += fresh.length;
      continue;
    }
    for (const row of fresh) countSkip(report, UNMATCHED, row.line, `no connection matches "${row.name}"`);
    totals.recordsKept += fresh.length;
    // Nobody in it is known (the no-URL era names the recipients of my messages only in TO): the rows wait
    // for that name, so a Connections.csv read in a later run links them (counterpart-links.writer.ts).
    const names = new Set(rows.map((row) => personNameKey(row.name)));
    const [name] = names;
    // "LinkedIn Member" is LinkedIn's placeholder for a hidden profile, no name to wait for.
    if (
      !people?.size &&
      names.size === 1 &&
      name &&
      name !== HIDDEN_MEMBER &&
      !conversationKey.startsWith('name:')
    )
      await interactions.fileUnderCounterpart(
        `name:${name}`,
        rows.map((row) => row.sourceKey),
      );
  }
}
