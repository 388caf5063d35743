/**
 * The content script's first read of its settings races the change events: a change that arrives
 * before the first read answers carries the newer value, and the read must not undo it.
 */
import { expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { fakeBrowser } from './setup';

it('a first read of the settings that answers after a change event does not bring the old settings back', async () => {
  const sync = fakeBrowser.storage.sync;
  const read = sync.get.bind(sync);
  let answerFirstRead: () => void = () => {};
  // The first read is held until the test lets it answer, with what was stored when it was asked.
  sync.get = (key: string) => {
    const stored = read(key);
    return new Promise((answer) => (answerFirstRead = () => void stored.then(answer)));
  };
  const paragraph = document.createElement('p');
  paragraph.textContent = 'Hangzhou Hikvision Digital Technology Co., Ltd. makes cameras.';
  document.body.append(paragraph);
  const { boot } = await import('../../src/content/main');
  boot(performance.now());
  sync.get = read;
  // Turned off everywhere (from the popup, say) before the page's first read has answered.
  await sync.set({ settings: { ...DEFAULT_SETTINGS, enabled: false } });
  answerFirstRead();
  await new Promise((settled) => setTimeout(settled, 50));
  // Had the stale read (on) been applied, the script would have started and sent the page's text.
  const sent = fakeBrowser.runtime.sent as { listmark?: string }[];
  expect(sent.filter((message) => message.listmark === 'findNames')).toEqual([]);
});
