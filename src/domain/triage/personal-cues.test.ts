import { describe, expect, it } from 'vitest';
import { personalNoteCues } from './personal-cues.js';

describe('personal cues', () => {
  it('collector phrases are not personal cues; real contact and referrals are', () => {
    for (const note of [
      'LinkedIn suggested I connect with you',
      'Nice to meet you! I saw your profile and I am currently building my professional network.',
      "I'm working on expanding my network, looking forward to meeting you.",
      'I read the news and thought of connecting.',
    ]) {
      expect(personalNoteCues(note), note).toEqual([]);
    }
    expect(personalNoteCues('Great meeting you at the Forum yesterday')).toEqual([
      'Great meeting you at the Forum',
    ]);
    expect(personalNoteCues('Priya Nair suggested I reach out')).toEqual(['suggested I']);
  });
});
