import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCloser } from './closers.js';
import { ASKING_PARTS, ASKING_WORDS, isNudge, isPromotionAsk, needsNoAnswer } from './needs-no-answer.js';

/**
 * Nudges and promotion asks (docs/rules/agenda.md#needs-no-answer), on messages written the way people type
 * them in chat (made up for this test, none taken from an export).
 */

describe('a nudge asks again and says nothing of its own', () => {
  it.each([
    'pls',
    'Pls thanks',
    'plz sir',
    'Please 🙏',
    'please reply',
    'kindly revert sir',
    'Pls do the needful',
    'plzz',
    'bitte danke',
    'svp merci',
    'por favor',
    'alsjeblieft',
    'pls reply asap',
  ])('%s is a nudge', (text) => {
    expect(isNudge(text)).toBe(true);
    expect(needsNoAnswer(text)).toBe(true);
  });

  it.each([
    'pls?',
    'please call me tomorrow',
    'pls send the invoice',
    'Please review the contract',
    'pls help me with the intro',
    'please let me know',
    'Thanks, please find the deck attached',
    'pl check the numbers',
    'kindly share your CV',
  ])('%s asks for something: not a nudge', (text) => {
    expect(isNudge(text)).toBe(false);
    expect(needsNoAnswer(text)).toBe(false);
  });
});

describe('a promotion ask is a broadcast, not a conversation', () => {
  it.each([
    'pls subscribe',
    'Subscribe',
    'subscribe sir 🙏',
    'please subscribe to my YouTube channel',
    'Can you subscribe my channel?',
    'Plz like my latest post 🙏',
    'like and share my post pls',
    'Check out my new video!',
    'follow my page for daily tips',
    'Do support my startup page on Instagram',
    'Abonniere meinen Kanal!',
    'abonnez-vous à ma chaîne svp',
    'Suscríbete a mi canal 🙏',
    'se inscreva no meu canal',
    'iscriviti al mio canale',
    'volg mijn pagina',
    'mera channel subscribe kar do',
  ])('%s is a promotion ask', (text) => {
    expect(isPromotionAsk(text)).toBe(true);
    expect(needsNoAnswer(text)).toBe(true);
  });

  it.each([
    'I like your post about hiring!',
    'Could you share the deck?',
    'Can you follow up with Priya on Monday?',
    'Did you see my post about the Berlin meetup?',
    'Thanks for sharing my post',
    'I watched your talk, can we meet?',
    'share my CV with your recruiter pls',
    'Let me check my calendar and come back to you',
    'Subscription renewal is due, can you confirm the budget?',
    'I will support your application',
  ])('%s is a conversation: not a promotion ask', (text) => {
    expect(isPromotionAsk(text)).toBe(false);
    expect(needsNoAnswer(text)).toBe(false);
  });

  it('a long message is not judged (the engine reads no text over 60 characters)', () => {
    expect(
      needsNoAnswer('hello mam can you please subscribe my youtube channel, link below, thanks a lot'),
    ).toBe(false);
  });
});

describe('the quick test before folding', () => {
  it('finds every asking word and verb of the lists', () => {
    for (const word of ASKING_WORDS.please) expect(ASKING_PARTS.test(word), word).toBe(true);
    for (const verb of ASKING_WORDS.verbs
      .replace(/\\w\*/g, '')
      .replace(/[\^$()?:]/g, '')
      .split('|'))
      expect(ASKING_PARTS.test(verb), verb).toBe(true);
  });

  it('never changes an answer', () => {
    const words = [
      'pls',
      'thanks',
      'sir',
      'subscribe',
      'my',
      'channel',
      'like',
      'post',
      'ok',
      'the',
      '🙏',
      '?',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 8 }), (chosen) => {
        const text = chosen.join(' ');
        expect(needsNoAnswer(text)).toBe(isCloser(text) || isNudge(text) || isPromotionAsk(text));
      }),
    );
  });
});
