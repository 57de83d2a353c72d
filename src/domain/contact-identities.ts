import { isPersonalPhone, type ContactCard } from './contact-card.js';
import { regionOfCountry } from './country-region.js';
import { isProfileUrl, normalizeEmail, normalizeProfileUrl, phoneForms, type Identity } from './identity.js';

/**
 * What identifies the person a contact card describes (docs/rules/contacts.md#identities): its e-mails and
 * LinkedIn profile URLs, which make two people one, and its phones (not fax or pager), which find a person
 * but never merge two (docs/rules/identity-and-imports.md#match-order), in E.164 when `region` or the number
 * tells its country (the card's address country first, then `region`, the `phone-region` setting);
 * `phoneNumbers` lists each number's forms (its identity first); `phoneLookups` adds the forms an earlier tend stored them in
 * (docs/rules/identity-and-imports.md#phones). Other web addresses identify no one.
 */
export function identitiesOfContact(
  card: ContactCard,
  region: string | null = null,
): { strong: Identity[]; phones: Identity[]; phoneLookups: Identity[]; phoneNumbers: Identity[][] } {
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
  const phoneLookups: Identity[] = [];
  const phoneNumbers: Identity[][] = [];
  const cardRegion = regionOfCountry(card.addressCountry) ?? region;
  for (const phone of card.phones.filter(isPersonalPhone)) {
    const forms = phoneForms(phone.value, cardRegion) ?? [];
    if (!forms[0] || seen.has(`phone:${forms[0]}`)) continue;
    add(phones, { kind: 'phone', value: forms[0] });
    for (const value of forms) phoneLookups.push({ kind: 'phone', value });
    phoneNumbers.push(forms.map((value) => ({ kind: 'phone' as const, value })));
  }
  return { strong, phones, phoneLookups, phoneNumbers };
}
