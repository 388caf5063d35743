/** Reading a download whole within a size limit: the updates' background and the PDF viewer. */

/** A response body, structurally: enough of a stream reader for `readCapped`. */
export interface ChunkReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel(): Promise<void>;
}

/**
 * Reads a body whole, or stops (and cancels the rest) as soon as it outgrows `maxBytes`: then
 * null. `onChunk` runs before each read (a caller's idle timer).
 */
export async function readCapped(reader: ChunkReader, maxBytes: number, onChunk: () => void = () => {}): Promise<Uint8Array | null> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    onChunk();
    const { done, value } = await reader.read();
    if (done || !value) break;
    total += value.length;
    if (total > maxBytes) {
      void reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
