import { afterAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/support/test-databases.js';
import { createAgendaStateRepository } from './agenda-state.repository.js';
import type { Store } from './store.js';

const NOW = Date.UTC(2026, 10, 20, 12);

for (const database of testDatabases('agenda-state')) {
  describe(`agenda marks and the undo journal (${database.name})`, () => {
    const stores: Store[] = [];
    afterAll(async () => {
      for (const store of stores) await store.close();
      await database.cleanup();
    });

    it('keeps whose care item a mark was, and journals actions newest first until undone', async () => {
      const store = await database.open();
      stores.push(store);
      const marks = createAgendaStateRepository(store);
      await marks.set('aaaaaaaaaaaa', { state: 'snoozed', until: '2026-12-01', personId: 7 }, NOW);
      expect((await marks.all()).get('aaaaaaaaaaaa')).toEqual({
        state: 'snoozed',
        until: '2026-12-01',
        personId: 7,
        at: NOW,
      });
      const action = { at: NOW, itemId: 'aaaaaaaaaaaa', interactionId: null, personId: 7 };
      await marks.record({ ...action, description: 'first', previous: null });
      await marks.record({
        ...action,
        description: 'second',
        previous: { state: 'snoozed', until: '2026-12-01', personId: 7, at: NOW },
        interactionId: 42,
      });
      const last = await marks.last();
      expect(last).toMatchObject({ description: 'second', interactionId: 42, personId: 7 });
      expect(last?.previous).toEqual({ state: 'snoozed', until: '2026-12-01', personId: 7, at: NOW });
      await marks.markUndone(last!.id, NOW);
      expect((await marks.last())?.description).toBe('first');
      await marks.remove('aaaaaaaaaaaa');
      expect((await marks.all()).size).toBe(0);
    });
  });
}
