/**
 * The message handler every context uses: it answers this extension's own senders only, refuses
 * messages of the wrong shape with a reason, and leaves messages that are not Listmark's alone.
 */
import { describe, expect, it } from 'vitest';
import { handleMessages } from '../../src/platform/messaging';
import { fakeBrowser } from './setup';

interface TestProtocol {
  double(n: number): number;
}

describe('handleMessages', () => {
  const listeners = fakeBrowser.runtime.messageListeners;
  const before = listeners.length;
  handleMessages<TestProtocol>({ double: (_sender, n) => n * 2 }, (type, args) =>
    type === 'double' && typeof args[0] !== 'number' ? 'double takes a number' : null,
  );
  const listener = listeners[before]!;
  const own = { id: fakeBrowser.runtime.id };

  it('answers its own extension', async () => {
    expect(await listener({ listmark: 'double', args: [21] }, own)).toEqual({ ok: 42 });
  });

  it('refuses a sender that is not this extension, even with a well-formed message', async () => {
    expect(await listener({ listmark: 'double', args: [21] }, { id: 'some-other-extension' })).toEqual({
      error: 'Refused: sender is not this extension',
    });
    expect(await listener({ listmark: 'double', args: [21] }, {})).toEqual({ error: 'Refused: sender is not this extension' });
  });

  it('refuses a malformed message with its reason', async () => {
    expect(await listener({ listmark: 'double', args: ['<img src=x onerror=alert(1)>'] }, own)).toEqual({
      error: 'Refused: double takes a number',
    });
  });

  it('leaves alone what is not a Listmark message, or is another context’s', () => {
    for (const message of [null, 'double', { listmark: 'double' }, { listmark: 42, args: [] }, { type: 'double', args: [1] }]) {
      expect(listener(message, own)).toBeUndefined();
    }
    expect(listener({ listmark: 'getPageReport', args: [] }, own)).toBeUndefined();
  });
});
