/**
 * BIS's Affiliates rule (restrictions on a listed party extend to foreign organisations it owns
 * 50% or more) as the bundled list text states it, and what the card may say about it. The
 * status comes from the data's own text, never from what Listmark knows today: a newer text
 * carries its own rule and its own stays.
 */
import type { ListId } from './list-model';

/** A stay of the rule, read from an effective-date note of the text. */
export interface AffiliatesRuleStay {
  /** The Federal Register citation that stayed it, as the note prints it (`90 FR 50857`). */
  citation: string;
  url: string;
  /** The day that Federal Register document was published (ISO), or null when the note gives none. */
  published: string | null;
  /** The day the stay ends (ISO), or null when the note sets no end. */
  until: string | null;
  /** `part` when the note stays only some sentences or the introductory text of the paragraph. */
  scope: 'whole' | 'part';
  /** The note as the text prints it. */
  note: string;
}

export interface AffiliatesRule {
  /** The list whose entries the rule extends to affiliates. */
  list: ListId;
  /** Where the text states it, e.g. `§ 744.11(a)(1)`. */
  section: string;
  stay: AffiliatesRuleStay | null;
}

export type AffiliatesRuleStatement =
  | { kind: 'applies'; section: string; dataDate: string }
  | { kind: 'stayed' | 'partly-stayed'; section: string; dataDate: string; until: string | null; citation: string; citationUrl: string }
  /** The text still prints a stay whose end had passed by the text's own date. */
  | { kind: 'stay-ended'; section: string; dataDate: string; until: string; citation: string; citationUrl: string };

/**
 * What the card says about the rule for a listing, as of the date of the data's text (not
 * today: the reader's clock says nothing about the text Listmark holds).
 */
export function describeAffiliatesRule(rule: AffiliatesRule, dataDate: string): AffiliatesRuleStatement {
  const { section, stay } = rule;
  if (!stay) return { kind: 'applies', section, dataDate };
  const cited = { citation: stay.citation, citationUrl: stay.url };
  if (stay.until !== null && stay.until < dataDate) return { kind: 'stay-ended', section, dataDate, until: stay.until, ...cited };
  return { kind: stay.scope === 'part' ? 'partly-stayed' : 'stayed', section, dataDate, until: stay.until, ...cited };
}
