import { collapseWhitespace, foldAccents } from '../text-normalization.js';

/**
 * Sales pitches. Strong cues are pitches on their own; weak ones ("clients", "demo", "a quick call", a link)
 * only two different ones together, because "I saw the demo of your diary" and "a quick call to pick your
 * brain" are personal notes. Peers talk about pricing and results too, so "our pricing" and "improved
 * retention by 15%" are weak or no cues; "save 30%" and "companies like yours" are strong.
 */

const STRONG_PITCH: readonly RegExp[] = [
  /\b(?:companies|businesses|teams|firms|organi[sz]ations|brands|startups) like (?:yours|you)\b/g,
  /\bwe (?:help|helped|work with|partner with|support) (?:companies|businesses|teams|firms|brands|startups|organi[sz]ations|b2b|saas|founders|leaders|clients|agencies)\b/g,
  /\b(?:book|schedule|set up|arrange) (?:a |an )?(?:quick |short |free |brief |15[- ]?min(?:ute)? |30[- ]?min(?:ute)? )?(?:demo|consultation)\b/g,
  /\b(?:free|discovery) (?:call|demo|consultation|audit|trial)\b/g,
  /\b(?:calendly\.com|cal\.com\/|savvycal|chilipiper|tidycal|acuityscheduling|zcal\.co|meetings\.hubspot\.com|hubspot\.com\/meetings)\S*/g,
  /\b(?:cut|cuts|save|saves|slash|slashes|reduce|reduces|lower|lowers)\b[^.!?]{0,40}?\d{1,3}(?:\s?[-–]\s?\d{1,3})?\s?%/g,
  /\d{1,3}(?:\s?[-–]\s?\d{1,3})?\s?%\s?(?:savings|off|discount|roi|cheaper|faster|more (?:leads|sales|revenue))/g,
  /\b(?:cut|reduce|lower|slash|optimi[sz]e) (?:your (?:cloud |it |aws |hiring |operating )?|(?:cloud|aws|it) )(?:costs?|spend|bills?|expenses)\b/g,
  /\b(?:increase|boost|grow|double|triple) your (?:revenue|sales|leads|pipeline|conversions?|roi)\b/g,
  /\b(?:our|my) (?:services|agency|offering|rates|packages?)\b/g,
  /\b(?:visit|check out|take a look at|have a look at|see) (?:our|my) (?:website|site|page|deck|portfolio|brochure)\b/g,
  /\b(?:lead generation|lead gen|appointment setting|outsourc\w+|offshore development|white[- ]label|seo services|web development services|staff augmentation|dedicated developers|growth hacking services)\b/g,
  /\b(?:special offer|limited time|no obligation|risk[- ]free|free consultation|free audit|free trial)\b/g,
  /\b(?:wir helfen (?:unternehmen|firmen)|nous aidons (?:les )?entreprises|vi hjalper foretag|ayudamos a (?:las )?empresas|ajudamos empresas|aiutiamo le aziende|wij helpen bedrijven)\b/g,
];

const WEAK_PITCH: readonly RegExp[] = [
  /(?<!\byour )\bclients?\b/g,
  /(?<!\byour )\bservices?\b/g,
  /(?<!\byour )\bdemo\b/g,
  /(?<!\byour )\bwebsite\b/g,
  /\b(?:https?:\/\/|www\.)\S+/g,
  /(?<!\byour )\b(?:solutions?|platform)\b/g,
  /(?<!\byour )\bpricing\b/g,
  /\b(?:roi|return on investment)\b/g,
  /\bopen to (?:a )?(?:quick |short |brief )?(?:call|chat|conversation)\b/g,
  /\b(?:book|schedule|set up|arrange|grab|hop on|jump on) (?:a |an )?(?:quick |short |brief |15[- ]?min(?:ute)? |30[- ]?min(?:ute)? )?(?:call|meeting)\b/g,
  /\b(?:quick|short|brief|15[- ]?min(?:ute)?|30[- ]?min(?:ute)?) (?:call|demo)\b/g,
];

interface Span {
  start: number;
  end: number;
  text: string;
  /** Which pattern found it: weak cues count once per pattern ("pricing … pricing" is one cue). */
  pattern: number;
}

function spansOf(text: string, patterns: readonly RegExp[]): Span[] {
  const spans: Span[] = [];
  patterns.forEach((pattern, index) => {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      spans.push({ start, end: start + match[0].length, text: match[0].trim(), pattern: index });
    }
  });
  return spans;
}

/**
 * The sales cues of a note that reads as a pitch, in the order they appear; empty when it does not read as
 * one (one strong cue, or two weak ones, make a pitch).
 */
export function salesPitchCues(text: string): string[] {
  if (!text.trim()) return [];
  const flat = flatLower(text.slice(0, 4000));
  const strong = spansOf(flat, STRONG_PITCH);
  const weak = spansOf(flat, WEAK_PITCH).filter(
    (span) => !strong.some((other) => span.start < other.end && other.start < span.end),
  );
  if (strong.length === 0 && new Set(weak.map((span) => span.pattern)).size < 2) return [];
  const ordered = [...strong, ...weak].sort((a, b) => a.start - b.start || b.end - a.end);
  const cues: string[] = [];
  let coveredTo = -1;
  for (const span of ordered) {
    if (span.end <= coveredTo) continue; // inside a longer cue already listed
    coveredTo = Math.max(coveredTo, span.end);
    if (!cues.includes(span.text)) cues.push(span.text);
  }
  return cues;
}

/** Folded and lower-cased, punctuation kept (for "30-40%", links and "calendly.com"). */
function flatLower(text: string): string {
  return collapseWhitespace(foldAccents(text).toLowerCase());
}
