/**
 * Typed messaging over runtime/tabs messages. A message is `{ listmark: type, args }`; the reply
 * is `{ ok: value }` or `{ error: message }`, and errors are rethrown in the caller.
 */
import type { Runtime } from 'webextension-polyfill';
import { browser } from './browser';

type AnyProtocol = object;
type Fn = (...args: never[]) => unknown;
export type MessageType<P extends AnyProtocol> = Extract<keyof P, string>;
type ArgsOf<P, K extends keyof P> = P[K] extends Fn ? Parameters<P[K]> : never;
type ResultOf<P, K extends keyof P> = P[K] extends Fn ? Awaited<ReturnType<P[K]>> : never;

/** Handlers for every message of a protocol; each may be async and sees the sender. */
export type Handlers<P extends AnyProtocol> = {
  [K in MessageType<P>]: (sender: Runtime.MessageSender, ...args: ArgsOf<P, K>) => ResultOf<P, K> | Promise<ResultOf<P, K>>;
};

interface Envelope {
  listmark: string;
  args: unknown[];
}

type Reply = { ok: unknown } | { error: string };

export function isEnvelope(message: unknown): message is Envelope {
  return (
    typeof message === 'object' &&
    message !== null &&
    typeof (message as Envelope).listmark === 'string' &&
    Array.isArray((message as Envelope).args)
  );
}

function unwrap(reply: unknown, type: string): unknown {
  if (typeof reply !== 'object' || reply === null) throw new Error(`No answer to "${type}"`);
  if ('error' in reply) throw new Error(String((reply as { error: unknown }).error));
  return (reply as { ok: unknown }).ok;
}

export async function sendToBackground<P extends AnyProtocol, K extends MessageType<P>>(
  type: K,
  ...args: ArgsOf<P, K>
): Promise<ResultOf<P, K>> {
  const reply: unknown = await browser.runtime.sendMessage({ listmark: type, args } satisfies Envelope);
  return unwrap(reply, type) as ResultOf<P, K>;
}

/** To whichever of Listmark's own pages handles the message (the PDF viewer of a tab): runtime messages reach them all. */
export const sendToExtensionPages = sendToBackground;

export async function sendToTab<P extends AnyProtocol, K extends MessageType<P>>(
  tabId: number,
  type: K,
  ...args: ArgsOf<P, K>
): Promise<ResultOf<P, K>> {
  return sendToFrame<P, K>(tabId, 0, type, ...args);
}

/** To the content script of one frame of a tab (0: the top frame). */
export async function sendToFrame<P extends AnyProtocol, K extends MessageType<P>>(
  tabId: number,
  frameId: number,
  type: K,
  ...args: ArgsOf<P, K>
): Promise<ResultOf<P, K>> {
  const reply: unknown = await browser.tabs.sendMessage(tabId, { listmark: type, args } satisfies Envelope, { frameId });
  return unwrap(reply, type) as ResultOf<P, K>;
}

/**
 * Answers messages of one protocol. Only this extension's own pages and content scripts are
 * answered; anything else, and any message of the wrong shape, gets a clean refusal.
 */
export function handleMessages<P extends AnyProtocol>(
  handlers: Handlers<P>,
  validate: (type: string, args: unknown[]) => string | null = () => null,
  /** False for a message another context of the same kind answers (a viewer of another tab): it gets no reply from here. */
  isForMe: (args: unknown[]) => boolean = () => true,
): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (!isEnvelope(message)) return undefined; // not ours: leave it to other listeners
    if (sender.id !== browser.runtime.id) return Promise.resolve<Reply>({ error: 'Refused: sender is not this extension' });
    if (!Object.prototype.hasOwnProperty.call(handlers, message.listmark) || !isForMe(message.args)) {
      return undefined; // another context of this extension handles it
    }
    const problem = validate(message.listmark, message.args);
    if (problem) return Promise.resolve<Reply>({ error: `Refused: ${problem}` });
    const handler = handlers[message.listmark as MessageType<P>] as (s: Runtime.MessageSender, ...a: unknown[]) => unknown;
    return Promise.resolve()
      .then(() => handler(sender, ...message.args))
      .then(
        (ok): Reply => ({ ok: ok ?? null }),
        (error: unknown): Reply => ({ error: error instanceof Error ? error.message : String(error) }),
      );
  });
}

const ALIVE_PORT = 'listmark-alive';

/** False once the extension was updated, reloaded or removed under a still-open page. */
export function isExtensionContextAlive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}

/** Background side of watchExtensionContext: keeps the ports content scripts open. */
export function acceptAlivePorts(): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== ALIVE_PORT) port.disconnect();
  });
}

/**
 * Calls `onGone` once this extension context is invalidated (the extension was updated, reloaded
 * or removed while the page stayed open). A port to the background disconnects then; it also
 * disconnects when the service worker merely stops, in which case it is opened again.
 */
export function watchExtensionContext(onGone: () => void): void {
  let gone = false;
  const done = () => {
    if (gone) return;
    gone = true;
    clearInterval(poll);
    onGone();
  };
  const connect = () => {
    if (gone) return;
    if (!isExtensionContextAlive()) return done();
    try {
      const port = browser.runtime.connect({ name: ALIVE_PORT });
      port.onDisconnect.addListener(() => {
        if (isExtensionContextAlive()) setTimeout(connect, 1_000);
        else done();
      });
    } catch {
      done();
    }
  };
  // A backstop: the port can disconnect a moment before the browser invalidates the context.
  const poll = setInterval(() => {
    if (!isExtensionContextAlive()) done();
  }, 2_000);
  connect();
}
