import { describe, expect, it } from 'vitest';
import { LONG_AGO, NOW, Network, TODAY, ago } from '../../test/support/agenda-network.js';
import { everyAgendaItem, type AgendaItem, type ItemState } from './agenda.js';
import { addDays } from './time.js';

/** Marks on agenda items (docs/rules/agenda.md#item-ids): they stick, and never promote another kind. */

/** An inner-circle tie, silent for over a year: keep-in-touch first, revive behind it. */
const silentFriend = () =>
  new Network()
    .connected('Karin Ek', LONG_AGO, { circle: 'inner' })
    .message('Karin Ek', 'out', '2024-02-01 10:00')
    .message('Karin Ek', 'in', '2024-02-02 10:00')
    .message('Karin Ek', 'out', '2024-03-01 10:00')
    .message('Karin Ek', 'in', '2024-03-02 10:00')
    .message('Karin Ek', 'out', '2024-04-01 10:00')
    .message('Karin Ek', 'in', '2024-04-02 10:00');

/** I wrote on three days since their last message, the first long ago, and they are in a circle. */
const oneSided = () =>
  new Network()
    .connected('Rasmus Holm', LONG_AGO, { circle: 'active' })
    .message('Rasmus Holm', 'out', ago(200))
    .message('Rasmus Holm', 'in', ago(199))
    .message('Rasmus Holm', 'out', ago(150))
    .message('Rasmus Holm', 'out', ago(100))
    .message('Rasmus Holm', 'out', ago(90));

function mark(network: Network, item: AgendaItem, state: ItemState['state'], until: string | null = null) {
  return new Map<string, ItemState>([
    [item.id, { state, until, personId: item.person!.id, at: network.at(NOW) }],
  ]);
}

const kinds = (items: AgendaItem[]) => items.map((item) => item.kind);

describe('marks on a care item quiet the person, never promoting another kind', () => {
  it('the friend has a keep-in-touch with a revive behind it', () => {
    expect(silentFriend().kinds('Karin Ek', NOW)).toEqual(['keep-in-touch', 'revive']);
    expect(kinds(silentFriend().agenda(NOW).items)).toEqual(['keep-in-touch']);
  });

  it('snoozing the keep-in-touch shows no revive until the snooze date, then the keep-in-touch again', () => {
    const network = silentFriend();
    const [item] = network.agenda(NOW).items;
    const until = addDays(TODAY, 30);
    const states = mark(network, item!, 'snoozed', until);
    expect(network.agenda(NOW, states).items).toEqual([]);
    expect(network.agenda(`${addDays(until, -1)} 09:00`, states).items).toEqual([]);
    expect(kinds(network.agenda(`${until} 09:00`, states).items)).toEqual(['keep-in-touch']);
  });

  it.each(['dismissed', 'done'] as const)(
    '%s on a let-go shows no keep-in-touch for the same person, later either',
    (state) => {
      const network = oneSided();
      expect(network.kinds('Rasmus Holm', NOW)).toEqual(['let-go', 'keep-in-touch']);
      const [item] = network.agenda(NOW).items;
      const states = mark(network, item!, state);
      expect(network.agenda(NOW, states).items).toEqual([]);
      expect(network.agenda(`${addDays(TODAY, 90)} 09:00`, states).items).toEqual([]);
    },
  );

  it('a new event after the dismissal makes a new item (their message: a reply)', () => {
    const network = oneSided();
    const states = mark(network, network.agenda(NOW).items[0]!, 'dismissed');
    network.message('Rasmus Holm', 'in', `${addDays(TODAY, 1)} 10:00`);
    expect(kinds(network.agenda(`${addDays(TODAY, 2)} 09:00`, states).items)).toEqual(['reply']);
  });

  it('every id a plan could show is among everyAgendaItem, marks or not', () => {
    const network = silentFriend();
    const now = network.at(NOW);
    const all = everyAgendaItem({ people: network.entries(now), invitations: [], now, zone: network.zone });
    expect(kinds(all)).toEqual(['keep-in-touch', 'revive']);
  });
});
