import { hash53 } from './hash';
import type { ListId } from './list-model';

const LIST_PREFIX: Record<ListId, string> = {
  'entity-list': 'el',
  'meu-list': 'meu',
  'unverified-list': 'uvl',
  'sdn-list': 'sdn',
  'denied-persons-list': 'dpl',
  'nonproliferation-sanctions': 'isn',
  'debarred-parties': 'dtc',
  'other-csl': 'csl',
};

/** Case, punctuation and spacing do not change an id: a corrected comma must not orphan a dismissal. */
function idKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Stable across snapshots: built from list, country and listed name only, so a new address or
 * citation keeps the id (and the user's dismissals and bookmarks keyed on it).
 */
export function entryId(list: ListId, country: string, name: string): string {
  return `${LIST_PREFIX[list]}-${hash53(`${idKey(country)}|${idKey(name)}`).toString(36).padStart(11, '0')}`;
}
