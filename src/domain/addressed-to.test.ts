import { describe, expect, it } from 'vitest';
import { addressedTo, mentions } from './addressed-to.js';

describe('my reason told to the person it describes', () => {
  it.each([
    ['Sofia needs a React Native contractor', 'You need a React Native contractor'],
    [
      "Sofia's team ships apps; Daniel knows React Native.",
      'Your team ships apps; Daniel knows React Native.',
    ],
    ['Sofia Reyes is hiring. Sofia tries everything', 'You are hiring. You try everything'],
    [
      'I think Sofia should meet Daniel as Sofia watches the market',
      'I think you should meet Daniel as you watch the market',
    ],
    ['Daniel can help Sofia with the launch', 'Daniel can help you with the launch'],
    ['Sofia and Daniel both love Rust', 'You and Daniel both love Rust'],
    ['Daniel has done this before', 'Daniel has done this before'],
  ])('%s → %s', (why, told) => {
    expect(addressedTo(why, 'Sofia Reyes')).toBe(told);
  });

  it.each([
    ['her app is too slow on older Android phones', 'Your app is too slow on older Android phones'],
    ['she needs help with her launch', 'You need help with your launch'],
    ["he's hiring and his team is small", "You're hiring and your team is small"],
    ['it would help her a lot', 'it would help you a lot'],
  ])('with pronouns: %s → %s', (why, told) => {
    expect(addressedTo(why, 'Sofia Reyes', { pronouns: true })).toBe(told);
  });

  it('leaves pronouns alone unless told they are the reader’s', () => {
    expect(addressedTo('her app is slow', 'Daniel Okafor')).toBe('her app is slow');
  });

  it('finds a first name as a word only', () => {
    expect(mentions('Sofia needs help', 'Sofia Reyes')).toBe(true);
    expect(mentions('Sofian needs help', 'Sofia Reyes')).toBe(false);
  });
});
