// Invitations.csv (late-2023 → 2026 header with profile URLs), Endorsement_Received_Info.csv and
// Recommendations_Received.csv. These files are small (thousands of rows), so rows are made in memory,
// sorted newest first, and then streamed out.
import { openCsvFile } from './csv-file-writer.mjs';
import {
  DAY_MS,
  EXPORT_DAY_START,
  EXPORT_END,
  YEAR_MS,
  formatEndorsementDate,
  formatRecommendationDate,
  formatSentAt,
} from './export-dates.mjs';
import { OWNER, OWNER_POSITIONS, makeStranger } from './export-people.mjs';
import { invitationNote, recommendationText } from './export-text.mjs';
import { SKILLS } from './export-vocabulary.mjs';
import { createRandom } from './seeded-random.mjs';

const HOUR_MS = 3_600_000;
const PENDING_DAYS = 88;

function writeSorted(path, header, entries) {
  entries.sort((a, b) => b.at - a.at);
  const file = openCsvFile(path);
  file.writeRow(header);
  for (const entry of entries) file.writeRow(entry.row);
  return file.close();
}

/** A minute-precision instant on the day `dayStart`, between 7:00 and 22:59, never after the export. */
function timeOnDay(random, dayStart) {
  const latest = Math.min(22 * 60 + 59, Math.floor((EXPORT_END - HOUR_MS - dayStart) / 60_000));
  return dayStart + random.int(Math.min(7 * 60, latest), latest) * 60_000;
}

/**
 * ~20% pending (incoming, from strangers, within 90 days of the export), ~50% from people who became
 * connections (sent a few days before Connected On), the rest expired incoming or unanswered outgoing
 * invitations to strangers; ~60% incoming overall.
 */
export function writeInvitationsFile(path, { seed, count, connections, makeSlug, companies }) {
  const random = createRandom(seed, 'invitations');
  const entries = [];
  const add = (direction, person, at, kind) => {
    const incoming = direction === 'INCOMING';
    const [from, to] = incoming ? [person, OWNER] : [OWNER, person];
    const note = invitationNote(random, to.firstName, from, kind);
    entries.push({
      at,
      row: [from.name, to.name, formatSentAt(at), note, direction, from.url, to.url],
    });
  };
  const stranger = () => makeStranger(random, makeSlug, 'inviter', companies);

  const pending = Math.round(count * 0.2);
  for (let index = 0; index < pending; index++) {
    const daysAgo = index === 0 ? 0 : Math.floor(random.next() ** 1.2 * PENDING_DAYS);
    const at = timeOnDay(random, EXPORT_DAY_START - daysAgo * DAY_MS);
    add('INCOMING', stranger(), at, 'stranger');
  }

  const recent = connections.filter((c) => c.connectedAt >= EXPORT_DAY_START - 4 * YEAR_MS);
  const accepted = random.shuffle(recent).slice(0, Math.round(count * 0.5));
  let acceptedIncoming = 0;
  for (const connection of accepted) {
    const incoming = random.chance(0.5);
    if (incoming) acceptedIncoming++;
    const daysBefore = random.weighted([
      [0, 50],
      [random.int(1, 3), 35],
      [random.int(4, 14), 15],
    ]);
    const at = timeOnDay(random, connection.connectedAt - daysBefore * DAY_MS);
    add(incoming ? 'INCOMING' : 'OUTGOING', connection, at, incoming ? 'connection' : 'own');
  }

  const expired = Math.max(0, Math.round(count * 0.6) - pending - acceptedIncoming);
  for (let index = 0; index < expired; index++) {
    const daysAgo = 91 + Math.floor(random.next() * 3 * 365);
    add('INCOMING', stranger(), timeOnDay(random, EXPORT_DAY_START - daysAgo * DAY_MS), 'stranger');
  }
  for (let index = entries.length; index < count; index++) {
    const daysAgo = Math.floor(random.next() * 2 * 365);
    add('OUTGOING', stranger(), timeOnDay(random, EXPORT_DAY_START - daysAgo * DAY_MS), 'own');
  }
  return writeSorted(
    path,
    ['From', 'To', 'Sent At', 'Message', 'Direction', 'inviterProfileUrl', 'inviteeProfileUrl'],
    entries,
  );
}

/** A second-precision instant after `from`, denser towards the export. */
function instantAfter(random, from) {
  const start = Math.min(Math.max(from + DAY_MS, EXPORT_END - 8 * YEAR_MS), EXPORT_END - HOUR_MS);
  return Math.round((start + (EXPORT_END - start) * random.recentFraction()) / 1000) * 1000;
}

/** Endorsements: some people endorse two or three skills at once; URLs written without a scheme. */
export function writeEndorsementsFile(path, { seed, count, connections }) {
  const random = createRandom(seed, 'endorsements');
  const entries = [];
  while (entries.length < count) {
    const endorser = random.pick(connections);
    const at = instantAfter(random, endorser.connectedAt);
    const skills = random.shuffle([...SKILLS]).slice(0, random.chance(0.3) ? random.int(2, 3) : 1);
    for (const skill of skills.slice(0, count - entries.length)) {
      entries.push({
        at,
        row: [
          formatEndorsementDate(at),
          skill,
          endorser.firstName,
          endorser.lastName,
          endorser.url.replace(/^https:\/\//, ''),
          'ACCEPTED',
        ],
      });
    }
  }
  return writeSorted(
    path,
    [
      'Endorsement Date',
      'Skill Name',
      'Endorser First Name',
      'Endorser Last Name',
      'Endorser Public Url',
      'Endorsement Status',
    ],
    entries,
  );
}

/** Recommendations, mostly from people at the owner's employers; Text spans several lines. */
export function writeRecommendationsFile(path, { seed, count, connections }) {
  const random = createRandom(seed, 'recommendations');
  const ownerCompanies = new Set(OWNER_POSITIONS.map((position) => position.company));
  const colleagues = connections.filter((c) => ownerCompanies.has(c.company));
  const chosen = new Set();
  while (chosen.size < Math.min(count, connections.length)) {
    chosen.add(
      random.chance(0.6) && colleagues.length > 0 ? random.pick(colleagues) : random.pick(connections),
    );
  }
  const entries = [...chosen].map((person) => {
    const at = Math.floor(instantAfter(random, person.connectedAt) / 60_000) * 60_000;
    const company = ownerCompanies.has(person.company)
      ? person.company
      : random.pick(OWNER_POSITIONS).company;
    return {
      at,
      row: [
        person.firstName,
        person.lastName,
        person.company ?? '',
        person.position ?? '',
        recommendationText(random, OWNER.firstName, company),
        formatRecommendationDate(at),
        'VISIBLE',
      ],
    };
  });
  return writeSorted(
    path,
    ['First Name', 'Last Name', 'Company', 'Job Title', 'Text', 'Creation Date', 'Status'],
    entries,
  );
}
