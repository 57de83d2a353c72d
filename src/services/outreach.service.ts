import { existsSync, readFileSync, rmSync } from 'node:fs';
import { AppError } from '../domain/errors.js';
import {
  nearDuplicateBodies,
  NEAR_DUPLICATE_THRESHOLD,
  personalLineProblems,
} from '../domain/outreach-guards.js';
import {
  missingFields,
  parseOutreachTemplate,
  renderOutreach,
  type FieldValues,
} from '../domain/outreach-template.js';
import type { Person } from '../domain/person.js';
import { addDays, startOfLocalDate, toLocalDate } from '../domain/time.js';
import { createOutreachRepository, type OutreachBatch } from '../store/outreach.repository.js';
import { createPersonRepository } from '../store/person.repository.js';
import type { Store } from '../store/store.js';
import {
  readWorksheet,
  writeDrafts,
  writeWorksheet,
  type Draft,
  type DraftFormat,
  type Recipient,
} from './outreach-files.js';
import { createLinkedinLimits, settingNumber, type ReinviteBlock } from './linkedin-limits.service.js';
import type { PeopleService } from './people.service.js';
import type { RelationshipService } from './relationship.service.js';
import type { SettingsService } from './settings.service.js';

/** Defaults of the guards (docs/rules/segments.md#compose-guards); settings replace them. */
export const OUTREACH_DEFAULTS = { dailyCap: 25, weeklyInvitations: 100, noteLimit: 200, recentDays: 30 };

export type Channel = 'email' | 'linkedin';

export interface LeftOut {
  id: number;
  name: string;
  why: string;
}

function valuesOf(person: Person, lastTopic: string | null): FieldValues {
  const list = (items: readonly string[]) => (items.length > 0 ? items.join(', ') : null);
  return {
    'first-name': person.firstName || person.name.split(' ')[0] || null,
    'last-name': person.lastName || null,
    name: person.name,
    company: person.company,
    position: person.position,
    headline: person.headline,
    location: person.location,
    'how-met': person.howMet,
    'last-topic': lastTopic,
    needs: list(person.needs),
    offers: list(person.offers),
    goals: list(person.goals),
  };
}

/**
 * Compose (docs/rules/segments.md#compose): a worksheet for a segment, where the user writes one personal
 * line per recipient, then the drafts once every guard holds. tend drafts; the person sends.
 */
export function createOutreachService(deps: {
  store: Store;
  people: PeopleService;
  relationships: RelationshipService;
  settings: SettingsService;
}) {
  const { store, people, relationships, settings } = deps;
  const outreach = createOutreachRepository(store);
  const persons = createPersonRepository(store);
  const limits = createLinkedinLimits({ store, settings });

  const dailyCap = () => settingNumber(settings, 'outreach-daily-cap', OUTREACH_DEFAULTS.dailyCap);

  /**
   * The cap of today and the LinkedIn budget of the last 7 days, with `count` more messages; what to warn
   * about when the budget is nearly used (docs/rules/segments.md#linkedin-limits).
   */
  async function checkBudgets(channel: Channel, count: number, now: number): Promise<string | null> {
    const zone = settings.timeZone();
    const today = toLocalDate(now, zone);
    const cap = dailyCap();
    const composedToday = await outreach.countComposed(
      startOfLocalDate(today, zone),
      startOfLocalDate(addDays(today, 1), zone),
    );
    if (composedToday + count > cap)
      throw new AppError(
        'conflict',
        `${count} recipients${composedToday > 0 ? ` and ${composedToday} already composed today` : ''} are more than your daily cap of ${cap} (outreach-daily-cap): narrow the query (add strength:>=40, or -tag:…) or, if you really mean to, raise the cap: tend config outreach-daily-cap N`,
      );
    if (channel !== 'linkedin') return null;
    const week = await limits.weekly(now, count);
    if (week.over)
      throw new AppError('conflict', `${count} LinkedIn notes: ${week.warning ?? ''} (narrow the query)`);
    return week.warning;
  }

  async function withEmails(ids: readonly number[]) {
    const all = await persons.findByIds(ids);
    const emails = new Map<number, string>();
    for (const identity of await persons.listIdentitiesOf(all.map((person) => person.id)))
      if (identity.kind === 'email' && !emails.has(identity.personId))
        emails.set(identity.personId, identity.value);
    return { all, emails };
  }

  function template(path: string) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new AppError('bad-input', `cannot read the template ${path}: ${(error as Error).message}`);
    }
    return { text, parsed: parseOutreachTemplate(text, path) };
  }

  return {
    /**
     * A worksheet for `query`: who gets a message and who is left out and why. Refused: no reason, a
     * template field a recipient has no value for (without fallback), more than the daily cap, over the
     * LinkedIn weekly budget.
     */
    async compose(request: {
      query: string;
      templatePath: string;
      reason: string | undefined;
      channel: Channel;
      /** Where to write the worksheet; `{batch}` stands for the batch number. */
      worksheetPath: string;
      now: number;
    }): Promise<{
      batch: OutreachBatch;
      recipients: Recipient[];
      leftOut: LeftOut[];
      worksheet: string;
      /** Advice: the LinkedIn budget nearly used. */
      warnings: string[];
    }> {
      const { query, channel, now } = request;
      const reason = request.reason?.trim() ?? '';
      if (reason.length === 0)
        throw new AppError(
          'usage',
          'say why you write to these people: --reason "…" (kept with the drafts; a message without a reason is how networks get spammed)',
        );
      const { text, parsed } = template(request.templatePath);
      const zone = settings.timeZone();
      const selected = await people.listing(query, now, { includeArchived: true });
      const { all, emails } = await withEmails(selected.map((person) => person.id));
      const since = startOfLocalDate(addDays(toLocalDate(now, zone), -OUTREACH_DEFAULTS.recentDays), zone);
      const recent = await outreach.composedSince(
        all.map((person) => person.id),
        since,
      );
      const blocks =
        channel === 'linkedin'
          ? await limits.reinviteBlocks(
              all.map((person) => person.id),
              now,
            )
          : new Map<number, ReinviteBlock>();
      const leftOut: LeftOut[] = [];
      const kept: Person[] = [];
      for (const person of all) {
        const block = blocks.get(person.id);
        const why =
          person.archivedAt !== null
            ? 'archived (tend unarchive REF brings them back)'
            : person.doNotContact
              ? 'do not contact (tend set REF --allow-contact if that has changed)'
              : recent.has(person.id)
                ? `composed to on ${toLocalDate(recent.get(person.id) ?? now, zone)}, within ${OUTREACH_DEFAULTS.recentDays} days`
                : channel === 'email' && !emails.has(person.id)
                  ? 'no e-mail address (compose for them with --channel linkedin)'
                  : block
                    ? `invitation withdrawn on ${block.withdrawnOn}: LinkedIn allows a new one from ${block.allowedOn}`
                    : null;
        if (why) leftOut.push({ id: person.id, name: person.name, why });
        else kept.push(person);
      }
      if (kept.length === 0)
        throw new AppError(
          'not-found',
          `no one to write to: ${all.length === 0 ? `no one matches ${query}` : `all ${all.length} are left out`}`,
          { leftOut },
        );
      const view = await relationships.view(now);
      const facts = await view.facts(
        kept.map((person) => person.id),
        { summaries: true },
      );
      const recipients = kept.map((person) => ({
        id: person.id,
        name: person.name,
        email: emails.get(person.id) ?? null,
        values: valuesOf(person, facts.get(person.id)?.lastTopic?.summary ?? null),
      }));
      const missing = recipients
        .map((recipient) => ({ recipient, fields: missingFields(parsed, recipient.values) }))
        .filter((entry) => entry.fields.length > 0);
      if (missing.length > 0)
        throw new AppError(
          'bad-input',
          `${request.templatePath}: ${missing
            .slice(0, 5)
            .map(
              (entry) =>
                `${entry.recipient.name} (${entry.recipient.id}) has no ${entry.fields.map((field) => `{{${field}}}`).join(', ')}`,
            )
            .join(
              '; ',
            )}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}: give a fallback ({{${missing[0]?.fields[0] ?? 'field'}|…}}) or narrow the query`,
        );
      const warning = await checkBudgets(channel, recipients.length, now);
      const batchId = await store.transaction((trx) =>
        createOutreachRepository(trx).createBatch({
          query,
          reason,
          channel,
          template: text,
          recipients: recipients.map((recipient) => recipient.id),
          createdAt: now,
        }),
      );
      const batch = await outreach.batch(batchId);
      if (!batch) throw new AppError('internal', `compose batch ${batchId} was not saved`);
      const worksheet = request.worksheetPath.replace('{batch}', String(batchId));
      writeWorksheet(worksheet, batchId, recipients);
      return { batch, recipients, leftOut, worksheet, warnings: warning ? [warning] : [] };
    },

    /**
     * The drafts of a worksheet: each recipient's personal line checked (written, their own) and the bodies
     * checked against each other (no near-duplicates) and the channel (LinkedIn's note length), the cap and
     * the budget checked again; recorded as composed. Refusals name the rows and say how to fix them.
     */
    async finish(request: {
      worksheet: string;
      format: DraftFormat | undefined;
      /** The drafts' folder (must not exist); default beside the worksheet, named after it. */
      out: string | undefined;
      now: number;
    }): Promise<{
      batch: OutreachBatch;
      drafts: Draft[];
      folder: string;
      files: string[];
      warnings: string[];
    }> {
      const { worksheet, now } = request;
      const read = readWorksheet(worksheet);
      const batch = await outreach.batch(read.batchId);
      if (!batch)
        throw new AppError(
          'not-found',
          `${worksheet}: compose batch ${read.batchId} is not in this data folder`,
        );
      const folder = request.out ?? worksheet.replace(/\.csv$/i, '') + '-drafts';
      if (existsSync(folder))
        throw new AppError('bad-input', `${folder} exists: choose another --out folder`);
      if (batch.finishedAt !== null)
        throw new AppError(
          'conflict',
          `${worksheet}: these drafts were finished on ${toLocalDate(batch.finishedAt, settings.timeZone())}; compose again for a new batch`,
        );
      const parsed = parseOutreachTemplate(batch.template, 'the template');
      const inBatch = new Set(batch.recipients);
      const stranger = read.lines.find((entry) => !inBatch.has(entry.id));
      if (stranger)
        throw new AppError(
          'bad-input',
          `${worksheet} row ${stranger.row}: person ${stranger.id} was not in this worksheet; leave the id column as it was`,
        );
      const { all, emails } = await withEmails(batch.recipients);
      const byId = new Map(all.map((person) => [person.id, person]));
      const chosen = read.lines.filter((entry) => byId.has(entry.id));
      const rowOf = new Map(chosen.map((entry) => [entry.id, entry.row]));
      const problems = personalLineProblems(
        chosen.map((entry) => ({
          personId: entry.id,
          name: byId.get(entry.id)?.name ?? '',
          line: entry.line,
        })),
      );
      if (problems.length > 0)
        throw new AppError(
          'bad-input',
          `${worksheet}: ${problems
            .map((problem) =>
              problem.kind === 'empty'
                ? `row ${rowOf.get(problem.personId)} (${problem.name}): the personal line is empty`
                : `row ${rowOf.get(problem.personId)} (${problem.name}): the same personal line as ${problem.sameAs.name}'s`,
            )
            .join('; ')}: write each person a line only they would get (delete a row to leave them out)`,
        );
      const view = await relationships.view(now);
      const facts = await view.facts(
        chosen.map((entry) => entry.id),
        { summaries: true },
      );
      const drafts = chosen.map((entry) => {
        const person = byId.get(entry.id) as Person;
        const rendered = renderOutreach(
          parsed,
          valuesOf(person, facts.get(person.id)?.lastTopic?.summary ?? null),
          entry.line,
        );
        return { id: person.id, name: person.name, email: emails.get(person.id) ?? null, ...rendered };
      });
      const dropped = drafts.filter((draft) => {
        const person = byId.get(draft.id);
        return person?.archivedAt !== null || person.doNotContact;
      });
      if (dropped.length > 0)
        throw new AppError(
          'conflict',
          `${worksheet}: ${dropped.map((draft) => draft.name).join(', ')} ${dropped.length === 1 ? 'is' : 'are'} now archived or do-not-contact: delete ${dropped.length === 1 ? 'that row' : 'those rows'}`,
        );
      if (batch.channel === 'linkedin') {
        const limit = settingNumber(settings, 'invitation-note-limit', OUTREACH_DEFAULTS.noteLimit);
        const long = drafts.filter((draft) => [...draft.body].length > limit);
        if (long.length > 0)
          throw new AppError(
            'bad-input',
            `${worksheet}: ${long.map((draft) => `row ${rowOf.get(draft.id)} (${draft.name}) is ${[...draft.body].length} characters`).join('; ')}: a LinkedIn note holds ${limit} (invitation-note-limit; 300 with Premium): shorten the personal line or the template`,
          );
      }
      const similar = nearDuplicateBodies(drafts.map((draft) => draft.body));
      if (similar.length > 0) {
        const shown = similar
          .slice(0, 5)
          .map(
            (pair) =>
              `${drafts[pair.a]?.name} and ${drafts[pair.b]?.name} (${Math.round(pair.similarity * 100)}%)`,
          );
        throw new AppError(
          'bad-input',
          `${worksheet}: messages nearly the same (${Math.round(NEAR_DUPLICATE_THRESHOLD * 100)}% or more of their wording shared): ${shown.join(', ')}${similar.length > 5 ? ` and ${similar.length - 5} more pairs` : ''}: make the personal lines say more, or the template shorter`,
        );
      }
      const warning = await checkBudgets(batch.channel, drafts.length, now);
      const format = request.format ?? (batch.channel === 'linkedin' ? 'text' : 'eml');
      // The files first, then the record: a failure leaves neither (the folder is removed).
      const files = writeDrafts(folder, drafts, format, now);
      try {
        await store.transaction((trx) =>
          createOutreachRepository(trx).finish(
            batch,
            drafts.map((draft) => ({
              personId: draft.id,
              personalLine: chosen.find((entry) => entry.id === draft.id)?.line.trim() ?? '',
              subject: draft.subject,
              body: draft.body,
            })),
            now,
          ),
        );
      } catch (error) {
        rmSync(folder, { recursive: true, force: true });
        throw error;
      }
      return { batch, drafts, folder, files, warnings: warning ? [warning] : [] };
    },
  };
}

export type OutreachService = ReturnType<typeof createOutreachService>;
