/**
 * A parsed vCard → the source-neutral ContactCard (docs/rules/contacts.md#vcard): names, e-mails, phones,
 * URLs with their Apple/Google group labels, organisation and title, birthday with or without a year,
 * categories, notes and the photo.
 */
import { Buffer } from 'node:buffer';
import {
  emptyContactCard,
  isSystemGroup,
  type ContactBirthday,
  type ContactCard,
  type ContactValue,
} from '../../domain/contact-card.js';
import type { VCard, VCardProperty } from './vcard.parser.js';

/** `\n`, `\,`, `\;`, `\\`, Apple's `\:` and the Mac Address Book's `\"` (docs/rules/contacts.md#vcard). */
export function unescapeText(value: string): string {
  return value.replace(/\\([nN,;:\\"])/g, (_, char: string) => (char === 'n' || char === 'N' ? '\n' : char));
}

/** Splits a structured value (N, ORG, ADR) on unescaped `;`, each part unescaped. */
function components(value: string): string[] {
  return value.split(/(?<!\\);/).map((part) => unescapeText(part).trim());
}

/** Splits a list value (CATEGORIES, NICKNAME) on unescaped `,`. */
function listItems(value: string): string[] {
  return value
    .split(/(?<!\\),/)
    .map((part) => unescapeText(part).trim())
    .filter((part) => part.length > 0);
}

/** Apple's built-in labels `_$!<HomePage>!$_` → `HomePage`; custom labels as written. */
function decodeLabel(raw: string): string {
  const match = /^_\$!<(.*)>!\$_$/.exec(raw.trim());
  return (match ? match[1] : raw.trim()) ?? '';
}

function typesOf(property: VCardProperty): string[] {
  return (property.params.get('TYPE') ?? []).map((type) => type.trim().toLowerCase()).filter(Boolean);
}

const MONTH_DAY = (month: number, day: number) => month >= 1 && month <= 12 && day >= 1 && day <= 31;

/**
 * `1980-03-22`, `19800322`, `1980-03-22T00:00:00Z`, year-less `--0322` and `--03-22`, and Apple's
 * `X-APPLE-OMIT-YEAR=1604` on `1604-03-22`; a text birthday (`VALUE=text`) is not a date.
 */
export function parseBirthday(property: VCardProperty): ContactBirthday | null {
  const value = property.value.trim();
  if ((property.params.get('VALUE')?.[0] ?? '').toLowerCase() === 'text') return null;
  const yearless = /^--(\d{2})-?(\d{2})/.exec(value);
  if (yearless) {
    const month = Number(yearless[1]);
    const day = Number(yearless[2]);
    return MONTH_DAY(month, day) ? { year: null, month, day } : null;
  }
  const dated = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(value);
  if (!dated) return null;
  const year = Number(dated[1]);
  const month = Number(dated[2]);
  const day = Number(dated[3]);
  if (!MONTH_DAY(month, day)) return null;
  const omitted = property.params.get('X-APPLE-OMIT-YEAR')?.[0];
  return { year: omitted !== undefined && Number(omitted) === year ? null : year, month, day };
}

const MEDIA_TYPES: Record<string, string> = {
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  bmp: 'image/bmp',
  webp: 'image/webp',
};

function photoOf(property: VCardProperty): ContactCard['photo'] {
  if (property.bytes) {
    if (property.bytes.length === 0) return null;
    const declared = [...typesOf(property), ...(property.params.get('MEDIATYPE') ?? [])]
      .map((type) => type.toLowerCase().replace(/^image\//, ''))
      .find((type) => MEDIA_TYPES[type]);
    return { bytes: property.bytes, mediaType: MEDIA_TYPES[declared ?? 'jpeg'] ?? 'image/jpeg' };
  }
  const value = unescapeText(property.value.trim());
  const data = /^data:([^;,]+)?(;base64)?,(.*)$/is.exec(value);
  if (data) {
    const bytes = data[2]
      ? Buffer.from(data[3] ?? '', 'base64')
      : Buffer.from(decodeURIComponent(data[3] ?? ''));
    return bytes.length > 0 ? { bytes, mediaType: data[1] ?? 'image/jpeg' } : null;
  }
  // A photo at a URL (Google) is never downloaded: tend reaches no network.
  return /^https?:\/\//i.test(value) ? { url: value } : null;
}

function joinedNotes(notes: readonly string[]): string | null {
  const kept = notes.map((note) => note.trim()).filter((note) => note.length > 0);
  return kept.length > 0 ? [...new Set(kept)].join('\n\n') : null;
}

/** The card's `tel:` URI (4.0) or text phone, without an `;ext=` part's separator lost. */
function phoneText(property: VCardProperty): string {
  return unescapeText(property.value.trim()).replace(/^tel:/i, '');
}

export function contactOfVCard(card: VCard): ContactCard {
  const contact = emptyContactCard(card.line);
  const labels = new Map<string, string>();
  for (const property of card.properties)
    if (property.name === 'X-ABLABEL' && property.group)
      labels.set(property.group, decodeLabel(property.value));
  const valueOf = (property: VCardProperty, value: string): ContactValue => ({
    value,
    types: typesOf(property),
    label: property.group ? (labels.get(property.group) ?? null) : null,
  });
  const notes: string[] = [];
  let preferredCountry: string | null = null;
  for (const property of card.properties) {
    const text = () => unescapeText(property.value).trim();
    switch (property.name) {
      case 'N': {
        const [family = '', given = ''] = components(property.value);
        if (!contact.firstName && !contact.lastName) {
          contact.firstName = given;
          contact.lastName = family;
        }
        break;
      }
      case 'FN':
        if (!contact.formattedName) contact.formattedName = text();
        break;
      case 'NICKNAME':
        contact.nickname ??= listItems(property.value)[0] ?? null;
        break;
      case 'UID':
        contact.uid ??= text() || null;
        break;
      case 'EMAIL': {
        const value = text().replace(/^mailto:/i, '');
        if (value) contact.emails.push(valueOf(property, value));
        break;
      }
      case 'TEL': {
        const value = phoneText(property);
        if (value) contact.phones.push(valueOf(property, value));
        break;
      }
      case 'URL':
      case 'X-SOCIALPROFILE': {
        const value = text();
        if (value) contact.urls.push(valueOf(property, value));
        break;
      }
      case 'ORG': {
        const [organization = '', department = ''] = components(property.value);
        if (!contact.organization && organization) {
          contact.organization = organization;
          contact.department = department || null;
        }
        break;
      }
      case 'TITLE':
        contact.title ??= text() || null;
        break;
      case 'BDAY':
        contact.birthday ??= parseBirthday(property);
        break;
      case 'NOTE':
        notes.push(text());
        break;
      case 'CATEGORIES':
        for (const tag of listItems(property.value))
          if (!isSystemGroup(tag) && !contact.tags.includes(tag)) contact.tags.push(tag);
        break;
      case 'PHOTO':
        contact.photo ??= photoOf(property);
        break;
      case 'X-ABSHOWAS':
        contact.isOrganization = text().toUpperCase() === 'COMPANY';
        break;
      case 'ADR': {
        // ADR: post office box; extended; street; locality; region; postal code; country name.
        const country = components(property.value)[6] ?? '';
        if (!country) break;
        contact.addressCountry ??= country;
        const pref = typesOf(property).includes('pref') || property.params.get('PREF') !== undefined;
        if (pref) preferredCountry ??= country;
        break;
      }
      case 'KIND':
        if (text().toLowerCase() === 'org') contact.isOrganization = true;
        break;
    }
  }
  contact.notes = joinedNotes(notes);
  contact.addressCountry = preferredCountry ?? contact.addressCountry ?? null;
  if (!contact.firstName && !contact.lastName && contact.formattedName && !contact.isOrganization) {
    // A card with FN only: its last word taken as the family name, as N would have said.
    const words = contact.formattedName.split(/\s+/);
    contact.lastName = words.length > 1 ? (words.pop() ?? '') : '';
    contact.firstName = words.join(' ');
  }
  return contact;
}
