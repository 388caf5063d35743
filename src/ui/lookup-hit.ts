/**
 * One lookup result as the popup and the selection check show it: the listed name, its list and
 * country, and the name that matched with why.
 */
import { LISTS } from '../core/list-model';
import type { LookupHit, LookupReason } from '../core/lookup';
import { t } from '../platform/i18n';
import { element, kindLabel } from './card-view';

const REASON_MESSAGE: Record<LookupReason, () => string> = {
  exact: () => t('reasonExact'),
  normalised: () => t('reasonNormalised'),
  legalForm: () => t('reasonLegalForm'),
  wordOrder: () => t('reasonWordOrder'),
  transliteration: () => t('reasonTransliteration'),
  typo: () => t('reasonTypo'),
  partial: () => t('reasonPartial'),
};

/** Why a hit matched, in words: "a typo allowed for, words in another order". */
export function describeReasons(reasons: readonly LookupReason[]): string {
  return reasons.map((r) => REASON_MESSAGE[r]()).join(', ');
}

/** The hit's lines, to put in a list item or a button. */
export function renderLookupHit(doc: Document, hit: LookupHit): HTMLElement[] {
  const name = element(doc, 'span', 'name', hit.listedName);
  const meta = element(doc, 'span', 'meta', [LISTS[hit.list].name, hit.country, t('lookupScore', String(Math.round(hit.score * 100)))].filter(Boolean).join(' · '));
  const why = element(doc, 'span', 'why', t('lookupMatched', kindLabel(hit.matchedKind), hit.matchedName, describeReasons(hit.reasons)));
  return [name, meta, why];
}
