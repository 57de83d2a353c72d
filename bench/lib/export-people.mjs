// The people of the synthetic export: the owner, the connections (Connections.csv, newest first) and the
// strangers who write or invite without being connections (recruiters, pitches, spam, pending invitations).
import { DAY_MS, EXPORT_DAY_START, formatConnectedOn } from './export-dates.mjs';
import {
  FIRST_NAMES,
  LAST_NAMES,
  NAME_SUFFIXES,
  NICKNAMED_FIRST_NAMES,
  TITLES,
  companyNames,
} from './export-vocabulary.mjs';

const PROFILE_URL = 'https://www.linkedin.com/in/';
const CONNECTION_YEARS = 10;

export const OWNER = {
  firstName: 'Alex',
  lastName: 'Owner',
  name: 'Alex Owner',
  url: `${PROFILE_URL}alex-owner`,
};

/** The owner's employers, newest first; connections work at them too (shared-employer notes, paths). */
export const OWNER_POSITIONS = [
  { company: 'Northwind Health', title: 'Head of Product', from: [2022, 3], to: null },
  { company: 'Brightloop, Inc.', title: 'Senior Product Manager', from: [2018, 8], to: [2022, 2] },
  { company: 'Kelda Analytics', title: 'Product Manager', from: [2015, 9], to: [2018, 7] },
  { company: 'Contoso Bank', title: 'Business Analyst', from: [2013, 6], to: [2015, 8] },
  { company: 'Fabrikam Labs', title: 'Product Intern', from: [2012, 1], to: [2013, 5] },
];

const FOLDED = { ł: 'l', Ł: 'l', ø: 'o', Ø: 'o', æ: 'ae', Æ: 'ae', ß: 'ss', đ: 'd', ı: 'i' };

/** ASCII slug text: accents folded, everything else that is not a letter or digit becomes a hyphen. */
function asciiSlug(text) {
  return text
    .replace(/[łŁøØæÆßđı]/g, (letter) => FOLDED[letter])
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Slugs keep the accented letters percent-encoded, as LinkedIn writes them (`zo%C3%AB-brandt-4821`). */
function encodedSlug(text) {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .split('')
    .map((char) => (/[a-z0-9-]/.test(char) ? char : encodeURIComponent(char)))
    .join('');
}

/**
 * Makes unique profile URLs. Uniqueness is checked on the decoded slug: tend normalises percent-encoding,
 * so `zoë-brandt` and `zo%C3%AB-brandt` would be the same person.
 */
export function createSlugMaker(random) {
  const taken = new Set(['alex-owner']);
  return (firstName, lastName) => {
    const base = `${firstName.replace(/\s*".*"$/, '')} ${lastName}`;
    const accented = /[^\x20-\x7e]/.test(base);
    const stem = accented && random.chance(0.4) ? encodedSlug(base) : asciiSlug(base);
    for (let attempt = 0; ; attempt++) {
      const style =
        attempt > 0
          ? 'hex'
          : random.weighted([
              ['hex', 55],
              ['digits', 30],
              ['vanity', 15],
            ]);
      const slug =
        style === 'vanity'
          ? stem
          : style === 'digits'
            ? `${stem}-${random.int(100, 99999)}`
            : `${stem}-${random.hex(8)}`;
      const key = decodeURIComponent(slug);
      if (taken.has(key)) continue;
      taken.add(key);
      return slug;
    }
  };
}

/** A synthetic name: mostly plain, a few nicknames in quotes, a few comma-free suffixes. */
export function makeName(random) {
  const firstName = random.chance(0.003) ? random.pick(NICKNAMED_FIRST_NAMES) : random.pick(FIRST_NAMES);
  let lastName = random.pick(LAST_NAMES);
  if (random.chance(0.006)) lastName = `${lastName} ${random.pick(NAME_SUFFIXES)}`;
  return { firstName, lastName, name: `${firstName} ${lastName}` };
}

function emailFor(random, person, taken) {
  const local =
    `${asciiSlug(person.firstName.replace(/\s*".*"$/, ''))}.${asciiSlug(person.lastName)}`.replace(/-/g, '');
  const domain = random.chance(0.6)
    ? random.pick(['gmail.com', 'outlook.com', 'hotmail.com', 'icloud.com', 'proton.me'])
    : `${asciiSlug(person.company ?? 'mail')}.com`;
  let email = `${local}@${domain}`;
  for (let index = 2; taken.has(email); index++) email = `${local}${index}@${domain}`;
  taken.add(email);
  return email;
}

/**
 * Connections, newest first as LinkedIn writes them: Connected On over the last ten years with more in
 * recent years (the newest on the export day), ~1.5% hidden profiles (a bare date), ~4% with an e-mail.
 */
export function makeConnections(random, count, makeSlug, companies) {
  // A few large employers and a long tail of small ones.
  const companyWeights = companies.map((company, index) => [company, 1 / (1 + index) ** 0.8]);
  const ownerCompanies = OWNER_POSITIONS.map((position, index) => [position.company, index === 0 ? 3 : 1]);
  const emails = new Set();
  const connections = [];
  for (let index = 0; index < count; index++) {
    const daysAgo = index === 0 ? 0 : Math.floor((1 - random.recentFraction()) * CONNECTION_YEARS * 365);
    const connectedAt = EXPORT_DAY_START - daysAgo * DAY_MS;
    if (index > 0 && random.chance(0.015)) {
      connections.push({ hidden: true, connectedAt });
      continue;
    }
    const person = makeName(random);
    const company = random.chance(0.03)
      ? null
      : random.chance(0.06)
        ? random.weighted(ownerCompanies)
        : random.weighted(companyWeights);
    const connection = {
      hidden: false,
      ...person,
      url: `${PROFILE_URL}${makeSlug(person.firstName, person.lastName)}`,
      company,
      position: random.chance(0.03) ? null : random.pick(TITLES),
      connectedAt,
      email: null,
    };
    if (random.chance(0.04)) connection.email = emailFor(random, connection, emails);
    connections.push(connection);
  }
  return connections.sort((a, b) => b.connectedAt - a.connectedAt);
}

/** A few hundred employers, the owner's among them. */
export function makeCompanies(random) {
  return [...new Set([...companyNames(random), ...OWNER_POSITIONS.map((position) => position.company)])];
}

export function connectionRow(connection) {
  const date = formatConnectedOn(connection.connectedAt);
  if (connection.hidden) return ['', '', '', '', '', '', date];
  const { firstName, lastName, url, email, company, position } = connection;
  return [firstName, lastName, url, email ?? '', company ?? '', position ?? '', date];
}

/** Someone who is not a connection: a recruiter, a sales pitch, a spammer, a pending inviter. */
export function makeStranger(random, makeSlug, role, companies) {
  const person = makeName(random);
  const url = `${PROFILE_URL}${makeSlug(person.firstName, person.lastName)}`;
  // Display names sometimes carry an emoji (docs/rules/linkedin-export.md#display-names); the slug never
  // does.
  if (role !== 'recruiter' && random.chance(0.01)) {
    person.lastName += ' 🚀';
    person.name += ' 🚀';
  }
  return {
    ...person,
    url,
    company: random.pick(companies),
    position:
      role === 'recruiter'
        ? random.pick(['Technical Recruiter', 'Talent Acquisition Partner', 'Executive Search'])
        : random.pick(TITLES),
  };
}
