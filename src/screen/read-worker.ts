/**
 * The screen page's reader, in a worker: decoding and parsing a list of 10,000 rows takes the
 * better part of a second (an XLSX workbook more), which the page's thread would spend unable to
 * paint its progress or answer a click. The page sends a file's bytes (transferred, not copied)
 * or pasted text; the worker answers with the table, or the problem that names the row.
 */
import { parseDelimited, readTable, TableError, type Table, type TableProblem } from '../core/screen-table';

export type ReadRequest = { kind: 'file'; name: string; bytes: Uint8Array; encoding?: string } | { kind: 'text'; text: string };
export type ReadReply = { table: Table } | { problem: TableProblem } | { error: string };

export async function readRequest(request: ReadRequest): Promise<ReadReply> {
  try {
    return { table: request.kind === 'text' ? parseDelimited(request.text, 'text') : await readTable(request.name, request.bytes, request.encoding) };
  } catch (error) {
    return error instanceof TableError ? { problem: error.problem } : { error: String(error) };
  }
}

const scope = globalThis as unknown as { addEventListener(type: 'message', listener: (event: { data: ReadRequest }) => void): void; postMessage(reply: ReadReply): void; document?: unknown };
// Only in a worker: the page imports this module's types and, in DOM tests, readRequest.
if (scope.document === undefined) scope.addEventListener('message', (event) => void readRequest(event.data).then((reply) => scope.postMessage(reply)));
