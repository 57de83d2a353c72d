import { AppError, isAppError } from '../domain/errors.js';
import { normalizeProfileUrl } from '../domain/identity.js';
import {
  checkInvitationNote,
  draftInvitationNote,
  draftPlaceholderIn,
  type NoteCheck,
  type NoteCheckContext,
} from '../domain/invitation-note.js';
import { namesOrganization } from '../domain/organization-name.js';
import type { Person } from '../domain/person.js';
import { firstNameOf } from '../domain/suggestions.js';
import { collapseWhitespace } from '../domain/text-normalization.js';
import { createOwnerFactsRepository } from '../store/owner-facts.repository.js';
import { createPersonRepository } from '../store/person.repository.js';
import type { Store } from '../store/store.js';
import { createWorkspaceSettingsRepository } from '../store/workspace-settings.repository.js';
import { createLinkedinLimits } from './linkedin-limits.service.js';
import type { PeopleService } from './people.service.js';
import type { SettingsService } from './settings.service.js';

/**
 * LinkedIn's limits for an invitation note (docs/rules/invitations.md#note-limit); the setting replaces 200.
 */
export const INVITATION_NOTE_LIMITS = { free: 200, premium: 300 } as const;

export interface InvitationNoteRequest {
  /** A person in tend (id, profile URL, e-mail, name), or the profile URL of someone not in tend yet. */
  ref: string;
  /** The note to check; without it, tend drafts one. */
  text?: string | undefined;
  premium?: boolean | undefined;
  /** What I know beyond tend: required for someone not in tend yet, else it replaces the stored value. */
  name?: string | undefined;
  company?: string | undefined;
  howMet?: string | undefined;
}

export interface InvitationNoteResult extends NoteCheck {
  drafted: boolean;
  /**
   * The note cannot be sent as it is: longer than the limit, empty, with the draft's placeholder still in
   * it, or to someone already connected (docs/rules/invitations.md#note-check).
   */
  refused: boolean;
  /** They are a connection already: no note was drafted or checked (`text` is empty). */
  alreadyConnected: boolean;
  recipient: { id: number | null; name: string };
}

interface Recipient {
  person: Person | null;
  name: string;
  company: string | null;
  position: string | null;
  howMet: string | null;
  /** Companies they are known to have worked at: now and in earlier exports. */
  companies: string[];
  /** Text that may name a school they went to (their headline, how we met). */
  schoolHints: string[];
}

const clean = (value: string | null | undefined): string | null =>
  value != null && collapseWhitespace(value) !== '' ? collapseWhitespace(value) : null;

const isProfileUrl = (ref: string) => /linkedin\.com\//i.test(ref) || /^https?:\/\//i.test(ref.trim());

/**
 * `tend invite-note`: drafts or checks my own invitation note from what tend knows of the person and of me
 * (shared employer or school from my Positions and Education). It never sends anything.
 */
export function createInvitationNoteService(deps: {
  store: Store;
  people: PeopleService;
  settings: SettingsService;
  clock?: () => number;
}) {
  const { store, people, settings } = deps;
  const clock = deps.clock ?? (() => Date.now());
  const limits = createLinkedinLimits({ store, settings });

  function limitFor(premium: boolean): number {
    if (premium) return INVITATION_NOTE_LIMITS.premium;
    const configured = settings.get('invitation-note-limit');
    return configured !== undefined && /^\d+$/.test(configured) && Number(configured) > 0
      ? Number(configured)
      : INVITATION_NOTE_LIMITS.free;
  }

  async function recipientFor(request: InvitationNoteRequest): Promise<Recipient> {
    let person: Person | null = null;
    try {
      person = await people.resolveRef(request.ref);
    } catch (error) {
      const unknownUrl =
        isAppError(error) &&
        error.code === 'not-found' &&
        isProfileUrl(request.ref) &&
        normalizeProfileUrl(request.ref) !== null;
      if (!unknownUrl) throw error;
    }
    const name = clean(request.name) ?? person?.name ?? null;
    if (name === null) {
      throw new AppError(
        'usage',
        `${request.ref} is not in tend yet: give --name (and --company, --how-met) to draft a note for them`,
      );
    }
    const company = clean(request.company) ?? clean(person?.company);
    const observed = person
      ? (await createPersonRepository(store).listObservations(person.id))
          .filter((row) => row.field === 'company')
          .map((row) => row.value)
      : [];
    const howMet = clean(request.howMet) ?? clean(person?.howMet);
    return {
      person,
      name,
      company,
      position: clean(person?.position),
      howMet,
      companies: [...new Set([company, ...observed].flatMap((value) => clean(value) ?? []))],
      schoolHints: [person?.headline, howMet].flatMap((value) => clean(value) ?? []),
    };
  }

  async function ownerBackground() {
    const facts = await createOwnerFactsRepository(store).list();
    const ownerName = await createWorkspaceSettingsRepository(store).get('owner.name');
    return {
      firstName: clean(ownerName) ? firstNameOf(collapseWhitespace(ownerName ?? '')) : null,
      employers: facts.filter((fact) => fact.kind === 'position').map((fact) => fact.name),
      schools: facts.filter((fact) => fact.kind === 'education').map((fact) => fact.name),
    };
  }

  return {
    limitFor,

    async prepare(request: InvitationNoteRequest): Promise<InvitationNoteResult> {
      const recipient = await recipientFor(request);
      const limit = limitFor(Boolean(request.premium));
      // A connection cannot be invited: said first, nothing drafted, nothing counted against the week.
      if (recipient.person?.connectionState === 'connected')
        return {
          text: '',
          length: 0,
          limit,
          ok: false,
          warnings: [
            `Already connected: you can message ${firstNameOf(recipient.name)} instead of inviting them.`,
          ],
          drafted: false,
          refused: true,
          alreadyConnected: true,
          recipient: { id: recipient.person.id, name: recipient.name },
        };
      const owner = await ownerBackground();
      const sharedEmployer =
        owner.employers.find((employer) =>
          recipient.companies.some((company) => namesOrganization(company, employer)),
        ) ?? null;
      const sharedSchool =
        owner.schools.find((school) =>
          recipient.schoolHints.some((hint) => namesOrganization(hint, school)),
        ) ?? null;
      const context: NoteCheckContext = {
        recipientName: recipient.name,
        limit,
        howMet: recipient.howMet,
        sharedEmployer,
        sharedSchool,
        recipientCompany: recipient.company,
      };
      const drafted = request.text === undefined;
      const text =
        request.text ??
        draftInvitationNote({
          ...context,
          ownerFirstName: owner.firstName,
          recipientPosition: recipient.position,
        });
      const check = checkInvitationNote(text, context);
      const warnings = [...check.warnings];
      const first = firstNameOf(recipient.name);
      if (recipient.person?.doNotContact)
        warnings.push(`${recipient.person.name} is marked do-not-contact (tend set --allow-contact).`);
      // LinkedIn's limits (docs/rules/segments.md#linkedin-limits): the three weeks after a withdrawn
      // invitation refuse; the weekly budget warns near it and refuses over it.
      const now = clock();
      const { block, week } = recipient.person
        ? await limits.forInvitation(recipient.person.id, now)
        : { block: null, week: await limits.weekly(now, 1) };
      if (block)
        warnings.push(
          `You withdrew your invitation to ${first} on ${block.withdrawnOn}: LinkedIn allows a new one from ${block.allowedOn}.`,
        );
      if (week.warning) warnings.push(`${week.warning}.`);
      const refused =
        check.length > limit ||
        text.trim() === '' ||
        draftPlaceholderIn(text) !== null ||
        block !== null ||
        week.over;
      if (!refused && recipient.person)
        await store.transaction((trx) =>
          createLinkedinLimits({ store: trx, settings }).recordDrafted(recipient.person?.id ?? 0, now),
        );
      return {
        ...check,
        ok: warnings.length === 0,
        warnings,
        drafted,
        refused,
        alreadyConnected: false,
        recipient: { id: recipient.person?.id ?? null, name: recipient.name },
      };
    },
  };
}

/** The `invite-note --json` shape. */
export function invitationNoteJson(result: InvitationNoteResult) {
  return {
    // No note for someone already connected (docs/rules/invitations.md#note-check).
    note: result.alreadyConnected ? null : result.text,
    length: result.length,
    limit: result.limit,
    ok: result.ok,
    warnings: result.warnings,
  };
}

export type InvitationNoteService = ReturnType<typeof createInvitationNoteService>;
