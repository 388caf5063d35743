/** data:fetch against a local server that serves good, truncated, wrong-type and huge responses. */
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchSources } from '../../scripts/fetch-data';

const xml = readFileSync(resolve(import.meta.dirname, '../../../shared/data/ecfr-title-15-part-744-2026-07-23.xml'));
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    // One connection per request: a kept-alive socket that the server closes after its 5 s idle
    // timeout, just as the client reuses it (a slow parse on a busy machine), fails the next fetch.
    res.setHeader('connection', 'close');
    const mode = req.url!.split('/')[1];
    if (req.url!.endsWith('/titles.json')) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ titles: [{ number: 15, up_to_date_as_of: '2026-07-23' }] }));
    } else if (mode === 'good') res.writeHead(200, { 'content-type': 'application/xml' }).end(xml);
    else if (mode === 'truncated') res.writeHead(200, { 'content-type': 'application/xml' }).end(xml.subarray(0, xml.length / 3));
    else if (mode === 'html') res.writeHead(200, { 'content-type': 'text/html' }).end('<html>maintenance</html>');
    else if (mode === 'huge') {
      res.writeHead(200, { 'content-type': 'application/xml' });
      const chunk = Buffer.alloc(1024 * 1024, 32);
      let sent = 0;
      const push = () => {
        while (sent < 80 && res.write(chunk)) sent++;
        if (sent < 80) res.once('drain', push);
        else res.end();
      };
      push();
    } else res.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe('fetchSources', () => {
  it('keeps a good download under the dataset date', async () => {
    const out = mkdtempSync(join(tmpdir(), 'listmark-fetch-'));
    const [file] = await fetchSources({ ecfrApi: `${base}/good`, outDir: out });
    expect(file).toBe(join(out, 'ecfr-title-15-part-744-2026-07-23.xml'));
    expect(readFileSync(file!).equals(xml)).toBe(true);
  });

  it.each([
    ['truncated', /not well-formed/],
    ['html', /unexpected content type "text\/html"/],
    ['huge', /larger than the/],
    ['missing', /HTTP 404/],
  ])('refuses a %s response and writes nothing', async (mode, message) => {
    const out = mkdtempSync(join(tmpdir(), 'listmark-fetch-'));
    await expect(fetchSources({ ecfrApi: `${base}/${mode}`, outDir: out, date: '2026-07-23' })).rejects.toThrow(message);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });
});
