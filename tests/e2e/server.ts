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
const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

export interface PageServer {
  url(path: string, host?: string): string;
  close(): Promise<void>;
}

export async function startServer(): Promise<PageServer> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    // /slow/MS: an image that takes MS ms to arrive (holds the load event of a page that shows it).
    const slowImage = /^\/slow\/(\d+)$/.exec(path);
    if (slowImage) {
      const timer = setTimeout(() => res.writeHead(200, { 'content-type': 'image/gif' }).end(PIXEL), Number(slowImage[1]));
      res.on('close', () => clearTimeout(timer));
      return;
    }
    // /streamed-article.html?ms=MS: the seed article, its second half sent MS ms after the first.
    if (path === '/streamed-article.html') {
      const html = readFileSync(routes['/seed-article.html']!, 'utf8');
      const middle = html.indexOf('</p>', html.length / 2) + 4;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.write(html.slice(0, middle));
      const ms = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('ms') ?? 2_000);
      const timer = setTimeout(() => res.end(html.slice(middle)), ms);
      res.on('close', () => clearTimeout(timer));
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
    close: () => new Promise((done) => server.close(() => done())),
  };
}
