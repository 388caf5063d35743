/** A refused write says why in words a user can act on, and leaves the stored settings as they were. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { loadDismissals, loadSettings, NotSavedError, notSavedMessage, updateDismissals, updateSettings } from '../../src/platform/storage';
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

describe('changes made in quick succession', () => {
  it('are all kept: each update reads what the one before it wrote', async () => {
    await fakeBrowser.storage.sync.set({ settings: { ...DEFAULT_SETTINGS, enabled: true, includeShortForms: true } });
    // Two switches flipped before the first read has answered.
    await Promise.all([
      updateSettings((s) => ({ ...s, enabled: false })),
      updateSettings((s) => ({ ...s, includeShortForms: false })),
    ]);
    const stored = await loadSettings();
    expect(stored.enabled).toBe(false);
    expect(stored.includeShortForms).toBe(false);

    await Promise.all(
      ['el-0000000001', 'el-0000000002', 'el-0000000003'].map((entryId) =>
        updateDismissals((current) => [...current, { site: 'news.example', entryId, name: entryId, at: '2026-11-26T00:00:00.000Z' }]),
      ),
    );
    expect((await loadDismissals()).map((d) => d.entryId)).toEqual(['el-0000000001', 'el-0000000002', 'el-0000000003']);
  });

  it('go on after one is refused', async () => {
    const sync = fakeBrowser.storage.sync;
    const set = sync.set;
    let refuseNext = true;
    sync.set = (...items: Parameters<typeof set>) => {
      if (!refuseNext) return set.apply(sync, items);
      refuseNext = false;
      return Promise.reject(new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded'));
    };
    try {
      const refused = updateSettings((s) => ({ ...s, enabled: false }));
      const next = updateSettings((s) => ({ ...s, enabled: true, includeShortForms: false }));
      await expect(refused).rejects.toBeInstanceOf(NotSavedError);
      expect(await next).toMatchObject({ enabled: true, includeShortForms: false });
      expect(await loadSettings()).toMatchObject({ enabled: true, includeShortForms: false });
    } finally {
      sync.set = set;
    }
  });
});
