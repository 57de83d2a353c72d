import { normalizeProfileUrl } from '../../domain/identity.js';
import { normalizeName } from '../../domain/text-normalization.js';
import type { MessageRecord } from '../../importers/linkedin/linkedin.records.js';

export interface DetectedOwner {
  url: string;
  name: string | null;
  conversations: number;
}

/**
 * The owner is the profile URL seen as sender or recipient in the most conversations
 * (docs/rules/identity-and-imports.md#owner). A tie goes to the owner already stored (a small file, where
 * every URL of its one conversation ties, must not replace the owner a whole export established), then to the
 * URL whose sender name is the name in Profile.csv.
 */
export function detectOwner(
  records: readonly MessageRecord[],
  profileName: string | null,
  storedUrl: string | null = null,
): DetectedOwner | null {
  const conversations = new Map<string, Set<string>>();
  const names = new Map<string, string>();
  for (const record of records) {
    const conversation = record.conversationId ?? `${record.fromName}|${record.toNames}`;
    const sender = record.senderUrl ? normalizeProfileUrl(record.senderUrl) : null;
    if (sender && record.fromName) names.set(sender, record.fromName);
    for (const url of [sender, ...record.recipientUrls.map((raw) => normalizeProfileUrl(raw))]) {
      if (!url) continue;
      let seen = conversations.get(url);
      if (!seen) conversations.set(url, (seen = new Set()));
      seen.add(conversation);
    }
  }
  const profileKey = profileName ? normalizeName(profileName) : null;
  const preference = (candidate: DetectedOwner): number => {
    if (candidate.url === storedUrl) return 2;
    return profileKey !== null && candidate.name !== null && normalizeName(candidate.name) === profileKey
      ? 1
      : 0;
  };
  let best: DetectedOwner | null = null;
  for (const [url, seen] of conversations) {
    const candidate = { url, name: names.get(url) ?? null, conversations: seen.size };
    if (
      !best ||
      candidate.conversations > best.conversations ||
      (candidate.conversations === best.conversations && preference(candidate) > preference(best))
    ) {
      best = candidate;
    }
  }
  return best;
}
