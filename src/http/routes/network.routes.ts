import { z } from 'zod';
import type { App } from '../../app.js';
import { AppError } from '../../domain/errors.js';
import { SETTINGS } from '../../services/settings.service.js';
import { defineRoute } from '../api-route.js';
import { idParam, instant, instantOrNull, personRef } from '../api-schemas.js';

const count = z.number().int();

const ledgerPerson = z.object({
  person: personRef,
  given: z.object({ help: count, introductions: count }),
  received: z.object({ help: count }),
  balance: z.number(),
  lastAt: instant.nullable(),
  entries: z.array(
    z.object({
      kind: z.enum(['help-given', 'help-received', 'introduction-made']),
      direction: z.enum(['in', 'out', 'both']),
      at: instant,
      summary: z.string().nullable(),
      channel: z.string().nullable(),
    }),
  ),
});

const personWithCompany = personRef.extend({ company: z.string().nullable() });

/**
 * The rest of the CLI's network commands: the give/ask ledger (`tend intro ledger`), who knows whom
 * (`tend knows`: record, list, remove), prune candidates, archive and unarchive (`tend prune`, `tend unarchive`), invitation
 * notes (`tend invite-note`) and the settings (`tend config`).
 */
export function networkRoutes(app: App) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/ledger',
      tag: 'introductions',
      summary: 'the give/ask ledger: per person what I gave and received; one person with `person`',
      query: z.object({
        person: z
          .string()
          .regex(/^\d{1,15}$/, 'must be a person id')
          .optional(),
      }),
      response: z.array(ledgerPerson),
      async handle({ query }) {
        const rows = await app.introductions.ledger(query.person);
        return rows.map((row) => ({
          ...row,
          lastAt: instantOrNull(row.lastAt),
          entries: row.entries.map(({ kind, direction, at, summary, channel }) => ({
            kind,
            direction,
            at: instantOrNull(at) ?? '',
            summary,
            channel,
          })),
        }));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/known-ties',
      tag: 'paths',
      summary: 'record that two of my people know each other (warm paths go through them)',
      body: z
        .object({
          a: z.number().int(),
          b: z.number().int(),
          strength: z.number().min(0).max(1).optional(),
          how: z.string().max(500).optional(),
        })
        .strict(),
      status: 201,
      response: z.object({
        a: personRef,
        b: personRef,
        strength: z.number(),
        how: z.string().nullable(),
      }),
      async handle({ body }) {
        const recorded = await app.knownTies.record(String(body.a), String(body.b), {
          ...(body.strength !== undefined ? { strength: String(body.strength) } : {}),
          ...(body.how !== undefined ? { how: body.how } : {}),
        });
        return {
          a: { id: recorded.a.id, name: recorded.a.name },
          b: { id: recorded.b.id, name: recorded.b.name },
          strength: recorded.tie.strength,
          how: recorded.tie.evidence,
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/known-ties',
      tag: 'paths',
      summary: 'the ties I recorded for one person (`tend knows A`): who they know, how well, and how',
      query: z.object({ person: z.string().regex(/^\d{1,15}$/, 'must be a person id') }),
      response: z.object({
        person: personRef,
        ties: z.array(
          z.object({ person: personWithCompany, strength: z.number(), how: z.string().nullable() }),
        ),
      }),
      async handle({ query }) {
        const { person, ties } = await app.knownTies.recordedFor(query.person);
        return {
          person: { id: person.id, name: person.name },
          ties: ties.map(({ other, strength, how }) => ({
            person: { id: other.id, name: other.name, company: other.company },
            strength,
            how,
          })),
        };
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/api/known-ties/:a/:b',
      tag: 'paths',
      summary: 'delete the tie I recorded between two people (`tend knows A B --remove`)',
      params: z.object({ a: idParam.shape.id, b: idParam.shape.id }),
      response: z.object({ a: personRef, b: personRef, removed: z.literal(true) }),
      async handle({ params }) {
        const { a, b } = await app.knownTies.remove(String(params.a), String(params.b));
        return { a: { id: a.id, name: a.name }, b: { id: b.id, name: b.name }, removed: true as const };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/prune/candidates',
      tag: 'prune',
      summary: 'connections that never were: over a year old, nothing recorded (oldest first)',
      response: z.array(
        z.object({ person: personWithCompany, connectedAt: instant.nullable(), reason: z.string() }),
      ),
      async handle() {
        const candidates = await app.prune.candidates(app.clock());
        return candidates.map(({ person, reason }) => ({
          person: { id: person.id, name: person.name, company: person.company },
          connectedAt: instantOrNull(person.connectedAt),
          reason,
        }));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/archived',
      tag: 'prune',
      summary: 'who is archived, most recently first',
      response: z.array(z.object({ person: personWithCompany, archivedAt: instant.nullable() })),
      async handle() {
        const archived = await app.prune.archived();
        return archived.map((person) => ({
          person: { id: person.id, name: person.name, company: person.company },
          archivedAt: instantOrNull(person.archivedAt),
        }));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/people/:id/archive',
      tag: 'prune',
      summary:
        'archive a person (reversible); someone who is no prune candidate is refused with the reasons (409) unless `force`',
      params: idParam,
      body: z.object({ force: z.boolean().optional() }).strict(),
      response: z.object({ archived: z.array(personRef) }),
      async handle({ params, body }) {
        const archived = await app.prune.archive([String(params.id)], { force: body.force ?? false });
        return { archived: archived.map((person) => ({ id: person.id, name: person.name })) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/people/:id/unarchive',
      tag: 'prune',
      summary: 'bring an archived person back into lists, the agenda and warm paths',
      params: idParam,
      response: personRef,
      async handle({ params }) {
        const person = await app.prune.unarchive(String(params.id));
        return { id: person.id, name: person.name };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/invitation-notes',
      tag: 'invitations',
      summary:
        'draft my invitation note to a person (id or profile URL), or check `text`: length against the limit and warnings',
      body: z
        .object({
          ref: z.string().min(1).max(500),
          text: z.string().max(2000).optional(),
          premium: z.boolean().optional(),
          name: z.string().max(200).optional(),
          company: z.string().max(200).optional(),
          howMet: z.string().max(500).optional(),
        })
        .strict(),
      response: z.object({
        text: z.string(),
        length: count,
        limit: count,
        ok: z.boolean(),
        warnings: z.array(z.string()),
        drafted: z.boolean(),
        refused: z.boolean(),
        alreadyConnected: z.boolean(),
        recipient: z.object({ id: z.number().int().nullable(), name: z.string() }),
      }),
      handle: ({ body }) => app.invitationNotes.prepare(body),
    }),
    defineRoute({
      method: 'get',
      path: '/api/settings',
      tag: 'settings',
      summary: 'every setting (`tend config`): its value when set and what it means',
      response: z.array(z.object({ key: z.string(), value: z.string().nullable(), describe: z.string() })),
      handle() {
        const values = app.settings.list();
        return Object.entries(SETTINGS).map(([key, definition]) => ({
          key,
          value: values[key] ?? null,
          describe: definition.describe,
        }));
      },
    }),
    defineRoute({
      method: 'put',
      path: '/api/settings/:key',
      tag: 'settings',
      summary: 'set a setting (checked as `tend config KEY VALUE` checks it); an empty value unsets it',
      params: z.object({ key: z.string().regex(/^[a-z-]{1,40}$/, 'is not a setting name') }),
      body: z.object({ value: z.string().max(500) }).strict(),
      response: z.object({ key: z.string(), value: z.string().nullable() }),
      handle({ params, body }) {
        if (!Object.hasOwn(SETTINGS, params.key))
          throw new AppError('not-found', `no setting ${params.key}: GET /api/settings lists them`);
        if (body.value.trim() === '') app.settings.unset(params.key);
        else app.settings.set(params.key, body.value);
        return { key: params.key, value: app.settings.list()[params.key] ?? null };
      },
    }),
  ];
}
