import { describe, expect, it } from 'vitest';
import {
  BERLIN,
  LONG_AGO,
  NOW,
  N_MINUS_1_N_N_PLUS_1,
  Network,
  TODAY,
  ago,
  dayAgo,
} from '../../test/support/agenda-network.js';
import type { AgendaInvitation } from './agenda.js';
import { oldDataDays } from './daily-plan.js';
import { addDays } from './time.js';

/** Rules of issue 13 at N−1, N and N+1: expiry, triage's first day, revive's ranking, old data. */

describe('triage from the day an invitation arrives (docs/rules/agenda.md#triage-item)', () => {
  const network = new Network();
  const invitation = (days: number): Omit<AgendaInvitation, 'id'> => ({
    personId: null,
    name: 'Lea Stone',
    message: null,
    sentAt: network.at(ago(days, '08:00')),
    exportAt: null,
    direction: 'in',
    counterpartConnected: false,
    decision: null,
  });

  it('an invitation of today is in today’s agenda, due today', () => {
    const [item] = new Network().invitation(invitation(0)).agenda(`${TODAY} 12:00`).items;
    expect(item).toMatchObject({ kind: 'triage', due: TODAY });
  });

  it.each(N_MINUS_1_N_N_PLUS_1(7, false, false, true))(
    'sent %i days ago: said to be late %s (late after 7 days)',
    (days, late) => {
      const [item] = new Network().invitation(invitation(days)).agenda(NOW).items;
      expect(item?.due).toBe(dayAgo(days));
      expect(item?.reason.includes(`waiting ${days} days`)).toBe(late);
    },
  );
});

describe('follow-ups expire 14 days after their due date (docs/rules/agenda.md#follow-up)', () => {
  it.each(N_MINUS_1_N_N_PLUS_1(14, true, true, false))('%i days late: shown %s', (late, shown) => {
    const connected = dayAgo(late + 3);
    const items = new Network().connected('Ann Weber', connected).careItems('Ann Weber', NOW);
    expect(items.some((item) => item.kind === 'follow-up')).toBe(shown);
  });
});

describe('revive is ranked by former strength and how far the silence exceeds the usual gap', () => {
  /** Exchanges every `gap` days, `count` of them, the last `lastAgo` days ago. */
  const tie = (network: Network, name: string, count: number, gap: number, lastAgo: number) => {
    network.connected(name, LONG_AGO);
    for (let index = 0; index < count; index++) {
      const days = lastAgo + (count - 1 - index) * gap;
      const thread = `${name}:${index}`;
      network.message(name, 'out', ago(days + 1), { summary: 'How is the launch going', thread });
      network.message(name, 'in', ago(days), { summary: 'Busy but good, the beta is out now', thread });
    }
    return network;
  };
  const reviveOf = (network: Network, name: string) =>
    network.agenda(NOW).items.find((item) => item.kind === 'revive' && item.subject === name);

  it('a tie that was stronger is worth more', () => {
    const network = new Network();
    tie(network, 'Ana Strong', 12, 20, 400);
    tie(network, 'Bo Slight', 3, 20, 400);
    expect(reviveOf(network, 'Ana Strong')!.worth).toBeGreaterThan(reviveOf(network, 'Bo Slight')!.worth);
  });

  it('of two ties alike, the one whose silence exceeds its usual gap further is worth more', () => {
    const network = new Network();
    tie(network, 'Cy Weekly', 4, 30, 500);
    tie(network, 'Di Yearly', 4, 300, 370);
    const weekly = reviveOf(network, 'Cy Weekly')!;
    const yearly = reviveOf(network, 'Di Yearly')!;
    expect(weekly.reason).toMatch(/× your usual 30 days/);
    expect(yearly.reason).toMatch(/× your usual 300 days/);
    expect(weekly.worth / weekly.strength).toBeGreaterThan(yearly.worth / Math.max(1, yearly.strength));
  });

  it.each([
    [
      'a silence shorter than the usual gap is said so, not 0×',
      3,
      600,
      400,
      /400 days ago, shorter than your usual 600 days between exchanges\)/,
    ],
    [
      'a ratio under 10 keeps one decimal, not 1×',
      3,
      300,
      420,
      /420 days ago, 1\.4× your usual 300 days between exchanges\)/,
    ],
    [
      'a ratio of 10 or more is whole',
      3,
      30,
      400,
      /400 days ago, 13× your usual 30 days between exchanges\)/,
    ],
    [
      'a gap below the 14-day floor is no rhythm of the pair: not called usual',
      5,
      2,
      400,
      /400 days ago, your exchanges used to come less than 14 days apart\)/,
    ],
  ])('%s', (_, count, gap, lastAgo, reason) => {
    const network = new Network();
    tie(network, 'Eli Rhythm', count, gap, lastAgo);
    const revive = reviveOf(network, 'Eli Rhythm')!;
    expect(revive.reason).toMatch(reason);
    expect(revive.reason).not.toMatch(/ 0×|your usual 14 days/);
  });
});

describe('old data: the newest import more than 30 days before now (docs/rules/agenda.md#old-data)', () => {
  const network = new Network();
  it.each(N_MINUS_1_N_N_PLUS_1(30, null, null, 31))(
    'newest data %i days old: a line %s',
    (days, expected) => {
      expect(oldDataDays(network.at(ago(days)), network.at(NOW), BERLIN)).toBe(expected);
    },
  );

  it('nothing imported, or data newer than now: no line', () => {
    expect(oldDataDays(null, network.at(NOW), BERLIN)).toBeNull();
    expect(oldDataDays(network.at(addDays(TODAY, 3)), network.at(NOW), BERLIN)).toBeNull();
  });
});
