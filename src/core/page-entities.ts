/**
 * The page report's entities from a document's counted mentions: one per entry (the first entry a
 * name stands for), each text as written with its count and the distinct sentences it stood in,
 * most mentioned first.
 */
import type { ListId } from './list-model';
import type { PageEntity } from './protocol';

export interface ReportedMention {
  entryId: string;
  list: ListId;
  text: string;
  sentence: string;
}

export function pageEntities(mentions: Iterable<ReportedMention>): PageEntity[] {
  const byEntry = new Map<string, PageEntity>();
  const seen = new Map<PageEntity['mentions'][number], Set<string>>();
  for (const mention of mentions) {
    let entity = byEntry.get(mention.entryId);
    if (!entity) byEntry.set(mention.entryId, (entity = { entryId: mention.entryId, list: mention.list, mentions: [], count: 0 }));
    entity.count++;
    let written = entity.mentions.find((m) => m.text === mention.text);
    if (!written) {
      entity.mentions.push((written = { text: mention.text, count: 0, sentences: [] }));
      seen.set(written, new Set());
    }
    written.count++;
    const sentences = seen.get(written)!;
    if (!sentences.has(mention.sentence)) {
      sentences.add(mention.sentence);
      written.sentences.push(mention.sentence);
    }
  }
  return [...byEntry.values()].sort((a, b) => b.count - a.count);
}
