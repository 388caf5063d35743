/**
 * A local stand-in for the official hosts (www.ecfr.gov, data.trade.gov), reached by the browsers
 * through a CONNECT proxy on 127.0.0.1: the real built extension asks for the real addresses and
 * gets this server's answers, over TLS with a throw-away certificate the test browsers are told to
 * accept. Each test sets the scenario (what the versions list says, what the XML request gets) and
 * reads which requests arrived.
 *
 * The XML variants are edits of the real 2026-07-23 text (../shared/data): an entry added, one
 * removed, one changed, and broken answers (truncated, an HTML error page, over the size cap,
 * no answer at all). The CSL download is whatever the test gives (tests/fixtures/csl-sample.ts
 * makes it of real rows), answered 304 when the request names its ETag.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
export const SHIPPED_XML = readFileSync(resolve(root, '../shared/data/ecfr-title-15-part-744-2026-07-23.xml'), 'utf8');

/** A name no list has: the entry the "added" variant lists (strong: no word of it is everyday). */
export const ADDED_NAME = 'Zephyrine Quantum Devices Co., Ltd.';
export const ADDED_SHORT = 'Zephyrine Quantum Devices';
/** The entry the "removed" variant drops. */
export const REMOVED_NAME = 'Megvii Technology';

const DAY_MS = 24 * 60 * 60 * 1000;
const isoDaysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString().slice(0, 10);
const frDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${m}/${d}/${String(y).slice(2)}`;
};

/** The date of the newer text the stand-in serves, and of the rule in it: ten days ago. */
export const NEWER_DATE = isoDaysAgo(10);
export const NEW_CITATION = `91 FR 71234, ${frDate(isoDaysAgo(12))}`;

/** The shipped text with one entry added (after Hikvision, China), Megvii removed, Hikvision cited again. */
export function changedXml(): string {
  const hikvisionRow = SHIPPED_XML.indexOf('Hangzhou Hikvision Digital Technology');
  const hikvisionCitationsEnd = SHIPPED_XML.indexOf('</TD>\n</TR>', hikvisionRow);
  const rowEnd = hikvisionCitationsEnd + '</TD>\n</TR>'.length;
  const added = [
    '\n<TR>',
    '<TD class="left border-right-single"> </TD>',
    `<TD class="left border-right-single">${ADDED_NAME}, No. 1 Test Road, Hefei, China.</TD>`,
    '<TD class="left border-right-single">For all items subject to the EAR. (See &#xA7; 744.11 of the EAR)</TD>',
    '<TD class="left border-right-single">Presumption of denial.</TD>',
    `<TD class="left">${NEW_CITATION}.</TD>`,
    '</TR>',
  ].join('\n');
  let xml = `${SHIPPED_XML.slice(0, hikvisionCitationsEnd)}<br/>${NEW_CITATION}.\n${SHIPPED_XML.slice(hikvisionCitationsEnd, rowEnd)}${added}${SHIPPED_XML.slice(rowEnd)}`;
  const megvii = xml.indexOf(`>${REMOVED_NAME},`);
  const megviiStart = xml.lastIndexOf('<TR>', megvii);
  const megviiEnd = xml.indexOf('</TR>', megvii) + '</TR>'.length;
  xml = xml.slice(0, megviiStart) + xml.slice(megviiEnd + 1);
  return xml;
}

export type XmlAnswer =
  | { kind: 'xml'; body: string }
  | { kind: 'html-error-page' }
  | { kind: 'over-size' }
  | { kind: 'never' };

/** What trade.gov's consolidated.json gets: a body with its ETag (304 to a matching If-None-Match), or too much. */
export type CslAnswer = { kind: 'json'; body: string; etag: string } | { kind: 'over-size' };

export interface Scenario {
  /** The newest date the versions list gives for Part 744. */
  latestDate: string;
  /** What a request for the full text gets. */
  xml: XmlAnswer;
  /** The versions request never answers. */
  versionsNeverAnswer?: boolean;
  /** What a request for the CSL download gets; 404 when not set. */
  csl?: CslAnswer;
}

export const CSL_PATH = '/downloadable_consolidated_screening_list/v1/consolidated.json';

export interface OfficialSource {
  /** Port of the CONNECT proxy the browsers are pointed at. */
  proxyPort: number;
  setScenario(scenario: Scenario): void;
  /** Paths (with query) requested so far, oldest first, with the Host they were sent to. */
  requests(): string[];
  /** The If-None-Match of each CSL request so far (null: none sent), and how many got a 304. */
  cslConditions(): { ifNoneMatch: (string | null)[]; notModified: number };
  clearRequests(): void;
  close(): Promise<void>;
}

/** A self-signed certificate for the two hosts, made with openssl for this run only. */
function makeCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'listmark-tls-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=www.ecfr.gov',
      '-addext', 'subjectAltName=DNS:www.ecfr.gov,DNS:data.trade.gov',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const OVER_SIZE_BYTES = 17 * 1024 * 1024;
/** Over the CSL's cap (64 MB, core/update-checks). */
const CSL_OVER_SIZE_BYTES = 65 * 1024 * 1024;

/** Streams `bytes` of spaces, chunked, without Content-Length: a cap must hold while the body streams in. */
function sendOverSize(res: ServerResponse, contentType: string, bytes: number): void {
  res.writeHead(200, { 'content-type': contentType });
  const chunk = Buffer.alloc(1024 * 1024, ' ');
  let sent = 0;
  const pump = () => {
    while (sent < bytes) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    res.end();
  };
  res.on('error', () => {});
  pump();
}

export async function startOfficialSource(initial: Scenario): Promise<OfficialSource> {
  let scenario = initial;
  const seen: string[] = [];
  const ifNoneMatch: (string | null)[] = [];
  let notModified = 0;
  const hanging = new Set<ServerResponse>();
  const answer = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', `https://${req.headers.host ?? 'unknown'}`);
    seen.push(`${url.host}${url.pathname}${url.search}`);
    if (url.host === 'data.trade.gov' && url.pathname === CSL_PATH) {
      const condition = req.headers['if-none-match'];
      ifNoneMatch.push(typeof condition === 'string' ? condition : null);
      const csl = scenario.csl;
      if (!csl) return void res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
      if (csl.kind === 'over-size') return sendOverSize(res, 'application/json', CSL_OVER_SIZE_BYTES);
      if (condition === csl.etag) {
        notModified++;
        return void res.writeHead(304, { etag: csl.etag }).end();
      }
      return void res.writeHead(200, { 'content-type': 'application/json', etag: csl.etag }).end(csl.body);
    }
    if (url.host !== 'www.ecfr.gov') return void res.writeHead(404).end();
    if (url.pathname === '/api/versioner/v1/versions/title-15.json' && url.searchParams.get('part') === '744') {
      if (scenario.versionsNeverAnswer) return void hanging.add(res);
      const versions = ['2025-10-09', '2025-11-12', scenario.latestDate].map((date) => ({ date, amendment_date: date, issue_date: date, identifier: '744', name: 'Control policy: end-user and end-use based', part: '744', substantive: true, removed: false, subpart: null, title: '15', type: 'appendix' }));
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ content_versions: versions, meta: { title: '15' } }));
    }
    const full = /^\/api\/versioner\/v1\/full\/(\d{4}-\d{2}-\d{2})\/title-15\.xml$/.exec(url.pathname);
    if (full && url.searchParams.get('part') === '744') {
      const xml = scenario.xml;
      if (xml.kind === 'never') return void hanging.add(res);
      if (xml.kind === 'html-error-page') {
        return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!DOCTYPE html><html><head><title>Service Unavailable</title></head><body><h1>We are down for maintenance</h1></body></html>');
      }
      if (xml.kind === 'over-size') return sendOverSize(res, 'application/xml', OVER_SIZE_BYTES);
      return void res.writeHead(200, { 'content-type': 'application/xml; charset=utf-8' }).end(xml.body);
    }
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
  };
  const tls = createHttpsServer(makeCertificate(), answer);
  await new Promise<void>((done) => tls.listen(0, '127.0.0.1', done));
  const tlsPort = (tls.address() as AddressInfo).port;
  const sockets = new Set<Socket>();
  tls.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // The proxy tunnels only the official hosts, to the stand-in; anything else is refused.
  const proxy = createHttpServer((_req, res) => res.writeHead(405).end());
  proxy.on('connect', (req: IncomingMessage, client: Socket) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    const host = (req.url ?? '').split(':')[0];
    if (host !== 'www.ecfr.gov' && host !== 'data.trade.gov') return void client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    const upstream = connect(tlsPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
  return {
    proxyPort: (proxy.address() as AddressInfo).port,
    setScenario: (next) => {
      scenario = next;
    },
    requests: () => [...seen],
    cslConditions: () => ({ ifNoneMatch: [...ifNoneMatch], notModified }),
    clearRequests: () => {
      seen.splice(0);
      ifNoneMatch.splice(0);
      notModified = 0;
    },
    close: async () => {
      for (const res of hanging) res.destroy();
      for (const socket of sockets) socket.destroy();
      await Promise.all([new Promise((done) => tls.close(done)), new Promise((done) => proxy.close(done))]);
    },
  };
}
