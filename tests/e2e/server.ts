/** A static server on 127.0.0.1 for e2e pages: tests/pages/* and the shared seed article. */
import { createServer, type Server } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { extname, join, resolve, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

const root = resolve(import.meta.dirname, '../..');
const routes: Record<string, string> = {
  '/seed-article.html': resolve(root, '../shared/fixtures/seed-article.html'),
};
const pagesDir = resolve(root, 'tests/pages');
const PIXEL = Buffer.from('R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==', 'base64');
const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.pdf': 'application/pdf' };

export interface PageServer {
  url(path: string, host?: string): string;
  /** Sends the rest of every response held under `key` (see /streamed-article.html), and of any asked for later. */
  release(key: string): void;
  close(): Promise<void>;
}

/** `files`: more files to serve, by path (made by the test, such as the PDFs of tests/fixtures/pdfs.ts). */
export async function startServer(files: Record<string, Uint8Array> = {}): Promise<PageServer> {
  const held = new Map<string, (() => void)[]>();
  const released = new Set<string>();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    // /slow/MS: an image that takes MS ms to arrive (holds the load event of a page that shows it).
    const slowImage = /^\/slow\/(\d+)$/.exec(path);
    if (slowImage) {
      const timer = setTimeout(() => res.writeHead(200, { 'content-type': 'image/gif' }).end(PIXEL), Number(slowImage[1]));
      res.on('close', () => clearTimeout(timer));
      return;
    }
    // /streamed-article.html?hold=KEY: the seed article, its second half sent once the test calls
    // release(KEY): the page is loading for exactly as long as the test needs, however slow the machine.
    if (path === '/streamed-article.html') {
      const html = readFileSync(routes['/seed-article.html']!, 'utf8');
      const middle = html.indexOf('</p>', html.length / 2) + 4;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.write(html.slice(0, middle));
      const key = new URL(req.url ?? '/', 'http://x').searchParams.get('hold') ?? '';
      const finish = () => res.end(html.slice(middle));
      if (released.has(key)) finish();
      else held.set(key, [...(held.get(key) ?? []), finish]);
      return;
    }
    const made = files[path];
    if (made) {
      res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream', 'content-length': String(made.length) });
      res.end(made);
      return;
    }
    const file = routes[path] ?? join(pagesDir, normalize(path).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(pagesDir) && !Object.values(routes).includes(file)) {
      res.writeHead(403).end();
      return;
    }
    if (!existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    const headers: Record<string, string> = { 'content-type': types[extname(file)] ?? 'application/octet-stream' };
    // The strictest policy a page can set: nothing of its own may load or run.
    if (path.endsWith('/strict-csp.html')) headers['content-security-policy'] = "default-src 'none'";
    res.writeHead(200, headers);
    res.end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path, host = '127.0.0.1') => `http://${host}:${port}${path}`,
    release: (key) => {
      released.add(key);
      for (const finish of held.get(key) ?? []) finish();
      held.delete(key);
    },
    close: () => {
      for (const key of held.keys()) for (const finish of held.get(key) ?? []) finish();
      held.clear();
      return new Promise((done) => server.close(() => done()));
    },
  };
}
