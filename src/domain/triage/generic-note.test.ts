import { describe, expect, it } from 'vitest';
import { GENERIC_NOTES, PERSONAL_NOTES, invitation } from '../../../test/support/invitation-notes.js';
import { isGenericInvitationNote } from './generic-note.js';
import { triageInvitation } from './verdict.js';

describe('the generic-template detector', () => {
  it.each(GENERIC_NOTES)('generic: %s', (note) => {
    expect(isGenericInvitationNote(note)).toBe(true);
  });

  it.each(PERSONAL_NOTES)('not generic: %s', (note) => {
    expect(isGenericInvitationNote(note)).toBe(false);
  });

  it('every personal note is triaged as personal, every template as generic', () => {
    for (const message of PERSONAL_NOTES) {
      const result = triageInvitation(invitation({ name: 'A Sender', message }));
      expect(result.signals.note, message).toBe('personal');
      expect(result.verdict, message).toBe('accept');
    }
    for (const message of GENERIC_NOTES) {
      const result = triageInvitation(invitation({ name: 'A Sender', message }));
      expect(result.signals.note, message).toBe('generic');
      expect(result.verdict, message).toBe('ask');
    }
  });

  it('is not fooled by empty text, a greeting alone, or courtesy without a request', () => {
    expect(isGenericInvitationNote('')).toBe(false);
    expect(isGenericInvitationNote('   ')).toBe(false);
    expect(isGenericInvitationNote('Hi Maya,')).toBe(false);
    expect(isGenericInvitationNote('Thanks! Best regards')).toBe(false);
  });

  it('answers quickly on long repetitive text', () => {
    const long = 'best regards '.repeat(40) + 'x';
    expect(isGenericInvitationNote(`, ${'A'.repeat(590)} b`)).toBe(false);
    const started = performance.now();
    expect(isGenericInvitationNote(long)).toBe(false);
    expect(isGenericInvitationNote(`${"I'd like to connect. ".repeat(25)}`)).toBe(true);
    expect(performance.now() - started).toBeLessThan(200);
  });
});
