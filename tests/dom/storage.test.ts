/** A refused write says why in words a user can act on, and leaves the stored settings as they were. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { loadSettings, NotSavedError, notSavedMessage, updateSettings } from '../../src/platform/storage';
import { fakeBrowser } from './setup';

describe('a settings write the browser refuses', () => {
  it('throws a NotSavedError, and the stored settings are unchanged', async () => {
    await fakeBrowser.storage.sync.set({ settings: { ...DEFAULT_SETTINGS, disabledSites: ['example.com'] } });
    const set = fakeBrowser.storage.sync.set;
    fakeBrowser.storage.sync.set = () => Promise.reject(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'));
    try {
      const refused = await updateSettings((s) => ({ ...s, disabledSites: [...s.disabledSites, 'news.example'] })).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(NotSavedError);
      expect((refused as NotSavedError).refusal).toBe('too-large');
    } finally {
      fakeBrowser.storage.sync.set = set;
    }
    expect((await loadSettings()).disabledSites).toEqual(['example.com']);
  });

  it('is explained by its cause: size, rate, or the browser’s own words', () => {
    expect(notSavedMessage(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'))).toMatch(/too long for your browser’s synced settings/);
    expect(notSavedMessage(new Error('QuotaExceededError: storage.sync API call exceeded its quota limitations.'))).toMatch(/too long/);
    expect(notSavedMessage(new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded'))).toMatch(/too many times in a minute/);
    expect(notSavedMessage(new Error('IO error: disk full'))).toBe('Not saved: the browser refused to store the change (IO error: disk full).');
  });
});
