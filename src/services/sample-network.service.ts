import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../domain/errors.js';
import { normalizeProfileUrl } from '../domain/identity.js';
import type { Circle } from '../domain/person.js';
import { CIRCLES } from '../domain/person.js';
import { addDays } from '../domain/time.js';
import { createKnownTieRepository } from '../store/known-tie.repository.js';
import { createPersonRepository } from '../store/person.repository.js';
import type { Store } from '../store/store.js';
import type { RelationshipService } from './relationship.service.js';
import type { ImportService } from './import.service.js';

/** The sample network that ships with tend (`sample/`): a LinkedIn-format export plus what a user set. */
export const SAMPLE_DIR = fileURLToPath(new URL('../../sample/', import.meta.url));

interface OverlayPerson {
  url: string;
  circle?: string;
  tags?: string[];
  needs?: string[];
  offers?: string[];
  goals?: string[];
  howMet?: string;
  notes?: string;
}

interface Overlay {
  anchor: string;
  people: OverlayPerson[];
  knows?: Array<{ a: string; b: string; strength?: number; how?: string }>;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Shifts the three date shapes the sample uses by whole days, so its story is always relative to today. */
export function shiftSampleDates(text: string, days: number): string {
  const shift = (year: number, month: number, day: number) => {
    const date = addDays(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, days);
    return {
      year: Number(date.slice(0, 4)),
      month: Number(date.slice(5, 7)),
      day: Number(date.slice(8, 10)),
    };
  };
  return text
    .replace(
      /\b(\d{4})-(\d{2})-(\d{2}) (\d{2}:\d{2}:\d{2} UTC)/g,
      (_, y: string, m: string, d: string, time: string) => {
        const to = shift(Number(y), Number(m), Number(d));
        return `${to.year}-${String(to.month).padStart(2, '0')}-${String(to.day).padStart(2, '0')} ${time}`;
      },
    )
    .replace(
      /\b(\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4})\b/g,
      (_, d: string, m: string, y: string) => {
        const to = shift(Number(y), MONTHS.indexOf(m) + 1, Number(d));
        return `${String(to.day).padStart(2, '0')} ${MONTHS[to.month - 1]} ${to.year}`;
      },
    )
    .replace(
      /\b(\d{1,2})\/(\d{1,2})\/(\d{2}), (\d{1,2}:\d{2} [AP]M)/g,
      (_, m: string, d: string, y: string, time: string) => {
        const to = shift(2000 + Number(y), Number(m), Number(d));
        return `${to.month}/${to.day}/${String(to.year % 100).padStart(2, '0')}, ${time}`;
      },
    );
}

const SHIFTED_FILES = /^(connections|messages|invitations)\.csv$/i;

function readOverlay(sampleDir: string): Overlay {
  try {
    return JSON.parse(readFileSync(join(sampleDir, 'overlay.json'), 'utf8')) as Overlay;
  } catch (error) {
    throw new AppError(
      'internal',
      `the sample network is damaged (${(error as Error).message}): reinstall tend`,
    );
  }
}

/** How many weeks of health history the sample network comes with (the Health page's charts). */
const SAMPLE_HISTORY_WEEKS = 12;

export function createSampleNetworkService(deps: {
  store: Store;
  imports: ImportService;
  relationships: RelationshipService;
  clock: () => number;
  /** Health over time: the sample comes with the weeks before today as if tend had run on them. */
  healthHistory?: { recordDaily(now: number): Promise<boolean> };
}) {
  return {
    /** Writes the sample export with dates moved so that the anchor date becomes `today`, then imports it. */
    async load(workDir: string, today: string, sampleDir = SAMPLE_DIR) {
      const overlay = readOverlay(sampleDir);
      const days = Math.round(
        (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${overlay.anchor}T00:00:00Z`)) / 86_400_000,
      );
      const exportDir = join(workDir, 'sample-export');
      mkdirSync(exportDir, { recursive: true });
      const sourceDir = join(sampleDir, 'linkedin');
      for (const name of readdirSync(sourceDir)) {
        const text = readFileSync(join(sourceDir, name), 'utf8');
        writeFileSync(join(exportDir, name), SHIFTED_FILES.test(name) ? shiftSampleDates(text, days) : text);
      }
      const report = await deps.imports.importPaths([exportDir], { timeZone: 'UTC' });
      await this.applyOverlay(overlay);
      if (deps.healthHistory) {
        const noon = Date.parse(`${today}T12:00:00Z`);
        for (let weeks = SAMPLE_HISTORY_WEEKS; weeks >= 1; weeks--)
          await deps.healthHistory.recordDaily(noon - weeks * 7 * 86_400_000);
      }
      return report;
    },

    /** What the user would have set: circles, tags, needs, offers, goals, how we met, notes, who knows whom. */
    async applyOverlay(overlay: Overlay): Promise<void> {
      const now = deps.clock();
      await deps.store.transaction(async (trx) => {
        const people = createPersonRepository(trx);
        const ties = createKnownTieRepository(trx);
        const idOf = async (url: string) => {
          const normalized = normalizeProfileUrl(url);
          const person = normalized ? await people.findByIdentity('url', normalized) : undefined;
          if (!person)
            throw new AppError(
              'internal',
              `the sample overlay names ${url}, who is not in the sample export`,
            );
          return person.id;
        };
        for (const entry of overlay.people) {
          const circle =
            entry.circle && (CIRCLES as readonly string[]).includes(entry.circle)
              ? (entry.circle as Circle)
              : undefined;
          await people.updateUserFields(
            await idOf(entry.url),
            {
              ...(circle ? { circle } : {}),
              ...(entry.tags ? { tags: entry.tags } : {}),
              ...(entry.needs ? { needs: entry.needs } : {}),
              ...(entry.offers ? { offers: entry.offers } : {}),
              ...(entry.goals ? { goals: entry.goals } : {}),
              ...(entry.howMet ? { howMet: entry.howMet } : {}),
              ...(entry.notes ? { notes: entry.notes } : {}),
            },
            now,
          );
        }
        const tied = new Set<number>();
        for (const tie of overlay.knows ?? []) {
          const [personA, personB] = [await idOf(tie.a), await idOf(tie.b)];
          await ties.upsert(
            { personA, personB, source: 'knows', strength: tie.strength ?? 0.5, evidence: tie.how ?? null },
            now,
          );
          tied.add(personA).add(personB);
        }
        // `knows` feeds the structural component: those people's aggregates change
        // (docs/rules/exchanges-and-strength.md#structural).
        for (const id of tied) await deps.relationships.refreshPerson(trx, id);
      });
    },
  };
}
