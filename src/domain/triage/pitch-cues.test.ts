import { describe, expect, it } from 'vitest';
import { NOT_PITCHES, PITCHES, invitation } from '../../../test/support/invitation-notes.js';
import { salesPitchCues } from './pitch-cues.js';
import { triageInvitation } from './verdict.js';

describe('sales-pitch detection', () => {
  it.each(PITCHES)('pitch: %s', (note) => {
    expect(salesPitchCues(note).length).toBeGreaterThan(0);
    const result = triageInvitation(invitation({ name: 'Some Seller', message: note }));
    expect(result.verdict).toBe('decline');
    expect(result.reasons.some((reason) => reason.startsWith('The note reads as a sales pitch'))).toBe(true);
  });

  it.each(NOT_PITCHES)('not a pitch: %s', (note) => {
    expect(salesPitchCues(note)).toEqual([]);
  });

  it('names the cues as written (less accents), in order, without repeating nested ones', () => {
    expect(salesPitchCues(PITCHES[1] ?? '')).toEqual([
      'we help saas',
      'companies like yours',
      'book a 15-minute call',
      'calendly.com/jane-growth/15min',
    ]);
    expect(salesPitchCues('We offer services to clients.')).toEqual(['services', 'clients']);
    expect(salesPitchCues('Our clients say hi')).toEqual([]);
  });
});
