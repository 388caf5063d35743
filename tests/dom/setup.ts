/**
 * The one fake of the platform module for DOM tests: in-memory storage with change events, i18n
 * from the real _locales/en/messages.json, and a message bus that reports what was sent. jsdom
 * has no layout and no CSS.highlights: DOM tests check ranges and pass a recording painter in.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { vi } from 'vitest';

const messages = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../_locales/en/messages.json'), 'utf8')) as Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
>;

function getMessage(key: string, substitutions: string[] = []): string {
  const entry = messages[key];
  if (!entry) return '';
  return entry.message.replace(/\$([A-Z]+)\$/g, (_m, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (_x, n: string) => substitutions[Number(n) - 1] ?? '');
  });
}

type Listener = (changes: Record<string, { newValue?: unknown }>, area: string) => void;

function area(name: string, listeners: Set<Listener>) {
  const data = new Map<string, unknown>();
  return {
    data,
    async get(key: string) {
      return data.has(key) ? { [key]: structuredClone(data.get(key)) } : {};
    },
    async set(items: Record<string, unknown>) {
      const changes: Record<string, { newValue?: unknown }> = {};
      for (const [k, v] of Object.entries(items)) {
        data.set(k, structuredClone(v));
        changes[k] = { newValue: structuredClone(v) };
      }
      for (const l of listeners) l(changes, name);
    },
  };
}

const listeners = new Set<Listener>();
export const fakeBrowser = {
  i18n: { getMessage },
  storage: {
    sync: area('sync', listeners),
    local: area('local', listeners),
    onChanged: { addListener: (l: Listener) => listeners.add(l), removeListener: (l: Listener) => listeners.delete(l) },
  },
  runtime: {
    id: 'listmark-test',
    sent: [] as unknown[],
    async sendMessage(message: unknown) {
      fakeBrowser.runtime.sent.push(message);
      return { error: 'no background in DOM tests' };
    },
    getURL: (path: string) => `chrome-extension://listmark-test/${path}`,
    /** Listeners registered with runtime.onMessage, for tests to call as the browser would. */
    messageListeners: [] as ((message: unknown, sender: { id?: string }) => unknown)[],
    onMessage: {
      addListener: (listener: (message: unknown, sender: { id?: string }) => unknown) => fakeBrowser.runtime.messageListeners.push(listener),
    },
  },
};

vi.mock('../../src/platform/browser', () => ({ browser: fakeBrowser }));
