/**
 * Matching as a service: the background holds the one matcher and answers batches of page text
 * from content scripts with what was found in each. Only what a page needs crosses over: offsets
 * and variant numbers per match, and, once per variant in the answer, what that variant is.
 */
import type { ListId } from './list-model';
import type { Match, Matcher } from './matcher';

/**
 * A weak name written in brackets right after a name of the same organisation defines it there
 * ("Positive Technologies (PT)"): that name, as written; else undefined.
 */
function definedBy(matcher: Matcher, text: string, previous: Match | undefined, m: Match): string | undefined {
  if (!previous || text[m.end] !== ')' || !/^\s*\($/.test(text.slice(previous.end, m.start))) return undefined;
  const entries = new Set(previous.variants.map((v) => matcher.entryIndex(v)));
  return m.variants.some((v) => entries.has(matcher.entryIndex(v))) ? text.slice(previous.start, previous.end) : undefined;
}
import type { VariantKind } from './variants';

// Nouns for a kind of organisation that, written just before a short acronym, say which kind of
// thing the letters name here: "drone maker DJI", "the Israeli company NSO".
// The noun needs a word before it that says more than a determiner ("drone maker", "Israeli
// company"): a bare "company CST copy" is a form's field.
const DESCRIPTOR = /(?:^|[^\p{L}\p{N}])((?!(?:the|a|an|this|that|its|their|his|her|our|your)\s)[\p{L}][\p{L}-]*\s+(?:maker|makers|manufacturer|chipmaker|company|companies|firm|firms|supplier|contractor|developer|producer|vendor|conglomerate)(?:\s+and\s+[a-z][\p{Ll}-]*)?)[ \u00a0]+$/u;

/**
 * A weak acronym the text itself calls an organisation of some kind ("drone maker DJI"): that
 * phrase with the name, as written; else undefined. Only acronyms: an everyday word after
 * "company" ("the software company Era") still names many organisations.
 */
function describedBy(text: string, m: Match): string | undefined {
  const written = text.slice(m.start, m.end);
  if (!/^[\p{Lu}\p{N}]{2,5}$/u.test(written)) return undefined;
  const before = DESCRIPTOR.exec(text.slice(Math.max(0, m.start - 48), m.start));
  return before ? `${before[1]!} ${written}` : undefined;
}

/**
 * An acronym in brackets right after a name the matcher did not take for the same organisation,
 * whose initials it spells ("Aviation Industry Corporation of China (AVIC)"): the text says what
 * the letters stand for here, and it is not the listed organisation that shares them ("AVIC
 * International Holding Corporation"). A definition by one of the organisation's own names is
 * `definedBy`'s case.
 */
function definesAnother(text: string, previous: Match | undefined, m: Match): boolean {
  const written = text.slice(m.start, m.end);
  if (text[m.end] !== ')' || !/^[\p{Lu}\p{N}]{2,8}$/u.test(written)) return false;
  const before = /(\p{Lu}[\p{L}\p{N}'’-]*(?:[ \u00a0]+(?:of|and|for|the|de|[\p{Lu}\p{N}][\p{L}\p{N}'’-]*)){1,9})[ \u00a0]*\($/u.exec(text.slice(Math.max(0, m.start - 120), m.start));
  if (!before) return false;
  if (previous && previous.end >= m.start - before[0].length) return false; // a name the matcher knows: definedBy's case, or another listed one
  const words = before[1]!.split(/[ \u00a0]+/).filter((w) => !/^(?:of|and|for|the|de)$/.test(w));
  // The name may start after other capitalised words ("Chinese Aviation Industry Corporation …").
  return words.some((_, from) => words.length - from >= 2 && spellsInitials(written, words.slice(from)));
}

/** Do the letters of `acronym` start the words of `words` in order, a word giving one letter or more ("AVIC": AViation Industry Corporation)? */
function spellsInitials(acronym: string, words: readonly string[]): boolean {
  const letters = acronym.toLowerCase();
  const folded = words.map((w) => w.toLowerCase());
  const from = (li: number, wi: number): boolean => {
    if (li === letters.length) return true;
    if (wi >= folded.length) return false;
    const word = folded[wi]!;
    // This word gives the next k letters (k ≥ 1 as its start), then the rest come from later words.
    for (let k = 1; k <= word.length && li + k <= letters.length; k++) {
      if (word[k - 1] !== letters[li + k - 1]) break;
      if (from(li + k, wi + 1)) return true;
    }
    // A word the acronym skips ("Corporation of China" in "AVIC") only after its first letter is used.
    return li > 0 && from(li, wi + 1);
  };
  return from(0, 0);
}

/** One compiled name: the text it was compiled from, how it was made, and the entry it names. */
export interface VariantInfo {
  text: string;
  kind: VariantKind;
  entryId: string;
  list: ListId;
  /** Counts only with evidence on the same page (core/evidence). */
  weak: boolean;
}

export interface FoundNames {
  /**
   * For each text asked about, its matches in text order, each `[start, end, definition,
   * ...variants]`: UTF-16 offsets; the index in `definitions` of the long form a weak name is
   * defined by right there, or -1; then the variant that matched and every other variant with
   * the same name (one per entry, e.g. the same organisation on two lists).
   */
  matches: number[][][];
  /** Long forms that define weak names where they stand ("… Corporation (SMIC)"). */
  definitions: string[];
  /** Every variant named in `matches`. */
  variants: Record<number, VariantInfo>;
}

/** Limits on one request, so a page cannot make the background work on arbitrarily much at once. */
export const MAX_TEXTS_PER_REQUEST = 2_000;
export const MAX_CHARS_PER_REQUEST = 1 << 20;

export function findNames(matcher: Matcher, texts: readonly string[]): FoundNames {
  const variants: Record<number, VariantInfo> = {};
  const definitions: string[] = [];
  const matches = texts.map((text) => {
    let previous: Match | undefined;
    return matcher.findMatches(text).flatMap((m) => {
      if (definesAnother(text, previous, m)) {
        previous = m;
        return [];
      }
      for (const v of m.variants) {
        variants[v] ??= {
          text: matcher.variantText(v),
          kind: matcher.variantKind(v),
          entryId: matcher.entryId(v),
          list: matcher.entryList(v),
          weak: matcher.isWeak(v),
        };
      }
      const longForm = matcher.isWeak(m.variant) ? (definedBy(matcher, text, previous, m) ?? describedBy(text, m)) : undefined;
      previous = m;
      if (longForm !== undefined) definitions.push(longForm);
      return [[m.start, m.end, longForm === undefined ? -1 : definitions.length - 1, ...m.variants]];
    });
  });
  return { matches, variants, definitions };
}

/** Why a findNames request is refused, or null if it is well formed and within the limits. */
export function checkFindNamesRequest(texts: unknown): string | null {
  if (!Array.isArray(texts) || texts.length > MAX_TEXTS_PER_REQUEST) return `findNames takes an array of up to ${MAX_TEXTS_PER_REQUEST} texts`;
  let chars = 0;
  for (const text of texts) {
    if (typeof text !== 'string') return 'findNames takes texts (strings) only';
    chars += text.length;
  }
  return chars > MAX_CHARS_PER_REQUEST ? `findNames takes at most ${MAX_CHARS_PER_REQUEST} characters at once` : null;
}
