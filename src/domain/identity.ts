/**
 * How a person can be recognised across sources, strongest first
 * (docs/rules/identity-and-imports.md#match-order).
 */
export type IdentityKind = 'url' | 'email' | 'urn' | 'phone';

export interface Identity {
  kind: IdentityKind;
  value: string;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Profile URLs come as `https://www.linkedin.com/in/slug`, `www.linkedin.com/in/slug` (endorsements, no
 * scheme), `http://de.linkedin.com/in/slug/`, percent-encoded slugs (`zo%C3%AB-brandt`) and with query
 * strings. All of them normalise to `linkedin.com/in/slug` with the slug decoded and lower-cased.
 */
export function normalizeProfileUrl(raw: string): string | null {
  let value = raw.trim();
  if (value.length === 0) return null;
  value = value.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  value = value.replace(/[?#].*$/, '');
  const slash = value.indexOf('/');
  let host = (slash === -1 ? value : value.slice(0, slash)).toLowerCase();
  let path = slash === -1 ? '' : value.slice(slash);
  if (host.length === 0 || !host.includes('.')) return null;
  if (host === 'linkedin.com' || host.endsWith('.linkedin.com')) host = 'linkedin.com';
  else host = host.replace(/^www\./, '');
  path = safeDecode(path).replace(/\/+$/, '');
  // Lower case and NFC, but accents kept: `zoë-brandt` and `zoe-brandt` can be two different people.
  path = path.normalize('NFC').toLowerCase();
  if (host === 'linkedin.com') {
    // `/in/slug/details/…` and `/in/slug/en` are the same profile.
    const match = /^\/(in|pub)\/([^/]+)/.exec(path);
    if (match) path = `/${match[1]}/${match[2]}`;
  }
  return `${host}${path}`;
}

export function isProfileUrl(raw: string): boolean {
  return /(^|\/\/|\.)linkedin\.com\/(in|pub)\//i.test(raw.trim());
}

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normalizeEmail(raw: string): string | null {
  const value = raw
    .trim()
    .replace(/^mailto:/i, '')
    .toLowerCase();
  return EMAIL_SHAPE.test(value) ? value : null;
}

/** `urn:li:member:123` (invitations, mid-2023) → `urn:li:member:123`; anything else → null. */
export function normalizeMemberUrn(raw: string): string | null {
  const match = /urn:li:(?:member|fsd_profile|person):([A-Za-z0-9_-]+)/i.exec(raw.trim());
  return match ? `urn:li:member:${match[1]}` : null;
}

export function normalizePhone(raw: string): string | null {
  const digits = raw.replace(/[^\d+]/g, '');
  return digits.replace(/\+/g, '').length >= 6 ? digits : null;
}
