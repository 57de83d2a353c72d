import { describe, expect, it } from 'vitest';
import {
  LONG_AGO,
  NOW,
  N_MINUS_1_N_N_PLUS_1,
  Network,
  TODAY,
  BERLIN,
  ago,
  dayAgo,
  type When,
} from '../../test/support/agenda-network.js';
import { isPendingInvitation, type AgendaInvitation } from './agenda.js';
import type { Circle } from './person.js';
import { addDays } from './time.js';

/**
 * The agenda rules (docs/rules/agenda.md) at N−1, N and N+1, in a zone east of UTC and across clock changes.
 * Every case starts from plain interactions (test/support/agenda-network.ts).
 */

describe('follow-up: connected recently and nothing said by me since', () => {
  // Due 3 days after connecting, expired when over 14 days late: shown up to 17 days after connecting.
  it.each(N_MINUS_1_N_N_PLUS_1(17, true, true, false))(
    'connected %i days ago with nothing said: follow-up %s (expires over 14 days after its due date)',
    (days, expected) => {
      const network = new Network().connected('Ann Weber', dayAgo(days));
      const items = network.careItems('Ann Weber', NOW);
      expect(items.some((item) => item.kind === 'follow-up')).toBe(expected);
      if (expected)
        expect(items.find((item) => item.kind === 'follow-up')?.due).toBe(addDays(dayAgo(days), 3));
    },
  );

  it('counts calendar days across the switch to summer time (17 days: still due; 18: expired)', () => {
    // 2026-03-29 has 23 hours in Berlin: 17 calendar days are 16 days and 23.5 hours of clock time here.
    const now = '2026-04-10 00:30';
    expect(new Network().connected('Ann Weber', '2026-03-24').kinds('Ann Weber', now)).toEqual(['follow-up']);
    expect(new Network().connected('Ann Weber', '2026-03-23').kinds('Ann Weber', now)).toEqual([]);
  });

  it('is due 3 days after connecting', () => {
    const [item] = new Network().connected('Ann Weber', dayAgo(1)).careItems('Ann Weber', NOW);
    expect(item).toMatchObject({ kind: 'follow-up', due: addDays(dayAgo(1), 3) });
    expect(item?.reason).toContain(dayAgo(1));
  });

  it('my own invitation note does not count as saying something', () => {
    const network = new Network().connected('Ann Weber', dayAgo(10));
    network.invitation({
      personId: network.idOf('Ann Weber'),
      name: 'Ann Weber',
      message: 'Hi Ann, we met at the Berlin payments meetup.',
      sentAt: network.at(ago(11)),
      exportAt: null,
      direction: 'out',
      counterpartConnected: true,
      decision: null,
    });
    const agenda = network.agenda(NOW);
    expect(agenda.items.map((item) => [item.kind, item.subject])).toEqual([['follow-up', 'Ann Weber']]);
  });

  it.each([
    ['a message of mine after connecting', (n: Network) => n.message('Ann Weber', 'out', ago(9))],
    ['a call logged after connecting', (n: Network) => n.logged('Ann Weber', 'call', 'both', ago(9))],
    ['a meeting logged after connecting', (n: Network) => n.logged('Ann Weber', 'meeting', 'out', ago(9))],
    ['a message on the day of connecting', (n: Network) => n.message('Ann Weber', 'out', ago(10, '00:05'))],
  ])('%s suppresses it', (_label, act) => {
    const network = act(new Network().connected('Ann Weber', dayAgo(10)));
    expect(network.kinds('Ann Weber', NOW)).not.toContain('follow-up');
  });

  it('a call they made to me is a conversation too: no follow-up after it', () => {
    const network = new Network()
      .connected('Ann Weber', dayAgo(10))
      .logged('Ann Weber', 'call', 'in', ago(9));
    expect(network.kinds('Ann Weber', NOW)).not.toContain('follow-up');
  });

  it('a message of mine from before connecting does not count', () => {
    const network = new Network()
      .connected('Ann Weber', dayAgo(10))
      .message('Ann Weber', 'out', ago(11, '23:30'));
    expect(network.kinds('Ann Weber', NOW)).toEqual(['follow-up']);
  });

  it('their message alone makes it a reply instead', () => {
    const network = new Network()
      .connected('Ann Weber', dayAgo(10))
      .message('Ann Weber', 'in', ago(8), { summary: 'Great to connect!' });
    expect(network.kinds('Ann Weber', NOW)).toEqual(['reply']);
    expect(network.agenda(NOW).items.map((item) => item.kind)).toEqual(['reply']);
  });
});

describe('reply: their last one-to-one message, sent within 30 days, unanswered', () => {
  const connection = () => new Network().connected('Ben Okafor', LONG_AGO);

  it.each(N_MINUS_1_N_N_PLUS_1(30, true, true, false))(
    'their message %i days ago: reply %s, due 2 days after it',
    (days, expected) => {
      // 00:30 in Berlin is the evening before in UTC: the due date must come from the Berlin date.
      const network = connection().message('Ben Okafor', 'in', ago(days, '00:30'), { summary: 'Lunch?' });
      const items = network.careItems('Ben Okafor', NOW);
      expect(items.map((item) => item.kind)).toEqual(expected ? ['reply'] : []);
      if (expected) expect(items[0]?.due).toBe(addDays(dayAgo(days), 2));
    },
  );

  it('my answer resolves it', () => {
    const network = connection().message('Ben Okafor', 'in', ago(5)).message('Ben Okafor', 'out', ago(4));
    expect(network.kinds('Ben Okafor', NOW)).toEqual([]);
  });

  it('a call logged after their message resolves it (logging an interaction resolves items)', () => {
    const network = connection()
      .message('Ben Okafor', 'in', ago(5))
      .logged('Ben Okafor', 'call', 'both', ago(3));
    expect(network.kinds('Ben Okafor', NOW)).not.toContain('reply');
  });

  it('also for someone not connected with an earlier two-way exchange', () => {
    const network = new Network()
      .message('Cleo Park', 'out', ago(200))
      .message('Cleo Park', 'in', ago(199))
      .message('Cleo Park', 'in', ago(20));
    expect(network.kinds('Cleo Park', NOW)).toEqual(['reply']);
    expect(network.agenda(NOW).unknownSenders).toBe(0);
  });

  it.each(N_MINUS_1_N_N_PLUS_1(30, 1, 1, 0))(
    'from a stranger %i days ago: no item, counted %i time(s) among people you do not know yet',
    (days, count) => {
      const network = new Network().message('Rex Recruiter', 'in', ago(days));
      const agenda = network.agenda(NOW);
      expect(agenda.items).toEqual([]);
      expect(agenda.unknownSenders).toBe(count);
    },
  );

  it('several strangers collapse into one count', () => {
    const network = new Network()
      .message('Rex Recruiter', 'in', ago(3))
      .message('Rex Recruiter', 'in', ago(2))
      .message('Sal Seller', 'in', ago(1));
    expect(network.agenda(NOW)).toEqual({
      items: [],
      unknownSenders: 2,
      unknownSenderIds: [network.idOf('Rex Recruiter'), network.idOf('Sal Seller')].sort((a, b) => a - b),
    });
  });

  it('a group thread never makes a reply item', () => {
    const network = connection()
      .connected('Dana Voss', LONG_AGO)
      .group('g1', ['Ben Okafor', 'Dana Voss'])
      .said('g1', 'me', ago(6))
      .said('g1', 'Ben Okafor', ago(5));
    expect(network.kinds('Ben Okafor', NOW)).toEqual([]);
    expect(network.agenda(NOW)).toEqual({ items: [], unknownSenders: 0, unknownSenderIds: [] });
  });
});

describe('let-go: since their last message I wrote on two or more days, the first over 60 days ago', () => {
  /** One earlier two-way exchange, then their last message. */
  const known = () =>
    new Network()
      .connected('Eva Lind', LONG_AGO)
      .message('Eva Lind', 'out', ago(301))
      .message('Eva Lind', 'in', ago(300));

  it.each(N_MINUS_1_N_N_PLUS_1(60, false, false, true))(
    'my first unanswered message %i days ago, a second one later: let-go %s',
    (days, expected) => {
      const network = known()
        .message('Eva Lind', 'out', ago(days))
        .message('Eva Lind', 'out', ago(days - 10));
      const items = network.careItems('Eva Lind', NOW);
      expect(items.some((item) => item.kind === 'let-go')).toBe(expected);
      if (expected) expect(items.find((item) => item.kind === 'let-go')?.due).toBe(TODAY);
    },
  );

  it('one unanswered message is not enough', () => {
    expect(known().message('Eva Lind', 'out', ago(90)).kinds('Eva Lind', NOW)).not.toContain('let-go');
  });

  it('two messages on the same Berlin day count once (they are on two different UTC days)', () => {
    const network = known()
      .message('Eva Lind', 'out', ago(90, '00:30'))
      .message('Eva Lind', 'out', ago(90, '23:30'));
    expect(network.kinds('Eva Lind', NOW)).not.toContain('let-go');
  });

  it('two messages on two Berlin days count twice (they are on the same UTC day)', () => {
    const network = known()
      .message('Eva Lind', 'out', ago(91, '23:30'))
      .message('Eva Lind', 'out', ago(90, '00:30'));
    expect(network.kinds('Eva Lind', NOW)).toContain('let-go');
  });

  it('needs an earlier two-way exchange', () => {
    const network = new Network()
      .connected('Eva Lind', LONG_AGO)
      .message('Eva Lind', 'out', ago(90))
      .message('Eva Lind', 'out', ago(80));
    expect(network.kinds('Eva Lind', NOW)).not.toContain('let-go');
  });

  it('their answer ends it', () => {
    const network = known()
      .message('Eva Lind', 'out', ago(90))
      .message('Eva Lind', 'out', ago(80))
      .message('Eva Lind', 'in', ago(70));
    expect(network.kinds('Eva Lind', NOW)).not.toContain('let-go');
  });

  it('a call logged after my messages ends it (the effort is mutual again)', () => {
    const network = known()
      .message('Eva Lind', 'out', ago(90))
      .message('Eva Lind', 'out', ago(80))
      .logged('Eva Lind', 'call', 'both', ago(20));
    expect(network.kinds('Eva Lind', NOW)).not.toContain('let-go');
  });

  it('counts only what I wrote after such a call: two unanswered days since it, the first over 60 days ago', () => {
    const network = known()
      .message('Eva Lind', 'out', ago(200))
      .logged('Eva Lind', 'call', 'both', ago(150))
      .message('Eva Lind', 'out', ago(90))
      .message('Eva Lind', 'out', ago(80));
    expect(network.kinds('Eva Lind', NOW)).toContain('let-go');
    expect(network.careItems('Eva Lind', NOW).find((item) => item.kind === 'let-go')?.reason).toMatch(
      /2 different days.*the first 90 days ago/,
    );
  });
});

describe('keep-in-touch: the circle cadence since the last two-way exchange', () => {
  const cadences: Array<[Circle, number]> = [
    ['inner', 14],
    ['close', 30],
    ['active', 90],
    ['wide', 365],
  ];
  for (const [circle, cadence] of cadences) {
    it.each(N_MINUS_1_N_N_PLUS_1(cadence, false, true, true))(
      `${circle} (${cadence} days): last exchange %i days ago → keep-in-touch %s`,
      (days, expected) => {
        const network = new Network()
          .connected('Finn Berg', LONG_AGO, { circle })
          .message('Finn Berg', 'in', ago(days + 1))
          .message('Finn Berg', 'out', ago(days));
        const items = network.careItems('Finn Berg', NOW);
        expect(items.map((item) => item.kind)).toEqual(expected ? ['keep-in-touch'] : []);
        if (expected) expect(items[0]?.due).toBe(addDays(dayAgo(days), cadence));
      },
    );
  }

  it('counts calendar days across the switch to winter time (14 days: due; 13: not yet)', () => {
    // 2026-10-25 has 25 hours in Berlin: 14 calendar days from 10:00 to 00:30 are 13 days 15.5 hours.
    const inner = (date: string) =>
      new Network()
        .connected('Finn Berg', LONG_AGO, { circle: 'inner' })
        .logged('Finn Berg', 'call', 'both', `${date} 10:00`);
    expect(inner('2026-10-22').kinds('Finn Berg', '2026-11-05 00:30')).toEqual(['keep-in-touch']);
    expect(inner('2026-10-23').kinds('Finn Berg', '2026-11-05 00:30')).toEqual([]);
  });

  const overdue = () =>
    new Network()
      .connected('Finn Berg', LONG_AGO, { circle: 'active' })
      .message('Finn Berg', 'out', ago(121))
      .message('Finn Berg', 'in', ago(120));

  it.each([
    [
      'an imported message exchange',
      (n: Network) => n.message('Finn Berg', 'in', ago(11)).message('Finn Berg', 'out', ago(10)),
    ],
    ['a logged call', (n: Network) => n.logged('Finn Berg', 'call', 'out', ago(10))],
    ['a logged meeting', (n: Network) => n.logged('Finn Berg', 'meeting', 'in', ago(10))],
    [
      'a logged message with direction both',
      (n: Network) => n.logged('Finn Berg', 'message', 'both', ago(10)),
    ],
    ['help given, logged as both', (n: Network) => n.logged('Finn Berg', 'help-given', 'both', ago(10))],
  ])('%s resets the clock', (_label, act) => {
    expect(overdue().kinds('Finn Berg', NOW)).toEqual(['keep-in-touch']);
    expect(act(overdue()).kinds('Finn Berg', NOW)).toEqual([]);
  });

  it.each([
    ['a message of mine alone', (n: Network) => n.message('Finn Berg', 'out', ago(10))],
    ['an endorsement', (n: Network) => n.logged('Finn Berg', 'endorsement-received', 'in', ago(10))],
    ['a note', (n: Network) => n.logged('Finn Berg', 'note', 'both', ago(10))],
  ])('%s does not reset it', (_label, act) => {
    expect(act(overdue()).kinds('Finn Berg', NOW)).toContain('keep-in-touch');
  });
});

describe('revive: three or more two-way exchanges, the last over a year ago', () => {
  /** `count` exchanges, each its own conversation burst, the last `days` ago. */
  const history = (count: number, days: number) => {
    const network = new Network().connected('Gus Alm', LONG_AGO);
    for (let index = count - 1; index >= 0; index--) {
      const at = days + index * 60;
      network.message('Gus Alm', 'out', ago(at + 1)).message('Gus Alm', 'in', ago(at));
    }
    return network;
  };

  it.each(N_MINUS_1_N_N_PLUS_1(365, false, false, true))(
    'three exchanges, the last %i days ago: revive %s',
    (days, expected) => {
      const items = history(3, days).careItems('Gus Alm', NOW);
      expect(items.map((item) => item.kind)).toEqual(expected ? ['revive'] : []);
      if (expected) expect(items[0]).toMatchObject({ due: TODAY });
      if (expected) expect(items[0]?.reason).toMatch(/^3 two-way exchanges in the past/);
    },
  );

  it('two exchanges are not enough, three are', () => {
    expect(history(2, 400).kinds('Gus Alm', NOW)).toEqual([]);
    expect(history(3, 400).kinds('Gus Alm', NOW)).toEqual(['revive']);
  });
});

describe('one care item per person, by precedence', () => {
  const only = (network: Network, name: string) =>
    network
      .agenda(NOW)
      .items.filter((item) => item.subject === name)
      .map((item) => item.kind);

  it('reply over follow-up and keep-in-touch', () => {
    const network = new Network()
      .connected('Ida Holm', dayAgo(20), { circle: 'inner' })
      .message('Ida Holm', 'in', ago(5));
    expect(network.kinds('Ida Holm', NOW)).toEqual(['reply', 'keep-in-touch']);
    expect(only(network, 'Ida Holm')).toEqual(['reply']);
  });

  it('follow-up over keep-in-touch and revive', () => {
    // Three exchanges by e-mail years ago, connected on LinkedIn only now, in the inner circle.
    const network = new Network().connected('Ida Holm', dayAgo(15), { circle: 'inner' });
    for (const days of [700, 600, 500])
      network
        .message('Ida Holm', 'out', ago(days + 1), { thread: 'mail' })
        .message('Ida Holm', 'in', ago(days), { thread: 'mail' });
    expect(network.kinds('Ida Holm', NOW)).toEqual(['follow-up', 'keep-in-touch', 'revive']);
    expect(only(network, 'Ida Holm')).toEqual(['follow-up']);
  });

  it('let-go over keep-in-touch', () => {
    const network = new Network()
      .connected('Ida Holm', LONG_AGO, { circle: 'close' })
      .message('Ida Holm', 'in', ago(101))
      .message('Ida Holm', 'out', ago(95))
      .message('Ida Holm', 'out', ago(80));
    expect(network.kinds('Ida Holm', NOW)).toEqual(['let-go', 'keep-in-touch']);
    expect(only(network, 'Ida Holm')).toEqual(['let-go']);
  });

  it('keep-in-touch over revive', () => {
    const network = new Network().connected('Ida Holm', LONG_AGO, { circle: 'wide' });
    for (const days of [520, 460, 400])
      network.message('Ida Holm', 'out', ago(days + 1)).message('Ida Holm', 'in', ago(days));
    expect(network.kinds('Ida Holm', NOW)).toEqual(['keep-in-touch', 'revive']);
    expect(only(network, 'Ida Holm')).toEqual(['keep-in-touch']);
  });

  it('a triage item is separate from the care item of the same person', () => {
    const network = new Network().message('Jon Ruiz', 'out', ago(40)).message('Jon Ruiz', 'in', ago(39));
    network.message('Jon Ruiz', 'in', ago(3)).invitation({
      personId: network.idOf('Jon Ruiz'),
      name: 'Jon Ruiz',
      message: null,
      sentAt: network.at(ago(4)),
      exportAt: network.at(ago(1)),
      direction: 'in',
      counterpartConnected: false,
      decision: null,
    });
    expect(only(network, 'Jon Ruiz').sort()).toEqual(['reply', 'triage']);
  });
});

describe('the order: due date, then kind precedence, then strength, then name', () => {
  it('sorts a mixed agenda', () => {
    const network = new Network()
      // follow-up due in 1 day: last.
      .connected('Zoe Early', dayAgo(2))
      // reply due 3 days ago: first.
      .connected('Yann Late', LONG_AGO)
      .message('Yann Late', 'in', ago(5))
      // let-go (due today) before the revives (due today); revives by strength, then by name.
      .connected('Xia Letgo', LONG_AGO)
      .message('Xia Letgo', 'out', ago(301))
      .message('Xia Letgo', 'in', ago(300))
      .message('Xia Letgo', 'out', ago(90))
      .message('Xia Letgo', 'out', ago(80));
    for (const [name, override] of [
      ['Bea Strong', 50],
      ['Cid Weak', 30],
      ['Abe Weak', 30],
    ] as const) {
      network.connected(name, LONG_AGO, { override });
      for (const days of [520, 460, 400])
        network.message(name, 'out', ago(days + 1)).message(name, 'in', ago(days));
    }
    const items = network.agenda(NOW).items;
    expect(items.map((item) => [item.due, item.kind, item.subject])).toEqual([
      [dayAgo(3), 'reply', 'Yann Late'],
      [TODAY, 'let-go', 'Xia Letgo'],
      [TODAY, 'revive', 'Bea Strong'],
      [TODAY, 'revive', 'Abe Weak'],
      [TODAY, 'revive', 'Cid Weak'],
      [addDays(dayAgo(2), 3), 'follow-up', 'Zoe Early'],
    ]);
  });
});

describe('item ids and states', () => {
  const replying = () => new Network().connected('Kai Noor', LONG_AGO).message('Kai Noor', 'in', ago(5));
  const idOf = (network: Network, when: When = NOW) => network.agenda(when).items[0]?.id;

  it('the same inputs give the same id, also on a later day', () => {
    expect(idOf(replying())).toMatch(/^[0-9a-f]{12}$/);
    expect(idOf(replying())).toBe(idOf(replying()));
    expect(idOf(replying(), `${addDays(TODAY, 1)} 09:00`)).toBe(idOf(replying()));
  });

  it('a new triggering event gives a new id', () => {
    expect(idOf(replying().message('Kai Noor', 'in', ago(2)))).not.toBe(idOf(replying()));
    const keep = () =>
      new Network()
        .connected('Kai Noor', LONG_AGO, { circle: 'inner' })
        .message('Kai Noor', 'out', ago(41))
        .message('Kai Noor', 'in', ago(40));
    const later = keep().message('Kai Noor', 'in', ago(21)).message('Kai Noor', 'out', ago(20));
    expect(later.kinds('Kai Noor', NOW)).toEqual(['keep-in-touch']);
    expect(idOf(later)).not.toBe(idOf(keep()));
  });

  it.each(['done', 'dismissed'] as const)('%s hides the item', (state) => {
    const id = idOf(replying())!;
    expect(replying().agenda(NOW, new Map([[id, { state, until: null }]])).items).toEqual([]);
  });

  it('a dismissed item does not hide a new one made by a new event', () => {
    const states = new Map([[idOf(replying())!, { state: 'dismissed' as const, until: null }]]);
    const items = replying().message('Kai Noor', 'in', ago(1)).agenda(NOW, states).items;
    expect(items.map((item) => item.kind)).toEqual(['reply']);
  });

  it.each([
    [-1, false],
    [0, true],
    [1, true],
  ])('snoozed until a date: %i days from that date, shown %s', (offset, shown) => {
    const until = addDays(TODAY, 5);
    const states = new Map([[idOf(replying())!, { state: 'snoozed' as const, until }]]);
    const when = `${addDays(until, offset)} 00:30`;
    expect(replying().agenda(when, states).items.length).toBe(shown ? 1 : 0);
  });
});

describe('pending invitations: incoming, not a connection, sent within 90 days before the export', () => {
  const network = new Network();
  const exportAt = network.at('2026-06-10 00:30');
  const invitation = (days: number, overrides: Partial<AgendaInvitation> = {}): AgendaInvitation => ({
    id: 1,
    personId: null,
    name: 'Lea Stone',
    message: null,
    // 23:30 in Berlin is still the same day in UTC; the export's 00:30 is the day before in UTC.
    sentAt: network.at(`${addDays('2026-06-10', -days)} 23:30`),
    exportAt,
    direction: 'in',
    counterpartConnected: false,
    decision: null,
    ...overrides,
  });

  it.each(N_MINUS_1_N_N_PLUS_1(90, true, true, false))(
    'sent %i days before the export date: pending %s',
    (days, expected) => {
      expect(isPendingInvitation(invitation(days), network.at(NOW), BERLIN)).toBe(expected);
    },
  );

  it.each([
    ['outgoing', { direction: 'out' as const }],
    ['from someone already connected', { counterpartConnected: true }],
  ])('%s: never pending', (_label, overrides) => {
    for (const days of [0, 1, 89, 90])
      expect(isPendingInvitation(invitation(days, overrides), network.at(NOW), BERLIN)).toBe(false);
  });

  it('a pending one is a triage item due the day it arrived; a decided one is gone', () => {
    const pending = new Network().invitation({ ...invitation(20), message: 'Hi, we met at the Hub.' });
    const [item] = pending.agenda(NOW).items;
    expect(item).toMatchObject({ kind: 'triage', subject: 'Lea Stone', due: addDays('2026-06-10', -20) });
    expect(item?.reason).toContain('with a note');
    const decided = new Network().invitation({ ...invitation(20), decision: 'accept' });
    expect(decided.agenda(NOW).items).toEqual([]);
  });
});
