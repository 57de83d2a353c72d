import { AppError } from '../domain/errors.js';
import type { TriageInput, TriageResult, TriageVerdict } from '../domain/triage/triage-types.js';
import { TRIAGE_RULES_VERSION, triageInvitation } from '../domain/triage/verdict.js';
import type { RelationshipFacts } from '../domain/relationship-facts.js';
import { hash53 } from '../domain/source-key.js';
import { formatInstant, toLocalDate } from '../domain/time.js';
import { createInvitationRepository, type InvitationRecord } from '../store/invitation.repository.js';
import { createPersonRepository } from '../store/person.repository.js';
import { createTriageResultRepository } from '../store/triage-result.repository.js';
import { createOwnerFactsRepository } from '../store/owner-facts.repository.js';
import { createWorkspaceSettingsRepository } from '../store/workspace-settings.repository.js';
import type { Store } from '../store/store.js';
import { loadInvitationContext, undecidedPending, type InvitationContext } from './invitation-context.js';
import type { RelationshipService, RelationshipView } from './relationship.service.js';

const VERDICTS: readonly TriageVerdict[] = ['accept', 'ask', 'decline'];

export interface TriagedInvitation {
  invitation: InvitationRecord;
  person: { id: number; name: string } | null;
  result: TriageResult;
}

/**
 * `tend triage`: pending incoming invitations with a verdict, its reasons and a drafted reply
 * (docs/rules/invitations.md#triage-command).
 */
export function createTriageService(deps: {
  store: Store;
  relationships: RelationshipService;
  clock: () => number;
}) {
  const { store, relationships } = deps;

  /** Verdicts whose inputs did not change since they were worked out are read, the rest worked out and kept. */
  async function cachedResults(
    inputs: ReadonlyArray<{ invitation: InvitationRecord; input: TriageInput; basis: number }>,
  ): Promise<Map<number, TriageResult>> {
    const repository = createTriageResultRepository(store);
    const stored = await repository.load(inputs.map((entry) => entry.invitation.id));
    const results = new Map<number, TriageResult>();
    const fresh: Array<{ invitationId: number; basis: number; result: string }> = [];
    for (const { invitation, input, basis } of inputs) {
      const known = stored.get(invitation.id);
      if (known?.basis === basis) {
        results.set(invitation.id, JSON.parse(known.result) as TriageResult);
        continue;
      }
      const result = triageInvitation(input);
      results.set(invitation.id, result);
      fresh.push({ invitationId: invitation.id, basis, result: JSON.stringify(result) });
    }
    if (fresh.length > 0) {
      // Kept for the next run when the database is free now; another process's write is not waited for.
      await store
        .transaction((trx) => createTriageResultRepository(trx).save(fresh), { wait: false })
        .catch((error: unknown) => {
          if (!(error instanceof AppError && error.code === 'busy')) throw error;
        });
    }
    return results;
  }

  return {
    /** Reuses the caller's view and invitations when it has them (the agenda), so nothing is read twice. */
    async pending(
      now: number,
      given?: {
        view: RelationshipView;
        invitations: InvitationContext;
        facts: ReadonlyMap<number, RelationshipFacts>;
      },
    ): Promise<TriagedInvitation[]> {
      const view = given?.view ?? (await relationships.view(now));
      const context = given?.invitations ?? (await loadInvitationContext(store, now));
      const invitations = undecidedPending(context, now, view.zone);
      const personIds = [
        ...new Set(
          invitations.flatMap((invitation) => (invitation.personId !== null ? [invitation.personId] : [])),
        ),
      ];
      const facts = given?.facts ?? (await view.facts(personIds));
      const ownerFacts = await createOwnerFactsRepository(store).list();
      const owner = {
        name: (await createWorkspaceSettingsRepository(store).get('owner.name')) ?? null,
        companies: ownerFacts.filter((fact) => fact.kind === 'position').map((fact) => fact.name),
        schools: ownerFacts.filter((fact) => fact.kind === 'education').map((fact) => fact.name),
        events: ownerFacts.filter((fact) => fact.kind === 'event').map((fact) => fact.name),
        headline: ownerFacts.find((fact) => fact.kind === 'profile')?.detail ?? null,
      };
      const addressBook = await createPersonRepository(store).withIdentitySource(
        personIds,
        'linkedin-contacts',
      );
      const inputs = invitations.map((invitation) => {
        const person = invitation.personId !== null ? context.people.get(invitation.personId) : undefined;
        const personFacts = person ? facts.get(person.id) : undefined;
        const input: TriageInput = {
          name: invitation.counterpartName,
          message: invitation.message,
          sentOn: toLocalDate(invitation.sentAt, view.zone),
          owner,
          known: {
            earlierMessages: personFacts?.records ?? 0,
            twoWayExchanges: personFacts?.exchangeCount ?? 0,
            inAddressBook: person ? addressBook.has(person.id) : false,
            inMailOrCalendar: false,
          },
          sender: person ? { company: person.company, position: person.position } : null,
        };
        return { invitation, person, input, basis: hash53(TRIAGE_RULES_VERSION, JSON.stringify(input)) };
      });
      const results = await cachedResults(inputs);
      return inputs
        .map(({ invitation, person }) => ({
          invitation,
          person: person ? { id: person.id, name: person.name } : null,
          result: results.get(invitation.id) as TriageResult,
        }))
        .sort((a, b) => b.result.score - a.result.score || a.invitation.sentAt - b.invitation.sentAt);
    },

    async decide(id: string, verdict: string): Promise<void> {
      if (!/^\d+$/.test(id))
        throw new AppError('usage', `"${id}" is not an invitation id: copy it from \`tend triage\``);
      if (!(VERDICTS as readonly string[]).includes(verdict))
        throw new AppError('usage', `decide accept, ask or decline, not "${verdict}"`);
      const updated = await createInvitationRepository(store).decide(Number(id), verdict, deps.clock());
      if (!updated)
        throw new AppError('not-found', `no invitation ${id}: \`tend triage\` lists the pending ones`);
    },
  };
}

export function triageJson(entry: TriagedInvitation) {
  return {
    id: entry.invitation.id,
    invitation: {
      from: entry.invitation.counterpartName,
      url: entry.invitation.counterpartUrl ? `https://www.${entry.invitation.counterpartUrl}` : null,
      sentAt: formatInstant(entry.invitation.sentAt),
      message: entry.invitation.message,
    },
    person: entry.person,
    verdict: entry.result.verdict,
    score: entry.result.score,
    reasons: entry.result.reasons,
    reply: entry.result.reply,
  };
}

export type TriageService = ReturnType<typeof createTriageService>;
