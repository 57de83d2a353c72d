import { CLOSER_MAX_CHARS, fold, isCloser, moreCharsThan } from './closers.js';

/**
 * Messages that need no answer of their own (docs/rules/agenda.md#needs-no-answer): closers, and two more
 * kinds seen on real exports where the rules say nothing —
 *
 * - a **nudge**: only "please" and thanks ("pls", "pls thanks", "Please 🙏", "kindly revert sir"), which asks
 *   again for whatever their message before it asked. It leaves the conversation as it was: an earlier
 *   unanswered message stays the one to answer, and an answer of mine before it stays the last word.
 * - a **promotion ask**: a broadcast asking me to subscribe to, like, share or follow their channel, page,
 *   post or video ("pls subscribe", "Like my latest post 🙏"), which is not a conversation.
 *
 * Like closers, only messages of at most 60 characters are judged (the relationship engine reads no longer
 * text), and they still count as messages for two-way exchanges. Pure.
 */

/** Asking words: a nudge is made of these, thanks and how people address each other. */
const PLEASE = new Set(
  `pls plz plzz plss please pleaseee kindly bitte svp stp porfa favor favore piacere alsjeblieft alstublieft
   aub kripya plis`.split(/\s+/),
);
/** What a nudge may say besides "please": thanks, address, and "reply" ("pls revert sir"). */
const NUDGE_WORDS = new Set(
  `thanks thank thanx thnx thx ty you u danke merci gracias obrigado obrigada grazie dank je bedankt shukriya
   dhanyavad dhanyawad sir mam maam madam maim bro dear ji sirji reply revert respond answer do the needful asap
   and once again por per`.split(/\s+/),
);

/** Asking to subscribe, in the eight languages of the closers (stems: "subscribed", "abonniert"…). */
const SUBSCRIBE = /^(?:subscri\w*|sub|abonn\w*|suscrib\w*|inscrev\w*|iscriv\w*)$/;
/** Verbs of a broadcast ask besides subscribing. */
const PROMOTE =
  /^(?:like|likes|share|follow|support|watch|visit|check|vote|teilen|folge|folgt|partage\w*|suiv\w*|comparte|sigue|segue|compartilh\w*|segui\w*|condividi|volg|deel)$/;
/** What is promoted: a channel, a page, a post, a video… or the platform itself. */
const MEDIA =
  /^(?:channel|chanel|channels|page|pages|post|posts|video|videos|vid|reel|reels|blog|podcast|youtube|yt|insta|instagram|ig|facebook|fb|tiktok|twitter|kanal|seite|chaine|canal|canale|kanaal|pagina|beitrag|publication|publicacion|publicacao)$/;
/** Whose it is: theirs, or a platform named (a possessive keeps "I like your post" out). */
const THEIRS =
  /^(?:my|our|mine|mera|meri|mere|mein|meine|meinen|meinem|unser|unsere|mon|ma|mes|notre|nos|mi|mis|nuestro|nuestra|meu|minha|nosso|nossa|mio|mia|miei|mijn|onze|ons)$/;

/**
 * A part of every asking word and verb above, as typed (before folding): a message without any of them is
 * neither a nudge nor a promotion ask. The import asks this of every short message (a million in the
 * benchmark), so most are let go after one scan instead of a fold (needs-no-answer.test.ts checks the lists).
 */
export const ASKING_PARTS =
  /pl[sz]|plis|pleas|kindly|bitte|svp|stp|porfa|favor|piacer|als|aub|kripya|sub|abon|suscr|inscr|iscr|like|share|follow|support|watch|visit|check|vote|teil|folg|parta|suiv|compart|sigue|segu|condivid|volg|deel/i;

/** Whether a message needs no answer: a closer, a nudge or a promotion ask. Unknown text does. */
export function needsNoAnswer(text: string | null | undefined): boolean {
  if (isCloser(text)) return true;
  if (!text || tooLongToJudge(text.trim()) || !ASKING_PARTS.test(text)) return false;
  // The words once for both tests (each folds the text).
  const words = wordsOf(text);
  return nudgeIn(words, text) || promotionAskIn(words);
}

/** The words lists of nudges and promotion asks, for the test that ASKING_PARTS finds each. */
export const ASKING_WORDS = {
  please: [...PLEASE],
  verbs: SUBSCRIBE.source.concat('|', PROMOTE.source),
};

/**
 * Nudges and promotion asks are judged on short texts only, as closers: a longer text is let go before the
 * pattern scans it (most messages of an import; the long ones would cost the most).
 */
function tooLongToJudge(trimmed: string): boolean {
  return trimmed === '' || moreCharsThan(trimmed, CLOSER_MAX_CHARS);
}

function wordsOf(text: string | null | undefined): string[] | null {
  if (!text) return null;
  const trimmed = text.trim();
  if (tooLongToJudge(trimmed)) return null;
  const folded = fold(trimmed).toLowerCase();
  return folded === '' ? [] : folded.split(' ');
}

/** "pls", "pls thanks", "Please 🙏": asking again, with nothing of its own to answer. */
export function isNudge(text: string | null | undefined): boolean {
  return nudgeIn(wordsOf(text), text);
}

function nudgeIn(words: string[] | null, text: string | null | undefined): boolean {
  if (!words || words.length === 0 || /[?¿？]/u.test(text ?? '')) return false;
  let asked = false;
  for (const word of words) {
    if (PLEASE.has(word)) asked = true;
    else if (!NUDGE_WORDS.has(word)) return false;
  }
  return asked;
}

/**
 * "pls subscribe", "subscribe to my channel", "like my post 🙏", "check out my new video": a broadcast ask to
 * promote their channel, page or post. "I like your post", "could you share the deck?" are not.
 */
export function isPromotionAsk(text: string | null | undefined): boolean {
  return promotionAskIn(wordsOf(text));
}

function promotionAskIn(words: string[] | null): boolean {
  if (!words || words.length === 0) return false;
  // "pls subscribe", "subscribe sir 🙏": subscribing with nothing else but asking words.
  if (
    words.some((word) => SUBSCRIBE.test(word)) &&
    words.every((word) => SUBSCRIBE.test(word) || PLEASE.has(word) || NUDGE_WORDS.has(word))
  )
    return true;
  // Subscribing to something of theirs, in any order ("mera channel subscribe kar do").
  if (
    words.some((word) => SUBSCRIBE.test(word)) &&
    words.some((word, at) => MEDIA.test(word) && at > 0 && THEIRS.test(words[at - 1] ?? ''))
  )
    return true;
  // A verb of promotion, then theirs (or a platform), then what is promoted, in that order.
  for (let at = 0; at < words.length; at++) {
    const word = words[at] ?? '';
    if (!SUBSCRIBE.test(word) && !PROMOTE.test(word)) continue;
    let theirs = false;
    for (let next = at + 1; next < Math.min(words.length, at + 6); next++) {
      const following = words[next] ?? '';
      if (THEIRS.test(following)) theirs = true;
      else if (MEDIA.test(following) && (theirs || SUBSCRIBE.test(word))) return true;
    }
  }
  return false;
}
