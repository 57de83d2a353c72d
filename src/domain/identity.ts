import { createRequire } from 'node:module';
import type * as PhoneLibrary from 'awesome-phonenumber';

/**
 * libphonenumber (350 kB with its metadata), required when a phone is first normalised and not when the CLI
 * starts (docs/PERFORMANCE.md#lazy-modules): a require at run time the bundle leaves alone, of the package's
 * CommonJS build (its ESM build has no default export).
 */
let phoneLibrary: typeof PhoneLibrary | undefined;
function phonenumber(): typeof PhoneLibrary {
  return (phoneLibrary ??= createRequire(import.meta.url)('awesome-phonenumber') as typeof PhoneLibrary);
}

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

/**
 * A phone number as an identity (docs/rules/identity-and-imports.md#phones): E.164 (`+46701234567`) when its
 * country is known, from its own `+` or `00` prefix or else from `region` (the `phone-region` setting), and
 * libphonenumber finds it valid; otherwise its digits as written, never a guessed country. The extension is
 * no part of the number that reaches the person. Null: fewer than 6 digits.
 */
export function normalizePhone(raw: string, region: string | null = null): string | null {
  return phoneForms(raw, region)?.[0] ?? null;
}

/**
 * The phone's identity (first) and the forms an earlier tend stored for the same number (digits as written,
 * the national digits, `00` for `+`): a lookup tries them all, so identities stored before E.164 still find
 * their person (docs/rules/identity-and-imports.md#phones).
 */
export function phoneForms(raw: string, region: string | null = null): string[] | null {
  const digits = raw.replace(/[^\d+]/g, '');
  if (digits.replace(/\+/g, '').length < 6) return null;
  const number = raw.replace(/(?:;\s*ext=|\s*(?:ext\.?|x)\s*)\d+\s*$/i, '').trim();
  const international = /^(?:\+|00)/.test(number);
  if (!international && !region) return [digits];
  const parsed = parsePhone(international ? `+${number.replace(/^(?:\+|00)/, '')}` : number, region);
  if (!parsed) return [digits];
  const forms = [parsed.e164, digits, parsed.national.replace(/\D/g, ''), `00${parsed.e164.slice(1)}`];
  return [...new Set(forms)];
}

/** libphonenumber's reading of a number. */
function parsePhone(number: string, region: string | null): { e164: string; national: string } | null {
  const parsed = phonenumber().parsePhoneNumber(number, region ? { regionCode: region } : {});
  return parsed.valid ? { e164: parsed.number.e164, national: parsed.number.national } : null;
}

/** Every region libphonenumber has numbering rules for (ISO 3166 alpha-2, plus `001` for non-geographic ones). */
export function phoneRegions(): string[] {
  return phonenumber()
    .getSupportedRegionCodes()
    .filter((code) => /^[A-Z]{2}$/.test(code));
}

/** `SE`, `de` → `SE`, `DE`; null when libphonenumber knows no such region (ISO 3166 alpha-2). */
export function phoneRegionCode(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(code) && phonenumber().getCountryCodeForRegionCode(code) !== 0 ? code : null;
}
