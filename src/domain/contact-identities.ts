import { isPersonalPhone, type ContactCard } from './contact-card.js';
import {
  isProfileUrl,
  normalizeEmail,
  normalizePhone,
  normalizeProfileUrl,
  type Identity,
} from './identity.js';

/** `+1-418-656-9254;ext=102`, `555 1234 x12`: the extension is no part of the number that reaches the person. */
function withoutExtension(phone: string): string {
  return phone.replace(/(?:;\s*ext=|\s*(?:ext\.?|x)\s*)\d+\s*$/i, '');
}

/**
 * What identifies the person a contact card describes (docs/rules/contacts.md#identities): its e-mails and
 * LinkedIn profile URLs, which make two people one, and its phones (not fax or pager), which find a person
 * but never merge two (docs/rules/identity-and-imports.md#match-order). Other web addresses identify no one.
 */
export function identitiesOfContact(card: ContactCard): { strong: Identity[]; phones: Identity[] } {
  const strong: Identity[] = [];
  const seen = new Set<string>();
  const add = (list: Identity[], identity: Identity) => {
    const key = `${identity.kind}:${identity.value}`;
    if (seen.has(key)) return;
    seen.add(key);
    list.push(identity);
  };
  for (const url of card.urls) {
    if (!isProfileUrl(url.value)) continue;
    const value = normalizeProfileUrl(url.value);
    if (value) add(strong, { kind: 'url', value });
  }
  for (const email of card.emails) {
    const value = normalizeEmail(email.value);
    if (value) add(strong, { kind: 'email', value });
  }
  const phones: Identity[] = [];
  for (const phone of card.phones.filter(isPersonalPhone)) {
    const value = normalizePhone(withoutExtension(phone.value));
    if (value) add(phones, { kind: 'phone', value });
  }
  return { strong, phones };
}
