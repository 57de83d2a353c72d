import { DAY_MS, MODEL, decayTo, type RelationshipFacts } from './relationship-facts.js';
import { calendarDaysBetween } from './time.js';

/**
 * Tie strength 0–100 with its band and the reasons that moved it (docs/rules/exchanges-and-strength.md).
 * Pure: `(facts, person settings, now, ego reference) → { score, band, reasons }`.
 */

export type Band = 'strong' | 'medium' | 'weak' | 'dormant' | 'none';

export interface StrengthSettings {
  floor: number | null;
  override: number | null;
  connectedAt: number | null;
}

export interface StrengthReason {
  component: string;
  points: number;
  text: string;
}

export interface TieStrength {
  score: number;
  band: Band;
  reasons: StrengthReason[];
  /** Days since the last two-way exchange (null when there never was one). */
  daysSinceExchange: number | null;
}

export const WEIGHTS = {
  recency: 0.25,
  intensity: 0.15,
  exchanges: 0.15,
  duration: 0.1,
  reciprocity: 0.15,
  services: 0.1,
  structural: 0.05,
  channels: 0.025,
  responsiveness: 0.025,
} as const;

/** Two-way exchanges that fill the exchanges component (log scale): many real exchanges make a strong tie. */
const EXCHANGES_FULL = 30;

/**
 * Calibration (docs/rules/exchanges-and-strength.md#calibration): 10 or more two-way exchanges over more than
 * a year, the last within 30 days, is a strong tie whatever the rest of the network looks like.
 */
export const CALIBRATION = { exchanges: 10, spanDays: 365, lastWithinDays: 30, score: 60 } as const;

const RECENCY_HALF_LIFE_DAYS = 90;
/** One-way contact is no relationship: capped until the first two-way exchange. */
export const ONE_WAY_CAP = 20;
/**
 * Ego normalisation floor: 95th percentile over people with E > 0, at least 10
 * (docs/rules/exchanges-and-strength.md#ego-reference).
 */
export const INTENSITY_REFERENCE_FLOOR = 10;
const DORMANT_AFTER_DAYS = 365;

export function intensityAt(facts: RelationshipFacts, now: number): number {
  return decayTo(facts.intensity, now, MODEL.intensityHalfLifeDays);
}

/** The user's own reference for intensity: the 95th percentile of E over people with E > 0, at least 10. */
export function intensityReference(values: Iterable<number>): number {
  const positive = [...values].filter((value) => value > 0).sort((a, b) => a - b);
  if (positive.length === 0) return INTENSITY_REFERENCE_FLOOR;
  const index = Math.min(positive.length - 1, Math.ceil(0.95 * positive.length) - 1);
  return Math.max(INTENSITY_REFERENCE_FLOOR, positive[index] ?? 0);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** "today" for a day that is today, else "3 days ago": "the last 0 days ago" says nothing. */
function daysAgo(days: number): string {
  return days === 0 ? 'today' : `${plural(days, 'day')} ago`;
}

/** A reply time as people say it: "within the hour", "5 hours", "3 days" (never "1114.2 h"). */
export function duration(hours: number): string {
  if (hours < 1) return 'under an hour';
  if (hours < 36) return plural(Math.round(hours), 'hour');
  return plural(Math.round(hours / 24), 'day');
}

/**
 * Who starts the conversations and who answers them, in whole conversations: the weighted counts behind the
 * score (recent ones weigh more) are said as "mostly you", "mostly them" or "both alike", never as "you 0.6";
 * a side that started none says so, and with none at all there is one plain sentence, not a row of zeros.
 */
function reciprocityText(facts: RelationshipFacts, mine: number, theirs: number): string {
  const { myInitiations, myInitiationsAnswered, theirInitiations, theirInitiationsAnswered } = facts;
  if (myInitiations + theirInitiations === 0) return 'no conversation started yet, by you or by them';
  const total = mine + theirs;
  const lately =
    total < 0.05
      ? ''
      : mine / total > 0.65
        ? '; lately mostly you start them'
        : mine / total < 0.35
          ? '; lately mostly they do'
          : '; lately both of you alike';
  const yours =
    myInitiations === 0
      ? 'you started none'
      : `you started ${plural(myInitiations, 'conversation')}, they answered ${myInitiationsAnswered} within 14 days`;
  const theirsText =
    theirInitiations === 0
      ? 'they started none'
      : `they started ${plural(theirInitiations, 'conversation')}, you answered ${theirInitiationsAnswered} within 14 days`;
  return `${yours}; ${theirsText}${lately}`;
}

/** One side's responsiveness: an answer within a day counts most; no answer to time is neutral. */
function responsiveSide(hours: number | null): number {
  return hours === null ? 0.5 : 1 / (1 + hours / 24);
}

/**
 * "answers within 14 days: they in 3 hours, you in a day (medians)"; a side with no answer in the window
 * is said as such ("you in 2 hours (median); they never within 14 days"), never "they in no answer".
 */
function responsivenessText(them: number | null, me: number | null): string {
  if (them !== null && me !== null)
    return `answers within 14 days: they in ${duration(them)}, you in ${duration(me)} (medians)`;
  if (them === null && me === null) return 'no answers within 14 days to time';
  const [timed, answered, silent] = them !== null ? ['they', them, 'you'] : ['you', me ?? 0, 'they'];
  return `answers within 14 days: ${timed} in ${duration(answered)} (median); ${silent} never within 14 days`;
}

function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function scoreTie(
  facts: RelationshipFacts,
  settings: StrengthSettings,
  now: number,
  intensityRef: number,
  zone: string,
  /** false: the score and band only (the agenda scores thousands of people and shows no reasons). */
  withReasons = true,
): TieStrength {
  // Facts are distilled as of `now` or earlier (services/relationship.service.ts), never from later events.
  const exchangeCount = facts.exchangeCount;
  const lastExchange = facts.lastExchangeAt;
  const daysSinceExchange =
    lastExchange === null ? null : Math.max(0, calendarDaysBetween(lastExchange, now, zone));
  const reasons: StrengthReason[] = [];
  // Texts are functions made only with reasons: the agenda scores thousands of people without them, and
  // ten closures a person were most of what scoring allocated (docs/PERFORMANCE.md#scoring).
  const say = withReasons;
  const add = (component: keyof typeof WEIGHTS, value: number, text: false | (() => string)) => {
    const points = 100 * WEIGHTS[component] * Math.max(0, Math.min(1, value));
    if (text) reasons.push({ component, points: round(points), text: text() });
    return points;
  };

  let raw = 0;
  const recency = daysSinceExchange === null ? 0 : Math.pow(2, -daysSinceExchange / RECENCY_HALF_LIFE_DAYS);
  raw += add(
    'recency',
    recency,
    say &&
      (() =>
        daysSinceExchange === null
          ? 'no two-way exchange yet'
          : `${plural(exchangeCount, 'two-way exchange')}, the last ${daysAgo(daysSinceExchange)}`),
  );

  raw += add(
    'exchanges',
    Math.log1p(exchangeCount) / Math.log1p(EXCHANGES_FULL),
    say && (() => (exchangeCount === 0 ? 'none counted yet' : plural(exchangeCount, 'two-way exchange'))),
  );

  const intensity = intensityAt(facts, now);
  raw += add(
    'intensity',
    Math.log1p(intensity) / Math.log1p(intensityRef),
    say &&
      (() =>
        round(intensity) === 0
          ? `no recent activity, against your usual ${round(intensityRef)} (half-life 180 days)`
          : `recent activity ${round(intensity)} against your usual ${round(intensityRef)} (half-life 180 days)`),
  );

  // Duration runs from the start to the last interaction, not to now: time alone must never raise a tie
  // (a connection nobody ever talked to does not grow stronger by ageing).
  const startedAt = Math.min(settings.connectedAt ?? Infinity, facts.firstInteractionAt ?? Infinity);
  const lastAt = facts.lastInteractionAt !== null ? Math.min(facts.lastInteractionAt, now) : null;
  const months =
    Number.isFinite(startedAt) && lastAt !== null ? Math.max(0, (lastAt - startedAt) / (30.44 * DAY_MS)) : 0;
  raw += add(
    'duration',
    Math.log1p(months) / Math.log(61),
    say &&
      (() =>
        lastAt !== null && Number.isFinite(startedAt)
          ? months < 1
            ? 'in touch under 1 month'
            : `in touch over ${plural(Math.floor(months), 'month')}`
          : 'no contact yet'),
  );

  const mine = decayTo(facts.initiatedByMe, now, MODEL.reciprocityHalfLifeDays);
  const theirs = decayTo(facts.initiatedByThem, now, MODEL.reciprocityHalfLifeDays);
  const balance = mine + theirs > 0 ? 1 - Math.abs(mine - theirs) / (mine + theirs) : 0;
  // Mutual answering, not who opens: of all openings, mine and theirs, the share the other side answered
  // within 14 days (docs/rules/exchanges-and-strength.md#reciprocity).
  const openings = facts.myInitiations + facts.theirInitiations;
  const answered = facts.myInitiationsAnswered + facts.theirInitiationsAnswered;
  const replyRate = openings > 0 ? answered / openings : 0;
  raw += add(
    'reciprocity',
    0.5 * balance + 0.5 * replyRate,
    say && (() => reciprocityText(facts, mine, theirs)),
  );

  const services = decayTo(facts.services, now, MODEL.servicesHalfLifeDays);
  raw += add(
    'services',
    1 - Math.exp(-services / 2),
    say &&
      (() =>
        facts.helpGiven + facts.helpReceived + facts.introductions === 0
          ? 'no help given or received, no introductions'
          : `help: ${facts.helpGiven} given, ${facts.helpReceived} received; ${plural(facts.introductions, 'introduction')}`),
  );

  raw += add(
    'structural',
    Math.log1p(facts.structural) / Math.log(26),
    say &&
      (() =>
        facts.structural === 0
          ? 'none of your people seen with them'
          : `${facts.structural} of your people seen with them`),
  );

  let channels = 0;
  for (const channel in facts.channels) {
    const at = facts.channels[channel] ?? Infinity;
    if (at <= now && now - at <= 365 * DAY_MS) channels++;
  }
  raw += add(
    'channels',
    channels / 3,
    say &&
      (() =>
        channels === 0
          ? 'no channel used in the last year'
          : `${plural(channels, 'channel')} used in the last year`),
  );

  // Answers within the reply window only; a side that never answered is neutral (one half), never a
  // median of months (docs/rules/exchanges-and-strength.md#responsiveness).
  const timed = facts.latencyThemHours !== null || facts.latencyMeHours !== null;
  // Nothing to time at all is no responsiveness (a stranger scores 0, not a neutral half).
  const responsiveness = timed
    ? 0.5 * responsiveSide(facts.latencyThemHours) + 0.5 * responsiveSide(facts.latencyMeHours)
    : 0;
  raw += add(
    'responsiveness',
    responsiveness,
    say && (() => responsivenessText(facts.latencyThemHours, facts.latencyMeHours)),
  );

  let score = Math.round(Math.max(0, Math.min(100, raw)));
  reasons.sort((a, b) => b.points - a.points);
  if (lastExchange === null && score > ONE_WAY_CAP) {
    reasons.unshift({
      component: 'gate',
      points: ONE_WAY_CAP - score,
      text: `only one-way contact: capped at ${ONE_WAY_CAP} (was ${score})`,
    });
    score = ONE_WAY_CAP;
  }
  const spanDays =
    facts.firstExchangeAt !== null && lastExchange !== null
      ? calendarDaysBetween(facts.firstExchangeAt, lastExchange, zone)
      : 0;
  if (
    exchangeCount >= CALIBRATION.exchanges &&
    spanDays > CALIBRATION.spanDays &&
    daysSinceExchange !== null &&
    daysSinceExchange <= CALIBRATION.lastWithinDays &&
    score < CALIBRATION.score
  ) {
    reasons.unshift({
      component: 'calibration',
      points: CALIBRATION.score - score,
      text: `${exchangeCount} two-way exchanges over ${spanDays} days, the last ${daysAgo(daysSinceExchange)}: a strong tie, at least ${CALIBRATION.score} (was ${score})`,
    });
    score = CALIBRATION.score;
  }
  if (settings.floor !== null && settings.floor > score) {
    reasons.unshift({
      component: 'floor',
      points: settings.floor - score,
      text: `your floor ${settings.floor} raises it from ${score}`,
    });
    score = settings.floor;
  }
  if (settings.override !== null) {
    reasons.unshift({
      component: 'override',
      points: settings.override - score,
      text: `your override ${settings.override} replaces ${score}`,
    });
    score = settings.override;
  }
  return { score, band: bandOf(score, daysSinceExchange), reasons, daysSinceExchange };
}

/** Band precedence (docs/rules/exchanges-and-strength.md#bands): none, then dormant, then by score. */
export function bandOf(score: number, daysSinceExchange: number | null): Band {
  if (daysSinceExchange === null) return 'none';
  if (daysSinceExchange > DORMANT_AFTER_DAYS) return 'dormant';
  if (score >= 60) return 'strong';
  if (score >= 40) return 'medium';
  return 'weak';
}
