import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/support/test-databases.js';
import { normalizeName } from '../domain/text-normalization.js';
import { createOwnerFactsRepository } from '../store/owner-facts.repository.js';
import { createPersonRepository } from '../store/person.repository.js';
import type { Store } from '../store/store.js';
import { createWorkspaceSettingsRepository } from '../store/workspace-settings.repository.js';
import { createInvitationNoteService } from './invitation-note.service.js';
import { createPeopleService } from './people.service.js';
import { personSearchText } from './linkedin/people-directory.js';
import { createSettingsService } from './settings.service.js';

const NOW = Date.UTC(2026, 0, 15, 9);

for (const database of testDatabases('invitation_note')) {
  describe(`invitation notes on ${database.name}`, () => {
    const stores: Store[] = [];
    afterAll(async () => {
      for (const store of stores) await store.close();
      await database.cleanup();
    });

    /** Maya's store: her history (Brightloop, KTH), and people she may invite. */
    async function setUp(limit?: string) {
      const store = await database.open();
      stores.push(store);
      const settings = createSettingsService(mkdtempSync(join(tmpdir(), 'tend-note-')));
      if (limit) settings.set('invitation-note-limit', limit);
      await createWorkspaceSettingsRepository(store).set('owner.name', 'Maya Lindqvist');
      await createOwnerFactsRepository(store).insertMany([
        {
          kind: 'position',
          name: 'Brightloop',
          detail: null,
          started: 'Aug 2018',
          finished: 'Feb 2022',
          sourceKey: 1,
        },
        {
          kind: 'position',
          name: 'Northwind Health',
          detail: null,
          started: 'Mar 2022',
          finished: null,
          sourceKey: 2,
        },
        {
          kind: 'education',
          name: 'KTH Royal Institute of Technology',
          detail: null,
          started: '2010',
          finished: '2015',
          sourceKey: 3,
        },
      ]);
      const people = createPersonRepository(store);
      const add = async (
        name: string,
        fields: { company?: string; position?: string; headline?: string; url?: string },
      ) => {
        const [firstName = '', lastName = ''] = name.split(' ');
        const id = await people.insert({
          firstName,
          lastName,
          name,
          nameKey: normalizeName(name),
          company: fields.company ?? null,
          position: fields.position ?? null,
          headline: fields.headline ?? null,
          connectedAt: null,
          connectionState: 'not-connected',
          lastExportAt: null,
          searchText: personSearchText({ name, company: fields.company, position: fields.position }),
          now: NOW,
        });
        if (fields.url)
          await people.addIdentities([{ personId: id, kind: 'url', value: fields.url }], 'test');
        return id;
      };
      const ids = {
        // Works somewhere else now; was seen at Brightloop in an older export.
        viktor: await add('Viktor Sandberg', { company: 'Kestrel Cloud', position: 'Solutions Architect' }),
        hanna: await add('Hanna Ek', { company: 'Mimir', headline: 'PM at Mimir · MSc KTH' }),
        ingrid: await add('Ingrid Solheim', {
          company: 'Solvik Energy',
          position: 'Product Lead',
          url: 'linkedin.com/in/ingrid-solheim',
        }),
      };
      await people.addObservations([
        { personId: ids.viktor, field: 'company', value: 'Brightloop AB', seenAt: NOW - 400 * 86_400_000 },
      ]);
      const service = createInvitationNoteService({ store, people: createPeopleService(store), settings });
      return { store, service, ids, people };
    }

    it('drafts from a shared employer seen in an earlier export, signed with my first name', async () => {
      const { service } = await setUp();
      const result = await service.prepare({ ref: 'Viktor Sandberg' });
      expect(result).toMatchObject({
        drafted: true,
        refused: false,
        limit: 200,
        ok: true,
        warnings: [],
        text: "Hi Viktor, we were both at Brightloop. I'd love to hear about your work as Solutions Architect at Kestrel Cloud. Would love to stay in touch. – Maya",
      });
      expect(result.recipient.name).toBe('Viktor Sandberg');
    });

    it('finds a shared school in their headline', async () => {
      const { service } = await setUp();
      const result = await service.prepare({ ref: 'Hanna Ek' });
      expect(result.text).toContain('we both studied at KTH Royal Institute of Technology.');
      expect(result.text.startsWith('Hi Hanna, ')).toBe(true);
    });

    it('prefers how we met, stored with `tend set` or given for this note', async () => {
      const { service, people, ids } = await setUp();
      await people.updateUserFields(ids.ingrid, { howMet: 'the Oslo energy hackathon' }, NOW);
      expect((await service.prepare({ ref: 'linkedin.com/in/ingrid-solheim' })).text).toMatch(
        /^Hi Ingrid, we know each other from the Oslo energy hackathon\./,
      );
      expect((await service.prepare({ ref: 'Ingrid', howMet: 'Priya Nair' })).text).toMatch(
        /^Hi Ingrid, we know each other from Priya Nair\./,
      );
    });

    it('takes the limit from --premium, else the setting, else 200', async () => {
      expect((await (await setUp()).service.prepare({ ref: 'Ingrid' })).limit).toBe(200);
      expect((await (await setUp()).service.prepare({ ref: 'Ingrid', premium: true })).limit).toBe(300);
      const configured = await setUp('120');
      expect((await configured.service.prepare({ ref: 'Ingrid' })).limit).toBe(120);
      expect((await configured.service.prepare({ ref: 'Ingrid', premium: true })).limit).toBe(300);
      const draft = await configured.service.prepare({ ref: 'Ingrid' });
      expect(draft.length).toBeLessThanOrEqual(120);
    });

    it('checks my own text: too long is refused, generic is only warned about', async () => {
      const { service } = await setUp('60');
      const long = await service.prepare({
        ref: 'Ingrid',
        text: 'Hi Ingrid, we met at the Oslo hackathon last spring, remember?',
      });
      expect(long).toMatchObject({ drafted: false, refused: true, ok: false, length: 62, limit: 60 });
      const generic = await service.prepare({ ref: 'Ingrid', text: "I'd like to join your network." });
      expect(generic.refused).toBe(false);
      expect(generic.warnings.join(' ')).toMatch(/Generic/);
    });

    it('drafts for a profile URL not in tend yet from what I give, and needs a name for it', async () => {
      const { service } = await setUp();
      const result = await service.prepare({
        ref: 'https://www.linkedin.com/in/lena-vogel-4711/',
        name: 'Lena Vogel',
        company: 'Northwind Health GmbH',
      });
      expect(result.text).toBe(
        'Hi Lena, we were both at Northwind Health. Would love to stay in touch. – Maya',
      );
      expect(result.recipient).toEqual({ id: null, name: 'Lena Vogel' });
      await expect(
        service.prepare({ ref: 'https://www.linkedin.com/in/lena-vogel-4711/' }),
      ).rejects.toMatchObject({
        code: 'usage',
      });
      await expect(service.prepare({ ref: 'Nobody Here' })).rejects.toMatchObject({ code: 'not-found' });
    });
  });
}
