import { foldedWordsWithCase } from '../text-normalization.js';

/** Personal notes: phrases that say how the sender knows the owner or why they write. */

// Past contact, the recipient's work, a referral by name, a concrete ask. Not personal: "nice to meet you",
// "I saw your profile", "LinkedIn suggested you", "I'm building my network" — collectors write those too.
const PERSONAL_PATTERNS: readonly RegExp[] = [
  /\bwe (?:met|ve met|have met|spoke|talked|chatted|worked together|overlapped|were both|are both|re both|both|know each other|sat next)\b/g,
  /\b(?:met|saw) you\b/g,
  /\b(?:meeting|seeing) you (?:at|in|during|last|yesterday|today|this|earlier)\b/g,
  /\b(?:nice|great|good|lovely) (?:meeting|seeing|chatting|talking)\b/g,
  /\b(?:after|at|during|from|in) (?:your|the) (?:[a-z0-9]+ ){0,3}?(?:talk|panel|keynote|presentation|session|workshop|webinar|meetup|conference|summit|forum|breakfast|hackathon|course|class|lecture|cohort|program|programme)\b/g,
  /\byour (?:[a-z0-9]+ ){0,3}?(?:talk|panel|keynote|presentation|session|workshop|webinar|post|article|book|podcast|newsletter|paper|blog|video|thread|comment|research|playbook|case study|project|launch|thesis|course|lecture)\b/g,
  /\byour work (?:on|at|with|in|as)\b/g,
  /\b(?:fellow|former|ex) (?:[a-z0-9]+ ){0,3}?(?:alum|alumni|alumna|alumnus|colleague|colleagues|student|classmate|pm|product manager|engineer|designer|organi[sz]er|member|speaker|founder|researcher|analyst|mentee)\b/g,
  /\b(?:alum|alumni|alumna|alumnus|classmates?|class of \d{4})\b/g,
  /\b(?:former colleague|colleague of|worked with you|work with you|used to work|same team)\b/g,
  /(?<!\blinkedin )\b(?:suggested|recommended|mentioned|referred|introduced|pointed me)(?: (?:i|me|you|that|us))?\b/g,
  /(?<!\blinkedin )\b(?:said|told me|tells me) (?:that )?you(?: re| are| were| might| could| would)?\b/g,
  /\bmutual (?:friend|colleague)s?\b/g,
  /\b(?:i m|i am|we re|we are) (?:also |currently |now )?(?:working on|building|tackling|researching|moving into|studying|hiring for)\b(?! (?:(?:expanding|growing|building) )?(?:my|a) (?:professional )?network)/g,
  /\b(?:could i ask|can i ask|ask you about|to ask about|pick your brain|compare notes|same problem|your (?:advice|perspective|input|thoughts|feedback)|would value your)\b/g,
  /\b(?:saw|read|heard|watched|listened to|loved|enjoyed|liked|caught|followed) your (?!(?:profile|network|name)\b)[a-z]+\b/g,
  /\b(?:on s est rencontres?|nous nous sommes rencontres|votre (?:conference|intervention|article|presentation|panel)|ancienne? collegue)\b/g,
  /\b(?:kennengelernt|ihr(?:en)? (?:vortrag|beitrag|artikel|panel)|dein(?:en)? (?:vortrag|beitrag|artikel)|ehemalige[rn]? kolleg\w*)\b/g,
  /\b(?:vi traffades|vi jobbade ihop|vi arbetade tillsammans|din (?:forelasning|presentation|artikel)|ditt (?:foredrag|inlagg)|tidigare kollega)\b/g,
  /\b(?:nos conocimos|tu (?:charla|articulo|presentacion|ponencia|publicacion)|su (?:charla|ponencia)|ex ?companer[oa])\b/g,
  /\b(?:nos conhecemos|sua (?:palestra|apresentacao)|seu artigo|ci siamo conosciuti|il tuo (?:intervento|articolo)|la tua presentazione)\b/g,
  /\b(?:we hebben elkaar ontmoet|we spraken|je presentatie|jouw (?:presentatie|artikel|talk)|oud collega)\b/g,
];

/** Phrases of a note that say how the sender knows the recipient or why they write, as written. */
export function personalNoteCues(text: string): string[] {
  const words = foldedWordsWithCase(text.slice(0, 4000));
  if (!words.lower) return [];
  const found: Array<{ start: number; end: number }> = [];
  for (const pattern of PERSONAL_PATTERNS) {
    for (const match of words.lower.matchAll(pattern)) {
      found.push({ start: match.index, end: match.index + match[0].length });
    }
  }
  // Overlapping matches become one cue: "Great meeting" + "meeting you at" + "at the Forum" → one phrase.
  const merged: Array<{ start: number; end: number }> = [];
  for (const span of found.sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  const cues = merged.map((span) => words.asWritten(span.start, span.end));
  return [...new Set(cues)];
}
