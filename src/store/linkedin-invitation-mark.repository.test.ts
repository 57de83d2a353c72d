import { afterAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/support/test-databases.js';
import { createLinkedinInvitationMarkRepository } from './linkedin-invitation-mark.repository.js';
import { createOutreachRepository } from './outreach.repository.js';
import type { Store } from './store.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1, 12);

for (const database of testDatabases('linkedin-marks')) {
  describe(`LinkedIn marks and sent drafts on ${database.name}`, () => {
    const stores: Store[] = [];
    afterAll(async () => {
      for (const store of stores) await store.close();
      await database.cleanup();
    });

    it('count each person drafted once in a window and give the latest withdrawal up to a time', async () => {
      const store = await database.open();
      stores.push(store);
      const marks = createLinkedinInvitationMarkRepository(store);
      await marks.record(1, 'drafted', T0);
      await marks.record(1, 'drafted', T0 + DAY);
      await marks.record(2, 'drafted', T0 + 2 * DAY);
      await marks.record(3, 'drafted', T0 + 9 * DAY);
      await marks.record(2, 'withdrawn', T0);
      await marks.record(2, 'withdrawn', T0 + 5 * DAY);
      expect(await marks.countPeople('drafted', T0, T0 + 7 * DAY)).toBe(2);
      expect(await marks.countPeople('withdrawn', T0, T0 + 7 * DAY)).toBe(1);
      expect(await marks.latest('withdrawn', [1, 2], T0 + 3 * DAY)).toEqual(new Map([[2, T0]]));
      expect(await marks.latest('withdrawn', [1, 2], T0 + 6 * DAY)).toEqual(new Map([[2, T0 + 5 * DAY]]));
    });

    it('remember which finished messages were sent, with their key', async () => {
      const store = await database.open();
      stores.push(store);
      const outreach = createOutreachRepository(store);
      const id = await outreach.createBatch({
        query: 'x',
        reason: 'r',
        channel: 'email',
        template: '{{personal}}',
        recipients: [5, 6],
        createdAt: T0,
      });
      const batch = await outreach.batch(id);
      if (!batch) throw new Error('no batch');
      await outreach.finish(
        batch,
        [5, 6].map((personId) => ({ personId, personalLine: `line ${personId}`, subject: 's', body: 'b' })),
        T0,
      );
      await outreach.markSent(id, 6, T0 + 1, '<tend-1-6@host>');
      expect(await outreach.messages(id)).toEqual([
        { personId: 5, subject: 's', body: 'b', sentAt: null },
        { personId: 6, subject: 's', body: 'b', sentAt: T0 + 1 },
      ]);
    });
  });
}
