/**
 * Downloads the PDF the viewer was asked to open, with the user's cookies for its site (the
 * browser sent them when it showed the PDF itself), and says in the user's terms why it could not:
 * the server's answer, not a PDF, too large, no access to the site yet, or no connection.
 */
import { readCapped } from '../core/read-capped';
import { hasSiteAccess } from '../platform/pdf-access';

/** Larger files are refused before they are read: the viewer holds the whole file in memory. */
export const MAX_PDF_BYTES = 100 * 1024 * 1024;
/** A PDF starts with `%PDF-`; some servers send a few bytes of something else first. */
const HEADER_REACH = 1024;

export type PdfLoadProblem = 'http' | 'not-pdf' | 'too-large' | 'needs-access' | 'network' | 'not-web';

export class PdfLoadError extends Error {
  constructor(
    readonly problem: PdfLoadProblem,
    /** The server's status, or what the browser said. */
    readonly detail = '',
  ) {
    super(`${problem}${detail ? `: ${detail}` : ''}`);
  }
}

export function isPdfHeader(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, HEADER_REACH);
  for (let i = 0; i + 5 <= head.length; i++) {
    if (head[i] === 0x25 && head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46 && head[i + 4] === 0x2d) return true;
  }
  return false;
}

export async function fetchPdf(url: string, signal?: AbortSignal): Promise<Uint8Array> {
  if (!/^https?:$/.test(new URL(url).protocol)) throw new PdfLoadError('not-web');
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'include', ...(signal ? { signal } : {}) });
  } catch (error) {
    // Without access to the site, the browser refuses the request as it refuses any cross-site
    // one: ask for access if that is what is missing (activeTab may have given it until now).
    const hasAccess = await hasSiteAccess(url);
    throw new PdfLoadError(hasAccess ? 'network' : 'needs-access', error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw new PdfLoadError('http', `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > MAX_PDF_BYTES) throw new PdfLoadError('too-large');
  // A server may not say its length: the body is refused as soon as it outgrows the limit.
  const reader = response.body?.getReader();
  const bytes = reader ? await readCapped(reader, MAX_PDF_BYTES) : new Uint8Array(await response.arrayBuffer());
  if (!bytes || bytes.length > MAX_PDF_BYTES) throw new PdfLoadError('too-large');
  if (!isPdfHeader(bytes)) throw new PdfLoadError('not-pdf');
  return bytes;
}
