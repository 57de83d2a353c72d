import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../app.js';
import { resolveConfig } from '../config.js';
import { tempDataDir } from '../../test/support/cli-harness.js';
import { closeApps, postgresAvailable } from '../../test/support/test-databases.js';
import { dumpWorkspace } from '../../test/support/workspace-dump.js';

/** docs/rules/export.md: a JSON export restores identically; vCard and CSV read back as they should. */
const ANCHOR = '2026-01-15';
const NOW = Date.parse(`${ANCHOR}T09:00:00Z`);
const postgresUrl = process.env.TEND_TEST_DATABASE_URL;
const opened: App[] = [];
let schemas = 0;

afterAll(() => closeApps(opened));

async function appOn(dialect: 'sqlite' | 'postgres'): Promise<App> {
  const config = resolveConfig({ data: tempDataDir(), now: `${ANCHOR}T09:00:00Z` }, {});
  if (dialect === 'postgres' && postgresUrl)
    config.store = {
      dialect: 'postgres',
      url: postgresUrl,
      schema: `t_export_${process.pid}_${schemas++}`,
    };
  const app = await createApp(config);
  opened.push(app);
  app.settings.set('timezone', 'UTC');
  return app;
}

async function exportTo(app: App, format: 'json' | 'vcf' | 'csv'): Promise<string> {
  const file = join(app.config.dataDir, `export.${format}`);
  let text = '';
  await app.exports.write(format, (chunk) => {
    text += chunk;
    return Promise.resolve();
  });
  writeFileSync(file, text);
  return file;
}

/** The demo network with what a user adds: notes, a log, a merge, a dismissed agenda item. */
async function usedNetwork(dialect: 'sqlite' | 'postgres'): Promise<App> {
  const app = await appOn(dialect);
  await app.sample.load(app.config.dataDir, ANCHOR);
  await app.editing.set('Olivia Grant', { notes: '=HYPERLINK("http://evil.example")', tags: ['+alumni'] });
  await app.editing.log('Ravi Menon', 'call', 'Talked about pricing', { on: ANCHOR });
  const [first, second] = await app.people.listing('', NOW);
  if (!first || !second) throw new Error('the demo network has no people');
  await app.merges.merge(String(first.id), String(second.id));
  const [item] = (await app.agenda.today(NOW)).items;
  if (item) await app.agendaActions.mark(item.id, 'dismissed');
  return app;
}

const listing = async (app: App) => {
  const people = await app.people.listing('', NOW);
  const strengths = await app.relationships.strengths(NOW);
  return people.map((person) => [person.id, person.name, strengths.get(person.id)?.score]);
};

describe.each(postgresAvailable ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const))(
  'tend export, on %s',
  (dialect) => {
    it('restores a JSON export into an empty folder with the same people, ids, interactions, notes and agenda marks', async () => {
      const source = await usedNetwork(dialect);
      const file = await exportTo(source, 'json');
      expect(() => JSON.parse(readFileSync(file, 'utf8')) as unknown).not.toThrow();
      const target = await appOn(dialect);
      const { file: report, counts } = await target.exports.restore(file);
      expect(report.failed).toBeUndefined();
      expect(counts.people).toBeGreaterThan(10);
      expect(await dumpWorkspace(target.store)).toEqual(await dumpWorkspace(source.store));
      expect(await listing(target)).toEqual(await listing(source));
      const plan = (await source.agenda.today(NOW)).items;
      expect(plan.length).toBeGreaterThan(0);
      expect((await target.agenda.today(NOW)).items).toEqual(plan);
      // New rows after a restore get new ids.
      await target.editing.log('Ravi Menon', 'note', 'after the restore', { on: ANCHOR });

      const again = await target.exports.restore(file);
      expect(again.file.failed).toMatch(/restores only into an empty data folder/);
    });

    it('writes vCard 4.0 that the vCard import reads back as the same people', async () => {
      const source = await usedNetwork(dialect);
      const file = await exportTo(source, 'vcf');
      expect(readFileSync(file, 'utf8')).toMatch(/^BEGIN:VCARD\r\nVERSION:4\.0\r\n/);
      const target = await appOn(dialect);
      const report = await target.imports.importPaths([file]);
      expect(report.files[0]?.failed).toBeUndefined();
      const people = async (app: App) => {
        const rows = await dumpWorkspace(app.store);
        const emails = new Map<unknown, string[]>();
        for (const identity of rows.person_identities ?? [])
          if (identity.kind !== 'phone')
            emails.set(identity.person_id, [
              ...(emails.get(identity.person_id) ?? []),
              String(identity.value),
            ]);
        return (rows.people ?? [])
          .map((person) => [person.display_name, person.company, (emails.get(person.id) ?? []).sort()])
          .sort(
            (a, b) => String(a[0]).localeCompare(String(b[0])) || String(a[2]).localeCompare(String(b[2])),
          );
      };
      expect(await people(target)).toEqual(await people(source));
    });
  },
);

describe('tend export --format csv', () => {
  it('neutralises cells a spreadsheet would read as a formula', async () => {
    const source = await usedNetwork('sqlite');
    const text = readFileSync(await exportTo(source, 'csv'), 'utf8');
    const [header, ...lines] = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe(
      'id,name,first name,last name,company,position,headline,location,emails,phones,profile urls,circle,tags,how met,notes,connection,connected on,strength,band,do not contact,archived',
    );
    const olivia = lines.find((line) => line.includes('Olivia Grant'));
    expect(olivia).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(olivia).toContain(",'+alumni,");
    expect(lines.filter((line) => /(^|,)[=+\-@]/.test(line))).toEqual([]);
  });
});
