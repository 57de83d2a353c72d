import { readFileSync } from 'node:fs';
import { createTransport } from 'nodemailer';
import { AppError } from '../domain/errors.js';
import { createOutreachRepository } from '../store/outreach.repository.js';
import { createPersonRepository } from '../store/person.repository.js';
import type { Store } from '../store/store.js';
import { settingNumber } from './linkedin-limits.service.js';
import { insertLoggedInteraction } from './logged-interaction.js';
import { readWorksheet } from './outreach-files.js';
import type { RelationshipService } from './relationship.service.js';
import type { SettingsService } from './settings.service.js';

export const SMTP_PASSWORD_VARIABLE = 'TEND_SMTP_PASSWORD';
const PER_MINUTE_DEFAULT = 20;

export interface SendPlanEntry {
  personId: number;
  name: string;
  email: string;
  subject: string;
}

export interface SendReport {
  batch: number;
  /** Sent by this run. */
  sent: SendPlanEntry[];
  /** Sent by an earlier run (skipped now). */
  alreadySent: number;
  /** Not sent: what is left after a failure, or everything on a dry run. */
  notSent: SendPlanEntry[];
  dryRun: boolean;
  failure: string | null;
}

/** The per-recipient key: the Message-ID a re-run would give the same message (never sent twice). */
const messageIdOf = (batch: number, personId: number, host: string) => `<tend-${batch}-${personId}@${host}>`;

/**
 * `tend compose --send WORKSHEET` (docs/rules/segments.md#send): the finished e-mail drafts of a batch through
 * the user's own SMTP server (`smtp-url`; the password from TEND_SMTP_PASSWORD or `smtp-password-file`,
 * never printed), at most `smtp-per-minute`. Without `confirm` it is a dry run: who would get what. Each
 * message sent is recorded at once (its sent time, an outbound e-mail interaction), so a run stopped by a
 * failure reports who was sent and who not, and the next run sends only the rest.
 */
export function createOutreachSendService(deps: {
  store: Store;
  settings: SettingsService;
  relationships: RelationshipService;
  clock: () => number;
  /** From TEND_SMTP_PASSWORD (config.ts). */
  password?: string | undefined;
  /** Tests: no waiting between messages. */
  sleep?: (ms: number) => Promise<void>;
}) {
  const { store, settings, relationships, clock } = deps;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));

  function password(): string {
    if (deps.password) return deps.password;
    const file = settings.get('smtp-password-file');
    if (!file)
      throw new AppError(
        'usage',
        `no SMTP password: set ${SMTP_PASSWORD_VARIABLE}, or tend config smtp-password-file FILE`,
      );
    try {
      return readFileSync(file, 'utf8').split(/\r?\n/)[0] ?? '';
    } catch (error) {
      throw new AppError(
        'bad-input',
        `cannot read smtp-password-file ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`,
      );
    }
  }

  function server() {
    const text = settings.get('smtp-url');
    if (!text)
      throw new AppError(
        'usage',
        'no SMTP server: tend config smtp-url smtp://USER@HOST:587 (see tend config)',
      );
    const from = settings.get('smtp-from');
    if (!from) throw new AppError('usage', 'no sender: tend config smtp-from "Your Name <you@example.com>"');
    const url = new URL(text);
    const secure = url.protocol === 'smtps:';
    return { url, secure, from, host: url.hostname };
  }

  async function plan(batchId: number) {
    const outreach = createOutreachRepository(store);
    const batch = await outreach.batch(batchId);
    if (!batch) throw new AppError('not-found', `compose batch ${batchId} is not in this data folder`);
    if (batch.channel !== 'email')
      throw new AppError(
        'usage',
        `batch ${batchId} is for LinkedIn: tend drafts LinkedIn notes, you send them`,
      );
    if (batch.finishedAt === null)
      throw new AppError(
        'conflict',
        `batch ${batchId} is not finished: tend compose --finish WORKSHEET first`,
      );
    const messages = await outreach.messages(batchId);
    const persons = createPersonRepository(store);
    const people = new Map((await persons.findByIds(messages.map((m) => m.personId))).map((p) => [p.id, p]));
    const emails = new Map<number, string>();
    for (const identity of await persons.listIdentitiesOf([...people.keys()]))
      if (identity.kind === 'email' && !emails.has(identity.personId))
        emails.set(identity.personId, identity.value);
    const pending = messages.filter((message) => message.sentAt === null);
    const blocked = pending.filter((message) => {
      const person = people.get(message.personId);
      return !person || person.doNotContact || person.archivedAt !== null || !emails.has(message.personId);
    });
    if (blocked.length > 0)
      throw new AppError(
        'conflict',
        `not sent: ${blocked.map((message) => people.get(message.personId)?.name ?? `person ${message.personId}`).join(', ')} ${blocked.length === 1 ? 'is' : 'are'} now archived, do-not-contact or without an e-mail address; nothing was sent`,
      );
    return {
      alreadySent: messages.length - pending.length,
      entries: pending.map((message) => ({
        personId: message.personId,
        name: people.get(message.personId)?.name ?? '',
        email: emails.get(message.personId) ?? '',
        subject: message.subject ?? '',
        body: message.body,
      })),
    };
  }

  return {
    /** The batch a worksheet (or a batch number) names. */
    batchOf(worksheetOrBatch: string): number {
      return /^\d+$/.test(worksheetOrBatch)
        ? Number(worksheetOrBatch)
        : readWorksheet(worksheetOrBatch).batchId;
    },

    async send(batchId: number, options: { confirm: boolean }): Promise<SendReport> {
      const { alreadySent, entries } = await plan(batchId);
      const shown = (entry: (typeof entries)[number]): SendPlanEntry => ({
        personId: entry.personId,
        name: entry.name,
        email: entry.email,
        subject: entry.subject,
      });
      const report: SendReport = {
        batch: batchId,
        sent: [],
        alreadySent,
        notSent: entries.map(shown),
        dryRun: !options.confirm,
        failure: null,
      };
      if (!options.confirm || entries.length === 0) return report;
      const { url, secure, from, host } = server();
      const transport = createTransport({
        host: url.hostname,
        port: url.port ? Number(url.port) : secure ? 465 : 587,
        secure,
        ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: password() } } : {}),
      });
      const interval = 60_000 / settingNumber(settings, 'smtp-per-minute', PER_MINUTE_DEFAULT);
      try {
        for (const [index, entry] of entries.entries()) {
          if (index > 0) await sleep(interval);
          const messageId = messageIdOf(batchId, entry.personId, host);
          try {
            await transport.sendMail({
              from,
              to: { name: entry.name, address: entry.email },
              subject: entry.subject,
              text: entry.body,
              messageId,
            });
          } catch (error) {
            // The server's answer, never the credentials (nodemailer's errors carry no password).
            report.failure = `${entry.name} <${entry.email}>: ${(error as Error).message}`;
            break;
          }
          const at = clock();
          await store.transaction(async (trx) => {
            await createOutreachRepository(trx).markSent(batchId, entry.personId, at, messageId);
            await insertLoggedInteraction(
              trx,
              { personId: entry.personId, kind: 'email', direction: 'out', at, text: entry.subject || null },
              at,
            );
            await relationships.refreshPerson(trx, entry.personId);
          });
          report.sent.push(shown(entry));
          report.notSent = report.notSent.filter((left) => left.personId !== entry.personId);
        }
      } finally {
        transport.close();
      }
      return report;
    },
  };
}

export type OutreachSendService = ReturnType<typeof createOutreachSendService>;
