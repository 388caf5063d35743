/**
 * Downloads from the official hosts with the limits an update is held to: a size cap (read as the
 * body streams in, whatever Content-Length claims), a wait limit for each piece of the answer and
 * one for the whole. Every failure becomes an UpdateError naming what went wrong.
 */
import { readCapped } from '../core/read-capped';
import { UPDATE_LIMITS, UpdateError } from '../core/update-checks';

export interface Downloaded {
  text: string;
  contentType: string;
  etag: string | null;
  /** 304: the server says the copy named by If-None-Match is still current. */
  notModified: boolean;
}

export async function download(url: string, maxBytes: number, headers: Record<string, string> = {}): Promise<Downloaded> {
  const controller = new AbortController();
  let timedOut = '';
  let idle: ReturnType<typeof setTimeout> | undefined;
  const stopWaiting = (why: string) => {
    timedOut = why;
    controller.abort();
  };
  const restartIdle = () => {
    clearTimeout(idle);
    idle = setTimeout(() => stopWaiting(`no answer for ${UPDATE_LIMITS.idleMs / 1000} s`), UPDATE_LIMITS.idleMs);
  };
  const whole = setTimeout(() => stopWaiting(`not complete after ${UPDATE_LIMITS.totalMs / 1000} s`), UPDATE_LIMITS.totalMs);
  restartIdle();
  try {
    const response = await fetch(url, { signal: controller.signal, headers, cache: 'no-store', credentials: 'omit', redirect: 'error' });
    if (response.status === 304) return { text: '', contentType: '', etag: response.headers.get('etag'), notModified: true };
    if (!response.ok) throw new UpdateError('http-status', `${url} answered HTTP ${response.status}`);
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > maxBytes) throw new UpdateError('too-large', `${url} announced ${declared} bytes; the limit is ${maxBytes}`);
    const reader = response.body?.getReader();
    if (!reader) throw new UpdateError('network', `${url} sent no body`);
    const bytes = await readCapped(reader, maxBytes, restartIdle);
    if (!bytes) throw new UpdateError('too-large', `${url} sent more than ${maxBytes} bytes`);
    // fatal: a body cut inside a character is a broken download, not text with a replacement mark.
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new UpdateError('parse-error', `${url} sent text that is not UTF-8`);
    }
    return { text, contentType: response.headers.get('content-type') ?? '', etag: response.headers.get('etag'), notModified: false };
  } catch (error) {
    if (error instanceof UpdateError) throw error;
    if (timedOut) throw new UpdateError('timeout', `${url}: ${timedOut}`);
    throw new UpdateError('network', `${url}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    clearTimeout(idle);
    clearTimeout(whole);
  }
}
