import { normalizeProfileUrl } from '../../domain/identity.js';
import { normalizeName } from '../../domain/text-normalization.js';
import type { MessageRecord } from '../../importers/linkedin/linkedin.records.js';

export interface DetectedOwner {
  url: string;
  name: string | null;
  conversations: number;
}

/**
 * The owner is the profile URL seen as sender or recipient in the most conversations (rules.md, People and
 * identity); a tie goes to the URL whose sender name is the name in Profile.csv.
 */
export function detectOwner(
  records: readonly MessageRecord[],
  profileName: string | null,
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
  let best: DetectedOwner | null = null;
  for (const [url, seen] of conversations) {
    const name = names.get(url) ?? null;
    const candidate = { url, name, conversations: seen.size };
    const matchesProfile = profileKey !== null && name !== null && normalizeName(name) === profileKey;
    const bestMatchesProfile =
      profileKey !== null && best?.name != null && normalizeName(best.name) === profileKey;
    if (
      !best ||
      candidate.conversations > best.conversations ||
      (candidate.conversations === best.conversations && matchesProfile && !bestMatchesProfile)
    ) {
      best = candidate;
    }
  }
  return best;
}
