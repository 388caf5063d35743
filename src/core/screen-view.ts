/**
 * Which screened rows the result table shows, in which order: filtered by what they matched and
 * by a text the row's name or a match's names contain, sorted by a column. Pure, so the page
 * and the tests share it.
 */
import { LISTS } from './list-model';
import { normaliseName } from './normalise';
import type { ScreenedRow } from './screen-export';

export const SCREEN_FILTERS = ['all', 'matched', 'unmatched', 'countrySame', 'countryDifferent'] as const;
export type ScreenFilter = (typeof SCREEN_FILTERS)[number];
export const SCREEN_SORT_KEYS = ['row', 'name', 'country', 'score', 'list', 'agreement'] as const;
export type ScreenSortKey = (typeof SCREEN_SORT_KEYS)[number];

export interface ScreenView {
  filter: ScreenFilter;
  /** Shown only rows whose name, or a match's listed or matched name, holds this text (folded). */
  text: string;
  sort: ScreenSortKey;
  descending: boolean;
}

export const DEFAULT_SCREEN_VIEW: ScreenView = { filter: 'all', text: '', sort: 'score', descending: true };

const AGREEMENT_RANK = { same: 2, unknown: 1, different: 0 } as const;

function isShown(row: ScreenedRow, filter: ScreenFilter): boolean {
  const best = row.matches[0];
  switch (filter) {
    case 'all':
      return true;
    case 'matched':
      return best !== undefined;
    case 'unmatched':
      return best === undefined;
    case 'countrySame':
      return row.matches.some((m) => m.countryAgreement === 'same');
    case 'countryDifferent':
      return best !== undefined && row.matches.every((m) => m.countryAgreement === 'different');
  }
}

type Key = number | string;

function keyOf(row: ScreenedRow, sort: ScreenSortKey): Key {
  const best = row.matches[0];
  switch (sort) {
    case 'row':
      return row.row;
    case 'name':
      return row.name.toLocaleLowerCase();
    case 'country':
      return row.country.toLocaleLowerCase();
    case 'score':
      return best?.score ?? -1;
    case 'list':
      return best ? LISTS[best.list].name : '';
    case 'agreement':
      return best ? AGREEMENT_RANK[best.countryAgreement] : -1;
  }
}

/** The rows to show, in order; ties keep the file's order. */
export function viewScreenedRows(rows: readonly ScreenedRow[], view: ScreenView): ScreenedRow[] {
  const text = normaliseName(view.text);
  const contains = (value: string) => normaliseName(value).includes(text);
  const shown = rows.filter(
    (r) => isShown(r, view.filter) && (!text || contains(r.name) || r.matches.some((m) => contains(m.listedName) || contains(m.matchedName))),
  );
  const keyed = shown.map((row) => ({ row, key: keyOf(row, view.sort) }));
  const direction = view.descending ? -1 : 1;
  keyed.sort((a, b) => {
    const order = typeof a.key === 'number' && typeof b.key === 'number' ? a.key - b.key : String(a.key).localeCompare(String(b.key));
    return order * direction || a.row.row - b.row.row;
  });
  return keyed.map((k) => k.row);
}
