import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../../test/support/cli-harness.js';
import { createSettingsService } from './settings.service.js';

describe('settings read from settings.json', () => {
  it('see a change another process or a hand edit made, and never hand out what the next reader sees', () => {
    const dir = tempDataDir();
    const settings = createSettingsService(dir);
    expect(settings.list()).toEqual({});
    settings.set('daily-budget', '5');
    expect(settings.get('daily-budget')).toBe('5');
    const copy = settings.list();
    copy['daily-budget'] = '99';
    expect(settings.get('daily-budget')).toBe('5');
    // Another `tend config` in another terminal (a new file renamed into place), then a hand edit in place.
    const other = createSettingsService(dir);
    other.set('daily-budget', '7');
    expect(settings.get('daily-budget')).toBe('7');
    writeFileSync(join(dir, 'settings.json'), '{"daily-budget": "8", "timezone": "UTC"}\n');
    expect(settings.list()).toEqual({ 'daily-budget': '8', timezone: 'UTC' });
    writeFileSync(join(dir, 'settings.json'), '{"daily-budget": ');
    expect(() => settings.list()).toThrow(/not valid JSON/);
  });
});
