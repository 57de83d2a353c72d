// messages.csv in the mid-2023 → 2025 shape (10 columns), heavy-tailed like a real inbox: most connections
// never wrote, many threads of 1–3 messages, a few hundred of hundreds; group threads, recruiters, spam,
// sponsored InMail and deleted accounts ("LinkedIn Member"). Rows are grouped by conversation (newest
// conversation first) and newest first within one, as LinkedIn writes them.
import { Buffer } from 'node:buffer';
import { openCsvFile } from './csv-file-writer.mjs';
import { DAY_MS, EXPORT_END, YEAR_MS, formatMessageDate } from './export-dates.mjs';
import { OWNER, makeStranger } from './export-people.mjs';
import {
  messageContent,
  recruiterContent,
  shortMessageContent,
  spamContent,
  sponsoredContent,
  sponsoredSubject,
} from './export-text.mjs';
import { createRandom } from './seeded-random.mjs';

export const MESSAGES_HEADER = [
  'CONVERSATION ID',
  'CONVERSATION TITLE',
  'FROM',
  'SENDER PROFILE URL',
  'TO',
  'RECIPIENT PROFILE URLS',
  'DATE',
  'SUBJECT',
  'CONTENT',
  'FOLDER',
];

const WINDOW_START = EXPORT_END - 8 * YEAR_MS;
const HOUR_MS = 3_600_000;
const DELETED_ACCOUNT = { firstName: null, name: 'LinkedIn Member', url: '' };
const GROUP_TITLES = [
  'Product Breakfast organisers',
  'Pricing working group',
  'KTH alumni, class of 2013',
  'Launch war room',
  'Mentoring circle',
  'Board prep',
];

/** Message counts for the threads that carry a relationship: Zipf–Mandelbrot scaled to an exact total. */
function zipfCounts(threads, total) {
  const offset = Math.max(2, threads * 0.02);
  const countsFor = (scale) => {
    const counts = [];
    for (let rank = 1; rank <= threads; rank++) {
      counts.push(Math.max(1, Math.round(scale / (rank + offset) ** 1.3)));
    }
    return counts;
  };
  const sum = (counts) => counts.reduce((a, b) => a + b, 0);
  let low = 0;
  let high = total * (threads + offset) ** 1.3;
  for (let step = 0; step < 200 && high - low > 1e-6; step++) {
    const middle = (low + high) / 2;
    if (sum(countsFor(middle)) < total) low = middle;
    else high = middle;
  }
  const counts = countsFor(high);
  counts[0] += total - sum(counts);
  return counts;
}

function conversationId(random) {
  const uuid = `${random.hex(8)}-${random.hex(4)}-4${random.hex(3)}-${random.hex(4)}-${random.hex(12)}`;
  return `2-${Buffer.from(`${uuid}_0${random.int(10, 99)}`).toString('base64')}`;
}

/** Who talks in which thread and how much; the rows themselves are made while writing. */
function planConversations(random, { budget, connections, makeSlug, companies }) {
  const conversations = [];
  const stranger = (role) => makeStranger(random, makeSlug, role, companies);
  const add = (kind, members, count, extra = {}) => {
    const earliest = Math.max(WINDOW_START, ...members.map((m) => (m.connectedAt ?? 0) + 8 * HOUR_MS));
    conversations.push({ kind, members, count, earliest, folder: 'INBOX', casual: false, ...extra });
  };
  const fill = (rows, kind, role, min, max) => {
    for (let left = rows; left > 0;) {
      const count = Math.min(left, random.int(min, max));
      add(kind, [role === 'deleted' ? DELETED_ACCOUNT : stranger(role)], count, {
        folder: kind === 'spam' ? 'SPAM' : 'INBOX',
      });
      left -= count;
    }
  };
  fill(Math.round(budget * 0.005), 'sponsored', 'marketer', 1, 1);
  fill(Math.round(budget * 0.01), 'spam', 'spammer', 1, 3);
  fill(Math.max(4, Math.round(budget * 0.0001)), 'deleted', 'deleted', 2, 4);
  const recruiters = Math.round(connections.length * 0.03);
  for (let index = 0; index < recruiters; index++)
    add('recruiter', [stranger('recruiter')], random.int(1, 3));

  const talking = random.shuffle([...connections]).slice(0, Math.round(connections.length * 0.27));
  const direct = talking.length;
  const pool = talking.map((connection) => ({ kind: 'direct', members: [connection] }));
  const groups = Math.round(direct * 0.0526);
  const large = Math.max(2, Math.round(connections.length / 4000));
  for (let index = 0; index < groups; index++) {
    const size = index < large ? random.int(9, 29) : random.int(2, 7);
    const members = new Set();
    while (members.size < size) {
      members.add(random.chance(0.7) ? random.pick(talking) : random.pick(connections));
    }
    const title = random.chance(0.5) ? random.pick(GROUP_TITLES) : '';
    pool.push({ kind: 'group', members: [...members], title, large: index < large });
  }

  // Casual threads (1–3 messages) and relationship threads, whose Zipf counts go preferably to the
  // threads with the longest possible span (an old connection can have a long history).
  let rest = budget - conversations.reduce((sum, c) => sum + c.count, 0);
  const relationship = [];
  for (const thread of random.shuffle(pool)) {
    if (!thread.large && random.chance(0.45)) {
      const count = random.weighted([
        [1, 45],
        [2, 30],
        [3, 25],
      ]);
      add(thread.kind, thread.members, count, { casual: true, title: thread.title ?? '' });
      rest -= count;
    } else {
      relationship.push(thread);
    }
  }
  if (rest < relationship.length) throw new Error(`message budget ${budget} too small for the threads`);
  const keyed = relationship.map((thread) => {
    const earliest = Math.max(WINDOW_START, ...thread.members.map((m) => m.connectedAt + 8 * HOUR_MS));
    return { thread, key: (EXPORT_END - earliest) * (0.3 + random.next()) };
  });
  keyed.sort((a, b) => b.key - a.key);
  const counts = zipfCounts(keyed.length, rest);
  keyed.forEach(({ thread }, index) =>
    add(thread.kind, thread.members, counts[index], { title: thread.title ?? '' }),
  );

  // ~3% of rows archived by the owner: whole small and medium one-to-one threads.
  let archived = Math.round(budget * 0.03);
  for (const conversation of random.shuffle(conversations.filter((c) => c.kind === 'direct'))) {
    if (archived <= 0) break;
    if (conversation.count > archived || conversation.count > 300) continue;
    conversation.folder = 'ARCHIVE';
    archived -= conversation.count;
  }
  const blank = conversations.find((c) => c.kind === 'direct' && c.casual && c.folder === 'INBOX');
  if (blank) blank.blankFolder = true; // real exports have the odd row with an empty FOLDER
  for (const conversation of conversations) conversation.id = conversationId(random);
  return conversations;
}

/** Message instants, ascending: sessions of quick back-and-forth, denser towards the thread's end. */
function threadTimes(random, conversation) {
  const { count, earliest, casual, kind } = conversation;
  const span = Math.max(HOUR_MS, EXPORT_END - earliest);
  let start;
  let end;
  if (kind !== 'direct' && kind !== 'group') {
    start = earliest + span * random.recentFraction(0.2);
    end = Math.min(EXPORT_END, start + count * random.next() * 10 * DAY_MS);
  } else if (casual) {
    const soonAfterConnecting = earliest > WINDOW_START && random.chance(0.5);
    start = soonAfterConnecting
      ? earliest + random.next() * 20 * DAY_MS
      : earliest + span * random.recentFraction();
    end = start + random.next() ** 2 * 21 * DAY_MS;
  } else {
    start = earliest + span * (random.chance(0.5) ? random.next() * 0.05 : random.next() * 0.6);
    const active = random.chance(count > 200 ? 0.8 : 0.5);
    end = active
      ? EXPORT_END - random.next() ** 2 * 60 * DAY_MS
      : start + (EXPORT_END - start) * random.next();
  }
  start = Math.min(start, EXPORT_END - HOUR_MS);
  end = Math.min(Math.max(end, start + HOUR_MS), EXPORT_END);
  const times = new Float64Array(count);
  let index = 0;
  while (index < count) {
    let at = start + (end - start) * Math.sqrt(random.next());
    const burst = Math.min(count - index, random.int(1, 5));
    for (let step = 0; step < burst; step++) {
      // A burst running past the export lands in its last hour instead (sorted below).
      const clamped = at > EXPORT_END ? EXPORT_END - random.next() * HOUR_MS : at;
      times[index++] = Math.round(clamped / 1000) * 1000;
      at += Math.exp(Math.log(30_000) + random.next() * Math.log((4 * HOUR_MS) / 30_000));
    }
  }
  return times.sort();
}

/** Senders in time order: index -1 is the owner, else a member index. */
function threadSenders(random, conversation) {
  const { count, kind, members } = conversation;
  const senders = new Int32Array(count);
  if (kind === 'sponsored' || kind === 'spam') return senders;
  if (kind === 'recruiter' || kind === 'deleted') {
    for (let index = 1; index < count; index++) senders[index] = random.chance(0.4) ? -1 : 0;
    return senders;
  }
  if (kind === 'group') {
    for (let index = 0; index < count; index++) {
      senders[index] = random.chance(0.25) ? -1 : Math.floor(members.length * random.next() ** 1.6);
    }
    return senders;
  }
  // One-to-one: switching speakers like a conversation; the owner writes a bit under half.
  let current = random.chance(0.5) ? -1 : 0;
  for (let index = 0; index < count; index++) {
    senders[index] = current;
    if (random.chance(current === -1 ? 0.58 : 0.52)) current = current === -1 ? 0 : -1;
  }
  return senders;
}

function messageRow(random, conversation, sender, at, first, short) {
  const { kind, members } = conversation;
  const from = sender === -1 ? OWNER : members[sender];
  const to = sender === -1 ? members : [OWNER, ...members.filter((_, index) => index !== sender)];
  let content;
  let subject = '';
  if (kind === 'sponsored') {
    content = sponsoredContent(random, OWNER.firstName);
    subject = sponsoredSubject(random);
  } else if (kind === 'spam') {
    content = spamContent(random);
  } else if (kind === 'recruiter' && sender !== -1 && first) {
    content = recruiterContent(random, OWNER.firstName, from.company);
    if (random.chance(0.4)) subject = `Opportunity at ${from.company}`;
  } else if (short) {
    content = shortMessageContent(random);
  } else {
    content = messageContent(random, to.length === 1 ? to[0].firstName : null);
  }
  return [
    conversation.id,
    conversation.title ?? '',
    from.name,
    from.url,
    to.map((person) => person.name).join(', '),
    to
      .map((person) => person.url)
      .filter(Boolean)
      .join(','),
    formatMessageDate(at),
    subject,
    content,
    conversation.blankFolder && first ? '' : conversation.folder,
  ];
}

/**
 * Writes messages.csv and returns what it wrote, for the generator's summary. `length` is `long` (letters of
 * 5–80 words, the default) or `short` (chat lines of ~60 bytes); the threads, people and times are the same.
 */
export function writeMessagesFile(path, { seed, budget, connections, makeSlug, companies, length = 'long' }) {
  const random = createRandom(seed, 'messages');
  const conversations = planConversations(random, { budget, connections, makeSlug, companies });
  conversations.forEach((conversation, index) => {
    const own = createRandom(seed, `thread:${index}`);
    conversation.times = threadTimes(own, conversation);
    conversation.senders = threadSenders(own, conversation);
  });
  conversations.sort((a, b) => b.times[b.count - 1] - a.times[a.count - 1]);

  const stats = { rows: 0, owner: 0, folders: {}, kinds: {}, years: {}, deletedAccountRows: 0 };
  const file = openCsvFile(path);
  file.writeRow(MESSAGES_HEADER);
  for (const conversation of conversations) {
    for (let index = conversation.count - 1; index >= 0; index--) {
      const sender = conversation.senders[index];
      const row = messageRow(
        random,
        conversation,
        sender,
        conversation.times[index],
        index === 0,
        length === 'short',
      );
      file.writeRow(row);
      stats.rows++;
      if (sender === -1) stats.owner++;
      if (row[2] === DELETED_ACCOUNT.name) stats.deletedAccountRows++;
      stats.folders[row[9] || '(empty)'] = (stats.folders[row[9] || '(empty)'] ?? 0) + 1;
      const year = row[6].slice(0, 4);
      stats.years[year] = (stats.years[year] ?? 0) + 1;
    }
    stats.kinds[conversation.kind] = (stats.kinds[conversation.kind] ?? 0) + 1;
    conversation.times = null;
    conversation.senders = null;
  }
  const written = file.close();
  const threads = conversations
    .filter((c) => c.kind === 'direct' || c.kind === 'group')
    .map((c) => c.count)
    .sort((a, b) => a - b);
  const talkedTo = new Set(
    conversations.filter((c) => c.kind === 'direct' || c.kind === 'group').flatMap((c) => c.members),
  );
  return {
    ...written,
    stats: {
      ...stats,
      conversations: conversations.length,
      threadLength: {
        median: threads[Math.floor(threads.length / 2)],
        p90: threads[Math.floor(threads.length * 0.9)],
        max: threads.at(-1),
        upTo3: threads.filter((n) => n <= 3).length,
        atLeast100: threads.filter((n) => n >= 100).length,
      },
      connectionsWithoutConversation: 1 - talkedTo.size / connections.length,
    },
  };
}
