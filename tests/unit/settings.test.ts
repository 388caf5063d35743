import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isActiveOn, parseSettings } from '../../src/core/settings';

describe('parseSettings', () => {
  it.each([
    ['nothing stored', undefined, DEFAULT_SETTINGS],
    ['a string', 'garbage', DEFAULT_SETTINGS],
    ['wrong types', { enabled: 'yes', disabledSites: 'x', lists: 7 }, DEFAULT_SETTINGS],
    ['an older version without lists', { enabled: false }, { ...DEFAULT_SETTINGS, enabled: false }],
    ['unknown lists and bad hosts', { lists: ['entity-list', 'nope'], disabledSites: ['Example.COM', '<bad>'] }, { ...DEFAULT_SETTINGS, lists: ['entity-list'], disabledSites: ['example.com'] }],
    ['removed organisations asked for', { showRemoved: true }, { ...DEFAULT_SETTINGS, showRemoved: true }],
    ['a stored switch that is not a boolean', { showRemoved: 'yes' }, DEFAULT_SETTINGS],
  ])('%s', (_label, raw, expected) => {
    expect(parseSettings(raw)).toEqual(expected);
  });

  it('shows no removed organisation unless asked', () => {
    expect(DEFAULT_SETTINGS.showRemoved).toBe(false);
  });

  it('is off where the user turned it off', () => {
    const s = parseSettings({ disabledSites: ['news.example'] });
    expect(isActiveOn(s, 'news.example')).toBe(false);
    expect(isActiveOn(s, 'other.example')).toBe(true);
    expect(isActiveOn({ ...s, enabled: false }, 'other.example')).toBe(false);
  });
});
