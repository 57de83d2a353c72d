import { firstNameOf } from '../suggestions.js';
import type { NoteKind, TriageVerdict } from './triage-types.js';

export interface ReplyFacts {
  name: string;
  ownerFirst: string | null;
  note: NoteKind;
  template: boolean;
  earlier: number;
  sharedEmployer: string | null;
  sharedSchool: string | null;
}

/**
 * A reply as a person writes one: greeting by first name on its own line, the body, then my name
 * (docs/rules/invitations.md#reply). Accepting needs no reply here — the agenda's follow-up item drafts the
 * first real message once connected.
 */
export function draftReply(verdict: TriageVerdict, facts: ReplyFacts): string | null {
  if (verdict === 'accept') return null;
  const name = facts.name.replace(/\s+/g, ' ').trim();
  const greeting = name ? `Hi ${firstNameOf(name)},` : 'Hello,';
  const signOff = facts.ownerFirst ? `Best,\n${facts.ownerFirst}` : 'Best wishes';
  const letter = (body: string) => `${greeting}\n\n${body}\n\n${signOff}`;
  if (verdict === 'decline') {
    return letter(
      "Thank you for reaching out. I keep my LinkedIn network to people I know personally, and I'm not looking for new services right now, so I'll pass on connecting. Good luck with your work!",
    );
  }
  const shared = facts.sharedEmployer ?? facts.sharedSchool;
  let opening: string;
  if (shared) {
    opening = `Thank you for the invitation! I see ${shared} in both our histories — did our paths cross there?`;
  } else if (facts.earlier > 0) {
    opening = `Thank you for the invitation! I see we've exchanged a message before, but I can't quite place you.`;
  } else if (facts.template) {
    opening = `Thank you for the invitation! Your note was LinkedIn's standard one, so I can't tell where our paths crossed.`;
  } else if (facts.note === 'generic') {
    opening = `Thank you for the invitation and your note! I like to know the people I connect with, and I can't quite place you.`;
  } else {
    opening = `Thank you for the invitation! I like to know the people I connect with, and I can't quite place you.`;
  }
  const question =
    facts.note === 'pitch'
      ? `Before I connect: is this about working together, or about your services?`
      : `Could you tell me where we might have met, and what you'd like to talk about?`;
  return letter(`${opening} ${question}`);
}
