// The export's clock and the date shapes each LinkedIn file writes
// (docs/rules/linkedin-export.md#date-shapes). All arithmetic is in UTC: the benchmark imports with `tend
// config timezone UTC`, so the zone-less shapes (Invitations `Sent At`, Recommendations `Creation Date`) read
// back as the instants generated here.

export const DAY_MS = 86_400_000;
export const YEAR_MS = 365.25 * DAY_MS;
/** The export was taken on this day; the newest message is from that afternoon. */
export const EXPORT_DATE = '2026-11-20';
export const EXPORT_DAY_START = Date.UTC(2026, 10, 20);
export const EXPORT_END = Date.UTC(2026, 10, 20, 16, 42, 7);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (value) => String(value).padStart(2, '0');

/** Start of the UTC day of an instant. */
export function dayOf(instant) {
  return Math.floor(instant / DAY_MS) * DAY_MS;
}

/** Connections `Connected On`: `07 Jun 2023`. */
export function formatConnectedOn(instant) {
  const date = new Date(instant);
  return `${pad(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** messages `DATE`: `2023-06-11 15:33:58 UTC`. */
export function formatMessageDate(instant) {
  const iso = new Date(instant).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/** Endorsements `Endorsement Date`: `2023/06/20 13:05:02 UTC`. */
export function formatEndorsementDate(instant) {
  const iso = new Date(instant).toISOString();
  return `${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)} ${iso.slice(11, 19)} UTC`;
}

function clock12(date, padHour) {
  const hour = date.getUTCHours() % 12 || 12;
  const meridiem = date.getUTCHours() < 12 ? 'AM' : 'PM';
  return `${padHour ? pad(hour) : hour}:${pad(date.getUTCMinutes())} ${meridiem}`;
}

/** Invitations `Sent At`: `9/29/26, 10:55 AM` (no zone, unpadded month, day and hour). */
export function formatSentAt(instant) {
  const date = new Date(instant);
  const year = String(date.getUTCFullYear()).slice(2);
  return `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${year}, ${clock12(date, false)}`;
}

/** Recommendations `Creation Date`: `08/30/22, 05:51 PM` (zero-padded). */
export function formatRecommendationDate(instant) {
  const date = new Date(instant);
  const year = String(date.getUTCFullYear()).slice(2);
  return `${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCDate())}/${year}, ${clock12(date, true)}`;
}

/** Learning dates: `2024-03-02 18:41 UTC`. */
export function formatLearningDate(instant) {
  const iso = new Date(instant).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** Positions / Education: `Mar 2022`. */
export function formatMonthYear(year, month) {
  return `${MONTHS[month - 1]} ${year}`;
}
