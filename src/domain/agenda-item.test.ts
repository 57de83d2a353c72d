import { describe, expect, it } from 'vitest';
import { LONG_AGO, NOW, Network, ago } from '../../test/support/agenda-network.js';
import { buildAgenda, describeItems } from './agenda.js';

/** A network with items of several kinds on one day. */
const network = () =>
  new Network()
    .connected('Karin Ek', LONG_AGO, { circle: 'inner' })
    .message('Karin Ek', 'out', '2024-02-01 10:00')
    .message('Karin Ek', 'in', '2024-02-02 10:00')
    .connected('Rasmus Holm', LONG_AGO)
    .message('Rasmus Holm', 'out', ago(20))
    .message('Rasmus Holm', 'in', ago(3))
    .connected('Ana Lima', ago(4));

describe('the words of an agenda item (docs/PERFORMANCE.md#agenda-texts)', () => {
  it('are written when described, the same as an agenda described at once', () => {
    const input = network();
    const now = input.at(NOW);
    const agendaInput = {
      people: input.entries(now),
      invitations: input.invitations,
      states: new Map(),
      now,
      zone: input.zone,
    };
    const described = buildAgenda(agendaInput).items;
    const later = buildAgenda(agendaInput, { describe: false }).items;
    expect(described.length).toBeGreaterThanOrEqual(3);
    expect(later.map((item) => [item.id, item.reason, item.suggestion])).toEqual(
      described.map((item) => [item.id, '', '']),
    );
    // The plan describes only what it shows; what it does not stays unwritten.
    describeItems(later.slice(0, 1));
    expect(later[0]).toEqual(described[0]);
    expect(later[1]?.reason).toBe('');
    describeItems(later);
    expect(later).toEqual(described);
  });
});
