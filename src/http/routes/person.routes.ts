import { z } from 'zod';
import type { App } from '../../app.js';
import { CIRCLES, type Person } from '../../domain/person.js';
import type { PersonEdits } from '../../domain/person-edits.js';
import { formatInstant, toLocalDate } from '../../domain/time.js';
import { defineRoute } from '../api-route.js';
import { band, day, idParam, instant, instantOrNull, personRef } from '../api-schemas.js';

const TIMELINE_DEFAULT = 200;

const interaction = z.object({
  id: z.number().int(),
  kind: z.string(),
  direction: z.enum(['in', 'out', 'both']),
  at: instant,
  channel: z.string(),
  groupSize: z.number().int(),
  summary: z.string().nullable(),
  skipped: z.string().nullable(),
  logged: z.boolean().describe('logged by the user (can be removed), not imported'),
});

const userFields = {
  circle: z.string().nullable(),
  tags: z.array(z.string()),
  needs: z.array(z.string()),
  offers: z.array(z.string()),
  goals: z.array(z.string()),
  howMet: z.string().nullable(),
  notes: z.string().nullable(),
  doNotContact: z.boolean(),
};

const profile = z.object({
  id: z.number().int(),
  name: z.string(),
  company: z.string().nullable(),
  position: z.string().nullable(),
  headline: z.string().nullable(),
  location: z.string().nullable(),
  emails: z.array(z.string()),
  urls: z.array(z.string()),
  strength: z.number(),
  band,
  strengthReasons: z.array(z.object({ component: z.string(), points: z.number(), text: z.string() })),
  state: z.string(),
  keepInTouchDue: day.nullable(),
  connectionState: z.string(),
  connectedAt: instant.nullable(),
  initiatedBy: z.string().nullable(),
  ...userFields,
  importedNotes: z.string().nullable(),
  archived: z.boolean(),
  possibleDuplicates: z.array(z.object({ id: z.number().int(), name: z.string(), reason: z.string() })),
  today: day.describe("today in the data folder's time zone"),
  agenda: z.array(
    z.object({ id: z.string(), kind: z.string(), due: day, reason: z.string(), suggestion: z.string() }),
  ),
  lastInteractionAt: instant.nullable(),
  timeline: z.array(interaction),
  timelineTotal: z.number().int(),
});

const text = z.string().max(4000);
const list = z.array(z.string().max(500)).max(100);

/** What the page sends: each field replaces what is stored; a field left out stays as it is. */
const edits = z
  .object({
    circle: z.enum(CIRCLES).nullable(),
    tags: list,
    needs: list,
    offers: list,
    goals: list,
    howMet: text.nullable(),
    notes: text.nullable(),
    doNotContact: z.boolean(),
  })
  .partial()
  .strict();

/** A replaced list as the additions and removals `tend set` takes (person-edits.ts checks and words them). */
function listEdits(current: readonly string[], next: readonly string[] | undefined) {
  if (next === undefined) return { add: undefined, remove: undefined };
  const kept = new Set(next);
  const had = new Set(current);
  const remove = current.filter((value) => !kept.has(value));
  const add = next.filter((value) => !had.has(value));
  return { add: add.length ? add : undefined, remove: remove.length ? remove : undefined };
}

function personEdits(person: Person, body: z.infer<typeof edits>): PersonEdits {
  const tags = listEdits(person.tags, body.tags);
  const needs = listEdits(person.needs, body.needs);
  const offers = listEdits(person.offers, body.offers);
  const goals = listEdits(person.goals, body.goals);
  const same = (a: string | null, b: string | null | undefined) =>
    b === undefined || (b?.trim() || null) === a ? undefined : b?.trim() || null;
  return {
    circle: body.circle === undefined || body.circle === person.circle ? undefined : body.circle,
    tags: tags.add,
    removeTags: tags.remove,
    needs: needs.add,
    removeNeeds: needs.remove,
    offers: offers.add,
    removeOffers: offers.remove,
    goals: goals.add,
    removeGoals: goals.remove,
    howMet: same(person.howMet, body.howMet),
    notes: same(person.notes, body.notes),
    doNotContact: body.doNotContact === person.doNotContact ? undefined : body.doNotContact,
  };
}

/** One person: `tend show` (details, strength with reasons, timeline), `tend set` and `tend log`. */
export function personRoutes(app: App) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/people/:id',
      tag: 'people',
      summary:
        'one person: details, strength with its reasons, state, open agenda items, timeline (newest first)',
      params: idParam,
      query: z.object({
        timeline: z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).optional(),
      }),
      response: profile,
      async handle({ params, query }) {
        const now = app.clock();
        const { details, strength, state, keepInTouchDue, timeline, last, agenda, zone } =
          await app.profiles.profile(String(params.id), now);
        const { person, identities } = details;
        const shown = timeline.slice(0, query.timeline ?? TIMELINE_DEFAULT);
        return {
          id: person.id,
          name: person.name,
          company: person.company,
          position: person.position,
          headline: person.headline,
          location: person.location,
          emails: identities.filter((entry) => entry.kind === 'email').map((entry) => entry.value),
          urls: identities
            .filter((entry) => entry.kind === 'url')
            .map((entry) => `https://www.${entry.value}`),
          strength: strength.score,
          band: strength.band,
          strengthReasons: strength.reasons,
          state,
          keepInTouchDue,
          connectionState: person.connectionState,
          connectedAt: instantOrNull(person.connectedAt),
          initiatedBy: details.initiatedBy,
          circle: person.circle,
          tags: person.tags,
          needs: person.needs,
          offers: person.offers,
          goals: person.goals,
          howMet: details.howMet,
          notes: person.notes,
          importedNotes: person.importedNotes,
          doNotContact: person.doNotContact,
          archived: person.archivedAt !== null,
          possibleDuplicates: details.possibleDuplicates.map((entry) => ({
            id: entry.otherId,
            name: entry.otherName,
            reason: entry.reason,
          })),
          today: toLocalDate(now, zone),
          agenda: agenda.map((entry) => ({
            id: entry.id,
            kind: entry.kind,
            due: entry.due,
            reason: entry.reason,
            suggestion: entry.suggestion,
          })),
          lastInteractionAt: instantOrNull(last?.at),
          timeline: shown.map((entry) => ({
            id: entry.id,
            kind: entry.kind,
            direction: entry.direction,
            at: formatInstant(entry.at),
            channel: entry.channel,
            groupSize: entry.groupSize,
            summary: entry.summary,
            skipped: entry.skippedReason,
            logged: entry.source === 'user',
          })),
          timelineTotal: timeline.length,
        };
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/api/people/:id',
      tag: 'people',
      summary: 'edit what you know about a person (as `tend set`); imports never overwrite it',
      params: idParam,
      body: edits,
      response: z.object({
        id: z.number().int(),
        name: z.string(),
        changes: z.array(z.string()),
        ...userFields,
      }),
      async handle({ params, body }) {
        const current = await app.people.resolveRef(String(params.id));
        const planned = personEdits(current, body);
        const nothing = Object.values(planned).every((value) => value === undefined);
        const { person, changes } = nothing
          ? { person: current, changes: [] }
          : await app.editing.set(String(params.id), planned);
        return {
          id: person.id,
          name: person.name,
          changes: changes.map((change) => change.text),
          circle: person.circle,
          tags: person.tags,
          needs: person.needs,
          offers: person.offers,
          goals: person.goals,
          howMet: person.howMet,
          notes: person.notes,
          doNotContact: person.doNotContact,
        };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/people/:id/interactions',
      tag: 'people',
      summary: 'log what happened (as `tend log`): a message, call, meeting, note, help…',
      params: idParam,
      body: z
        .object({
          kind: z.string().min(1),
          text: z.string().max(4000).nullable().optional(),
          on: day.optional().describe('the day it happened; default now'),
          direction: z.enum(['in', 'out', 'both']).optional(),
        })
        .strict(),
      status: 201,
      response: z.object({
        id: z.number().int(),
        person: personRef,
        kind: z.string(),
        direction: z.string(),
        at: instant,
      }),
      async handle({ params, body }) {
        const logged = await app.editing.log(String(params.id), body.kind, body.text?.trim() || null, {
          ...(body.on !== undefined ? { on: body.on } : {}),
          ...(body.direction !== undefined ? { direction: body.direction } : {}),
        });
        return {
          id: logged.id,
          person: { id: logged.person.id, name: logged.person.name },
          kind: logged.kind,
          direction: logged.direction,
          at: formatInstant(logged.at),
        };
      },
    }),
  ];
}
