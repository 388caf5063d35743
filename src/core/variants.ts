/**
 * The names the matcher looks for, made from each entry and labelled by how they were made:
 * the listed name, its aliases, acronyms given in parentheses, and short forms derived the way
 * news writes them ("Hangzhou Hikvision Digital Technology Co., Ltd." → "Hikvision").
 * A variant that could flag someone else (an ordinary word, a first name, a place, a generic
 * phrase, a name another entry owns) is dropped, or matched only with its exact case.
 */
import type { Entry } from './list-model';
import type { Lexicon } from './lexicon';
import { splitTopLevel } from './entity-cell';
import { foldedWords, normaliseName, wordSpans, type WordSpan } from './normalise';

export const VARIANT_KINDS = ['listed', 'alias', 'acronym', 'derived', 'respelled'] as const;
export type VariantKind = (typeof VARIANT_KINDS)[number];

export interface Variant {
  text: string;
  entryIndex: number;
  kind: VariantKind;
  /** Match only with this exact capitalisation (acronyms, short names, names that are also words). */
  caseSensitive: boolean;
  /**
   * A name that means something else in everyday text (a word, a first name, a place, a short
   * acronym): it counts only with evidence on the same page (core/evidence).
   */
  weak?: boolean;
}

// Folded word sequences of legal forms, longest first when matched at the end of a name.
const LEGAL_FORMS = [
  'co ltd', 'co limited', 'company limited', 'company ltd', 'co inc', 'corp ltd', 'ltd co', 'pvt ltd', 'private limited',
  'pte ltd', 'pty ltd', 'sdn bhd', 'co kg', 'gmbh co kg', 'ltd sti', 'tic ltd sti', 'san ve tic ltd sti', 'fz llc', 'fz co',
  'joint stock company', 'open joint stock company', 'closed joint stock company', 'public joint stock company',
  'limited liability company', 'stock company', 'ltd', 'limited', 'inc', 'incorporated', 'llc', 'corp', 'corporation', 'co',
  'company', 'plc', 'llp', 'lp', 'sa', 's a', 'sal', 's a l', 'sl', 's l', 'gmbh', 'ag', 'jsc', 'ojsc', 'cjsc', 'pjsc', 'ooo', 'ao',
  'zao', 'oao', 'pao', 'nao', 'fze', 'fzco', 'fzc', 'fzllc', 'dmcc', 'bv', 'b v', 'nv', 'srl', 'spa', 'sarl', 'sas', 'ltda',
  'kft', 'zrt', 'nyrt', 'oy', 'ab', 'as', 'ad', 'ead', 'doo', 'sro', 'eood', 'ood', 'pte', 'pvt', 'pty', 'bhd', 'est', 'establishment',
  'youxian gongsi', 'gufen youxian gongsi', 'youxian zeren gongsi',
].map((f) => f.split(' ')).sort((a, b) => b.length - a.length);

const LEGAL_FORM_WORDS = new Set(LEGAL_FORMS.filter((f) => f.length === 1).map((f) => f[0]!));

// Generic words news drops from the end of a Chinese or Russian company name.
const GENERIC_TAIL = new Set(
  ('technology technologies tech science sciences development developments information digital group holding holdings ' +
    'industrial industry industries intelligent intelligence network networks electronic electronics equipment systems ' +
    'system international trading trade import export imp exp enterprise enterprises software communication communications ' +
    'telecommunication telecommunications research manufacturing products product services service solutions solution ' +
    'ai and of the co').split(' '),
);

// Nouns that say what kind of company a name is: after a word of its own, they make it a company's name.
const ORGANISATION_TYPES = new Set(
  ('technology technologies tech electronic electronics electronica elektronika systems system networks network solutions ' +
    'consulting consultancy group holding holdings international industries instruments instrument trading logistics ' +
    'aviation engineering manufacturing laboratories laboratory semiconductor semiconductors microelectronics shipyard ' +
    'helicopters airlines enterprises enterprise corporation company communications telecom software robotics ' +
    'dynamics resources materials chemicals marine motors').split(' '),
);

// Words that make a short all-ordinary phrase a description of some institution, not a name.
const INSTITUTION_WORDS = new Set(
  ('ministry department defense defence industry industries aviation academy bank institute university committee bureau ' +
    'office agency council army navy police government state national central federal security general research science ' +
    'technology technologies company corporation group center centre service services trading electronics engineering').split(' '),
);

const STOP_WORDS = new Set(['of', 'and', 'the', 'for', 'in', 'on', 'de', 'a']);

const SEATS_OF_LEARNING = new Set(['university', 'polytechnic', 'college']);

// Words a short form cannot start with (it would be the tail of a longer name).
const FUNCTION_WORDS = new Set([...STOP_WORDS, 'an', 'as', 'at', 'by', 'to', 'with', 'or']);

// Legal forms written before a name (Russian usage), longest first.
const LEADING_LEGAL_FORMS = [
  'federal state unitary enterprise', 'federal state budgetary institution', 'federal state institution',
  'federal state autonomous institution', 'public joint stock company', 'open joint stock company',
  'closed joint stock company', 'joint stock company', 'limited liability company',
  'obshchestvo s ogranichennoi otvetstvennostyu', 'aktsionernoe obshchestvo', 'jsc', 'pjsc', 'ojsc', 'cjsc', 'ao', 'oao',
  'pao', 'zao', 'ooo', 'llc', 'fsue',
].map((f) => f.split(' ')).sort((a, b) => b.length - a.length);

/** Every word of a legal form, leading or trailing: what a lookup ignores wherever it is typed. */
export const LEGAL_FORM_VOCABULARY: ReadonlySet<string> = new Set([...LEGAL_FORMS, ...LEADING_LEGAL_FORMS].flat());

// Leading words that qualify a name without identifying it; dropped only together with what follows.
const LEADING_QUALIFIER = new Set(['the', 'concern']);

function isAcronymLike(text: string): boolean {
  return /^[\p{Lu}\p{N}][\p{Lu}\p{N}&\-. ]*[\p{Lu}\p{N}]$/u.test(text) && /\p{Lu}/u.test(text) && !/\s{2}/.test(text);
}

/** Acronyms given in parentheses (`(SMIC)`, `(CETC 13)`) and the name without them. */
function splitAcronyms(name: string): { base: string; acronyms: string[] } {
  const acronyms: string[] = [];
  const base = name.replace(/\s*\(([^()]{2,20})\)/g, (whole, inner: string, offset: number) => {
    const trimmed = inner.trim();
    // Only an acronym that closes the name stands for all of it: in "Xinjiang Uyghur Autonomous
    // Region (XUAR) People's Government …" the acronym names the region, which is not listed.
    const rest = name.slice(offset + whole.length);
    const closesName = rest.trim() === '' || isOnlyLegalForm(rest);
    // A legal form in brackets ("(CJSC)") or a country's ("(UAE)") is dropped, not taken for the name's acronym.
    if (closesName && (isOnlyLegalForm(trimmed) || isCountryAbbreviation(trimmed))) return '';
    if (closesName && isAcronymLike(trimmed) && trimmed.replace(/[^\p{L}]/gu, '').length >= 2) {
      acronyms.push(trimmed);
      return '';
    }
    return whole; // a qualifier such as "(Hong Kong)" stays: it distinguishes a listed subsidiary
  });
  return { base: base.replace(/\s+/g, ' ').trim(), acronyms };
}

/**
 * A name that ends in its own spelled-out form in parentheses, "Rostec (Russian Technologies State
 * Corporation)", gives both: each is how the organisation is written. Not a place qualifier
 * ("(Hong Kong)" distinguishes a listed subsidiary), not a note ("(See alternate address …)").
 */
function splitExpansion(name: string, lexicon: Lexicon): [string, string] | null {
  const parts = /^(.+?)\s*\(([^()]+)\)$/.exec(name);
  if (!parts) return null;
  const [, outside, inside] = parts as unknown as [string, string, string];
  const words = inside.trim().split(/\s+/);
  if (words.length < 2 || !words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || STOP_WORDS.has(w))) return null;
  if (lexicon.isPlaceName(foldedWords(inside).join(' ')) || /:/.test(inside)) return null;
  return [outside.trim(), inside.trim()];
}

/**
 * Country abbreviations names are qualified with: the initials of a country's English name
 * (UAE, UK, USA) or of the official long forms the lists use (PRC, DPRK, ROK, RF, KSA).
 */
const COUNTRY_ABBREVIATIONS: ReadonlySet<string> = (() => {
  const out = new Set(['USA', 'US', 'UK', 'PRC', 'DPRK', 'ROK', 'ROC', 'RF', 'KSA', 'HK', 'HKSAR']);
  const regions = new Intl.DisplayNames(['en'], { type: 'region' });
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      let name: string | undefined;
      try {
        name = regions.of(String.fromCharCode(a, b));
      } catch {
        continue; // not a region code
      }
      const words = (name ?? '').split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
      // Two-letter initials ("AS", "PT") are too often something else.
      if (words.length >= 3) out.add(words.map((w) => w[0]).join(''));
    }
  }
  return out;
})();

function isCountryAbbreviation(text: string): boolean {
  return COUNTRY_ABBREVIATIONS.has(text.replace(/[.\s]/g, ''));
}

function isOnlyLegalForm(text: string): boolean {
  const words = foldedWords(text);
  return words.length > 0 && stripLegalForms(['x', ...words]).length === 1;
}

/** The name as written without the legal forms at its end ("Dahua Technology Co., Ltd." → "Dahua Technology"). */
function stripLegalFormsWritten(name: string): string {
  const spans = wordSpans(name);
  const kept = stripLegalForms(spans.map((s) => s.word)).length;
  return kept === spans.length ? name : name.slice(0, closingEnd(name, 0, spans[kept - 1]!.end));
}

/** `end`, moved past the brackets a cut of `name` from `start` leaves open ("… (Australia" → "… (Australia)"). */
function closingEnd(name: string, start: number, end: number): number {
  let open = 0;
  for (let i = start; i < end; i++) {
    if (name[i] === '(') open++;
    else if (name[i] === ')' && open > 0) open--;
  }
  let e = end;
  while (open > 0 && name[e] === ')') {
    open--;
    e++;
  }
  return e;
}

/** The name with its brackets balanced: a stray closing one at the end dropped ("JSC AOMZ)"), or null if one is left open. */
function balanced(text: string): string | null {
  let open = 0;
  let out = '';
  for (const ch of text) {
    if (ch === '(') open++;
    else if (ch === ')') {
      if (open === 0) continue;
      open--;
    }
    out += ch;
  }
  return open === 0 ? out.trim() : null;
}

function endsWith(words: string[], suffix: string[]): boolean {
  if (suffix.length > words.length) return false;
  return suffix.every((w, i) => words[words.length - suffix.length + i] === w);
}

/** Folded words of the name without the one legal form at its end, or as they were. */
function stripOneLegalForm(words: string[]): string[] {
  const form = words.length > 1 ? LEGAL_FORMS.find((f) => words.length > f.length && endsWith(words, f)) : undefined;
  return form ? words.slice(0, words.length - form.length) : words;
}

/** Folded words of the name with legal forms removed from its end (repeatedly: "Co., Ltd."). */
function stripLegalForms(words: string[]): string[] {
  let out = words;
  for (let changed = true; changed && out.length > 1; ) {
    changed = false;
    for (const form of LEGAL_FORMS) {
      if (out.length > form.length && endsWith(out, form)) {
        out = out.slice(0, out.length - form.length);
        changed = true;
        break;
      }
    }
  }
  return out;
}

export class VariantPolicy {
  constructor(private readonly lexicon: Lexicon) {}

  isCommonWord(word: string): boolean {
    return this.lexicon.isEnglishWord(word) || GENERIC_TAIL.has(word);
  }

  /** Does any word list know the word (an everyday or rare word, a name, a place)? */
  isKnownWord(word: string): boolean {
    const lexicon = this.lexicon;
    return this.isEverydayWord(word) || lexicon.isRareWord(word) || lexicon.isGivenName(word) || lexicon.isSurname(word) || lexicon.isPlaceName(word);
  }

  /** A word that on its own points at one organisation rather than at a thing, a person or a place. */
  isDistinctiveWord(word: string): boolean {
    return (
      word.length >= 3 &&
      !/^\d+$/.test(word) &&
      !this.isCommonWord(word) &&
      !this.lexicon.isGivenName(word) &&
      !this.lexicon.isPlaceName(word)
    );
  }

  /** A short form of one word stands for an organisation only if no reader would take it for anything else. */
  isDistinctiveSingleWord(word: string): boolean {
    return this.isDistinctiveWord(word) && word.length >= 4 && !this.lexicon.isRareWord(word) && !this.lexicon.isSurname(word);
  }

  /** Should a name as listed (or an alias) be matched at all, and with what case rule? */
  judgeListedName(text: string): { match: boolean; caseSensitive: boolean } {
    const words = foldedWords(text);
    if (words.length === 0) return { match: false, caseSensitive: false };
    // Addresses listed as entities ("Address 01", then the street in the address column): the
    // label names nothing a text would mention.
    if (/^address \d+$/.test(words.join(' '))) return { match: false, caseSensitive: true };
    const letters = words.join('').length;
    if (words.length === 1) {
      const w = words[0]!;
      if (letters < 2) return { match: false, caseSensitive: false };
      if (this.lexicon.isGivenName(w) || this.lexicon.isPlaceName(w)) return { match: false, caseSensitive: true };
      const ordinary = this.isCommonWord(w) || this.lexicon.isRareWord(w) || this.lexicon.isSurname(w);
      return { match: true, caseSensitive: letters <= 4 || ordinary };
    }
    const joined = words.join(' ');
    if (this.lexicon.isPlaceName(joined)) return { match: false, caseSensitive: true };
    // Several words, all of them ordinary: a short generic phrase ("Aviation Industry", "Ministry
    // of Defense") is never matched; others ("Sense Time", "Positive Technologies") only as written.
    const allCommon = words.every((w) => this.isCommonWord(w) || this.lexicon.isPlaceName(w) || /^\d+$/.test(w));
    const contentWords = words.filter((w) => !STOP_WORDS.has(w)).length;
    // A place and a seat of learning ("Tianjin University") name one institution, unlike
    // "Ministry of Defence" or "Aviation Industry": matched, with its capitals.
    const namedForPlace = words.some((w) => this.lexicon.isPlaceName(w)) && words.some((w) => SEATS_OF_LEARNING.has(w));
    const generic = !namedForPlace && words.every((w) => STOP_WORDS.has(w) || INSTITUTION_WORDS.has(w) || this.lexicon.isPlaceName(w));
    if (allCommon && contentWords < 3 && generic) return { match: false, caseSensitive: true };
    return { match: true, caseSensitive: allCommon || letters <= 4 };
  }

  /**
   * Is the name, as written, something everyday text uses for other things? One word that is an
   * everyday word of a major language, a first name, a surname, a place, or a proper noun or
   * abbreviation English readers know (Prius, PST); an acronym of three characters or fewer (too
   * many things share them: LTE, PCL); two words that are each everyday words, nationalities or
   * personal names ("Sense Time", "Russian Helicopters", "Steve Wynn"), but for a word with a
   * legal form ("Tako LLC") and, unless the entry is a person, a surname with an everyday English
   * word ("Lerma Trading").
   */
  isWeakName(text: string, { person = false } = {}): boolean {
    // A possessive's "s" is no word of its own ("People's Republic" is two words).
    const spans = wordSpans(text).filter((s, i, all) => !(s.word === 's' && i > 0 && /['’]/.test(text.slice(all[i - 1]!.end, s.start))));
    const lexicon = this.lexicon;
    const isPersonal = (w: string) => lexicon.isGivenName(w) || lexicon.isSurname(w);
    const isEveryday = (w: string) => this.isEverydayWord(w);
    if (spans.length === 1) {
      const word = spans[0]!.word;
      const written = text.slice(spans[0]!.start, spans[0]!.end);
      // Even where the list names the organisation by these letters alone: "DJI" is also the Dow
      // Jones Industrial Average's ticker on finance pages.
      if (isAcronymLike(written) && word.length <= 3) return true;
      // Two everyday words run together, in one case ("Supercomputing"); "SenseTime" keeps its capital.
      const compound = !/\p{Ll}\p{Lu}/u.test(written) && [...Array(Math.max(0, word.length - 9)).keys()].some((i) => isEveryday(word.slice(0, i + 5)) && isEveryday(word.slice(i + 5)));
      return (
        compound ||
        isEveryday(word) ||
        lexicon.isRareWord(word) ||
        isPersonal(word) ||
        lexicon.isPlaceName(word) ||
        lexicon.isCountryWord(word) ||
        lexicon.isKnownAsOther(written)
      );
    }
    if (spans.length === 2) {
      const words = spans.map((s) => s.word);
      if (this.isCompanyOfWord(words)) return false;
      // A word and the legal form that makes it a company's name ("Tako LLC"), unless the word
      // is a person's or a place's (an "Ivanov LLC" or a "Moscow LLC" could be anyone's).
      const [first, second] = words as [string, string];
      if (!person && LEGAL_FORM_WORDS.has(second) && second.length <= 5 && !isPersonal(first) && !lexicon.isPlaceName(first) && !lexicon.isCountryWord(first)) return false;
      // A surname and an everyday word ("Moore Threads") read as one name, not as a phrase nor a person.
      const isNameOnly = (w: string) => lexicon.isSurname(w) && !lexicon.isGivenName(w) && !isEveryday(w) && !lexicon.isPlaceName(w);
      const isWordOnly = (w: string) => lexicon.isEnglishWord(w) && !isPersonal(w) && !lexicon.isCountryWord(w) && !lexicon.isPlaceName(w);
      if (!person && ((isNameOnly(first) && isWordOnly(second)) || (isWordOnly(first) && isNameOnly(second)))) return false;
      return spans.every(({ word }) => isEveryday(word) || lexicon.isCountryWord(word) || isPersonal(word));
    }
    return spans.length === 0;
  }

  /**
   * Do these folded words, a shortened name, still point at one organisation? Without a
   * distinctive word, only three content words or more that are not all generic ("Kazan
   * Helicopter Plant", "Tactical Missiles Corporation") do. Where a place or a parent was
   * dropped, the rest may name another organisation elsewhere ("Atomic Energy Commission" of
   * "Pakistan Atomic Energy Commission", "Institute of Physics"): that needs a distinctive word.
   */
  namesOneOrganisation(words: readonly string[], placeDropped = false): boolean {
    const content = words.filter((w) => !STOP_WORDS.has(w));
    const generic = content.every((w) => INSTITUTION_WORDS.has(w) || GENERIC_TAIL.has(w) || this.lexicon.isPlaceName(w));
    if (!words.some((w) => this.isDistinctiveWord(w)) && (placeDropped || content.length < 3 || generic)) return false;
    return !this.lexicon.isPlaceName(words.join(' '));
  }

  /**
   * An everyday word and the kind of company it is ("Positive Technologies", "Toga Networks",
   * "Rainbow Solutions") name a company, not a thing; unless the first word is a person, a place,
   * a nationality or itself generic ("General Electronic", "Russian Helicopters").
   */
  isCompanyOfWord(words: readonly string[]): boolean {
    if (words.length !== 2) return false;
    const [first, second] = words as [string, string];
    const lexicon = this.lexicon;
    return (
      ORGANISATION_TYPES.has(second) &&
      !lexicon.isGivenName(first) &&
      !lexicon.isSurname(first) &&
      !lexicon.isCountryWord(first) &&
      !lexicon.isPlaceName(first) &&
      !INSTITUTION_WORDS.has(first) &&
      !GENERIC_TAIL.has(first) &&
      !ORGANISATION_TYPES.has(first) &&
      !STOP_WORDS.has(first)
    );
  }

  /** An everyday word of a major language, plurals the word lists leave to affix rules included ("Trojans"). */
  isEverydayWord(word: string): boolean {
    return this.lexicon.isEverydayWord(word) || (word.endsWith('s') && this.lexicon.isEverydayWord(word.slice(0, -1)));
  }

  /**
   * Is every word of the name an everyday word, but for acronyms written in capitals? Then only
   * its capitals tell it from ordinary text ("micro electronics", "foreign intelligence service SVR").
   */
  isAllEveryday(text: string): boolean {
    const spans = wordSpans(text);
    // In a name written all in capitals ("I JET GLOBAL DMCC") capitals single out no acronym.
    const allCapitals = !/\p{Ll}/u.test(text);
    const isAcronym = (s: WordSpan) => !allCapitals && s.word.length <= 6 && /^[\p{Lu}\p{N}]+$/u.test(text.slice(s.start, s.end));
    const everyday = (s: WordSpan) => this.isEverydayWord(s.word) || STOP_WORDS.has(s.word);
    return spans.some(everyday) && spans.every((s) => everyday(s) || isAcronym(s));
  }

  /** Short forms news uses for the name; each must still point at one organisation. */
  deriveShortForms(name: string): string[] {
    const spans = wordSpans(name);
    const words = spans.map((s) => s.word);
    const out = new Set<string>();
    const accept = (from: number, to: number, placeDropped = false) => {
      if (to - from < 1) return;
      const slice = words.slice(from, to);
      if (slice.length === words.length) return; // not shorter than the name
      if (!this.namesOneOrganisation(slice, placeDropped)) return;
      // A short form never ends in a function word ("Academy of") nor starts with one ("of Myanmar
      // Economic Holdings" from "Union of …"), nor in the middle of a word ("an Teyitong" from "Nan'an").
      if (slice.length > 1 && ['and', 'of', 'the'].includes(slice[slice.length - 1]!)) return;
      if (FUNCTION_WORDS.has(slice[0]!) || /[\p{L}\p{N}'’]/u.test(name[spans[from]!.start - 1] ?? ' ')) return;
      if (slice.length === 1 && !this.isDistinctiveSingleWord(slice[0]!)) return;
      out.add(name.slice(spans[from]!.start, closingEnd(name, spans[from]!.start, spans[to - 1]!.end)).replace(/\s+/g, ' '));
    };
    let end = stripLegalForms(words).length;
    // Each legal form off the end in turn: "Tactical Missiles Corporation" of "… Corporation JSC".
    for (let stage = stripOneLegalForm(words); stage.length > end; stage = stripOneLegalForm(stage)) accept(0, stage.length);
    accept(0, end);
    let start = 0;
    // Russian legal forms written first ("Joint Stock Company Ratep", "PJSC Mikron"): news drops them.
    for (const form of LEADING_LEGAL_FORMS) {
      if (form.length < end && form.every((w, i) => words[i] === w)) {
        start = form.length;
        accept(start, end);
        break;
      }
    }
    const afterLegalForm = start;
    // Only a dropped place leaves a name another organisation may share: "The Test Flying Academy
    // of South Africa" without "The" is still the one academy.
    let placeDropped = false;
    while (start < end - 1 && (LEADING_QUALIFIER.has(words[start]!) || this.lexicon.isPlaceName(words[start]!))) {
      placeDropped ||= !LEADING_QUALIFIER.has(words[start]!);
      start++;
      // Without its "The", an everyday phrase ("The Fair Price Shop") is a kind of thing again:
      // only a longer name, or one with a word of its own, stays a name.
      const longEnough = words.slice(start, end).filter((w) => !STOP_WORDS.has(w)).length >= 4;
      accept(start, end, placeDropped || !longEnough);
    }
    // Two-word places ("Inner Mongolia", "Hong Kong") at the front.
    if (start === 0 && end > 2 && this.lexicon.isPlaceName(`${words[0]} ${words[1]}`)) {
      start = 2;
      accept(start, end, true);
    }
    while (end - start > 1 && GENERIC_TAIL.has(words[end - 1]!)) {
      end--;
      accept(start, end, start > afterLegalForm);
      // The place kept ("Zhejiang Dahua" for "Zhejiang Dahua Technology Co., Ltd.").
      if (start > afterLegalForm) accept(afterLegalForm, end);
    }
    return [...out];
  }
}

// Generic words news writes in the other number than the list ("Yitu Technology" for "Yitu Technologies").
const NUMBER_PAIRS: [string, string][] = [
  ['technology', 'technologies'], ['system', 'systems'], ['electronic', 'electronics'], ['industry', 'industries'],
  ['holding', 'holdings'], ['product', 'products'], ['service', 'services'], ['solution', 'solutions'],
  ['network', 'networks'], ['communication', 'communications'], ['science', 'sciences'], ['missile', 'missiles'],
  ['laboratory', 'laboratories'], ['instrument', 'instruments'], ['material', 'materials'],
  // Not a number but as news writes it: "National Supercomputer Center" for "… Supercomputing Center".
  ['supercomputing', 'supercomputer'],
];
// British and American spellings of words in institutions' names.
const SPELLING_PAIRS: [string, string][] = [
  ['defence', 'defense'], ['centre', 'center'], ['organisation', 'organization'], ['programme', 'program'],
  ['armoured', 'armored'], ['aluminium', 'aluminum'], ['modernisation', 'modernization'], ['licence', 'license'],
  // Romanisations of one name, as news writes them.
  ['uyghur', 'uighur'],
  // Not a spelling but as news writes it: "Semiconductor Manufacturing Intl Corp".
  ['international', 'intl'],
];

/** The English ordinal suffix of a number: 1st, 2nd, 3rd, 11th, 558th. */
function ordinalSuffix(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

/** Folded-word pairs → one lookup each way. */
function pairMap(pairs: [string, string][]): Map<string, string> {
  return new Map(pairs.flatMap(([a, b]) => [[a, b], [b, a]] as [string, string][]));
}
const OTHER_NUMBER = pairMap(NUMBER_PAIRS);
const OTHER_SPELLING = pairMap(SPELLING_PAIRS);

// Adjectives of the countries the lists name institutions "of": "Ministry of Defence of the
// Russian Federation" is "the Russian Ministry of Defence" in news.
const COUNTRY_ADJECTIVES: Record<string, [adjective: string, shortName: string]> = {
  'russian federation': ['Russian', 'Russia'], russia: ['Russian', 'Russia'], belarus: ['Belarusian', 'Belarus'],
  'republic of belarus': ['Belarusian', 'Belarus'], iran: ['Iranian', 'Iran'], 'islamic republic of iran': ['Iranian', 'Iran'],
  china: ['Chinese', 'China'], "people's republic of china": ['Chinese', 'China'], 'peoples republic of china': ['Chinese', 'China'],
  pakistan: ['Pakistani', 'Pakistan'], burma: ['Burmese', 'Burma'], myanmar: ['Burmese', 'Myanmar'], syria: ['Syrian', 'Syria'],
  venezuela: ['Venezuelan', 'Venezuela'], cuba: ['Cuban', 'Cuba'], 'north korea': ['North Korean', 'North Korea'],
};

/**
 * The initials of a name of three to six content words, legal forms and a leading "the" left
 * out: "China Communications Construction Company Ltd." → "CCCC". Only capitalised words count;
 * a name with any other word (an all-lower-case word that is not a function word) has none.
 */
export function initialism(name: string): string | null {
  const written = name.split(/[\s,]+/).filter(Boolean);
  const folded = written.map((w) => foldedWords(w).join(''));
  // Abbreviated legal forms at the end are no part of the initials; "Company" or "Corporation"
  // spelled out is ("United Aircraft Corporation" is UAC).
  let words = folded.length;
  while (words > 0 && (folded[words - 1] === '' || folded[words - 1] === 'limited' || (folded[words - 1]!.length <= 5 && LEGAL_FORM_WORDS.has(folded[words - 1]!)))) words--;
  const kept = written.slice(0, words).filter((_, i) => !STOP_WORDS.has(folded[i]!) && folded[i] !== '');
  words = kept.length;
  if (words < 3 || words > 6 || !kept.every((w) => /^\p{Lu}/u.test(w))) return null;
  return kept.map((w) => w[0]!.toUpperCase()).join('');
}

/**
 * The name as news also writes it: the other number of a generic word, the other side of the
 * Atlantic's spelling, a country adjective in front ("Russian Ministry of Defence"). Each word as
 * written keeps its capital.
 */
export function respellings(name: string): string[] {
  const out = new Set<string>();
  const swapWords = (text: string, table: Map<string, string>) =>
    text.replace(/[\p{L}]+/gu, (word) => {
      const other = table.get(word.toLowerCase());
      if (!other) return word;
      return word[0] === word[0]!.toUpperCase() ? other[0]!.toUpperCase() + other.slice(1) : other;
    });
  const spelled = swapWords(name, OTHER_SPELLING);
  // "Science & Technology" for "Science and Technology", and the reverse; "VA Trapeznikov" for
  // "V.A. Trapeznikov".
  const ampersand = / & /.test(name) ? name.replace(/ & /g, ' and ') : name.replace(/(?<=\p{Lu}[\p{L}-]*) and (?=\p{Lu})/gu, ' & ');
  if (ampersand !== name) out.add(ampersand);
  // "558th Aircraft Repair Plant" for "558 Aircraft Repair Plant".
  const ordinal = name.replace(/^(\d+) (?=\p{Lu})/u, (_m, n: string) => `${n}${ordinalSuffix(Number(n))} `);
  if (ordinal !== name) out.add(ordinal);
  const initials = name.replace(/\b(\p{Lu})\.\s?(\p{Lu})\.\s?(?:(\p{Lu})\.\s?)?(?=\p{Lu}\p{Ll})/gu, (_m, a: string, b: string, c: string | undefined) => `${a}${b}${c ?? ''} `);
  if (initials !== name) out.add(initials);
  for (const form of new Set([name, spelled])) {
    if (form !== name) out.add(form);
    const numbered = swapWords(form, OTHER_NUMBER);
    if (numbered !== name) out.add(numbered);
  }
  for (const form of [name, spelled]) {
    // The last "of" names the country: "Ministry of Defence | of the Russian Federation".
    const ofCountry = /^(.+)\s+of\s+(?:the\s+)?([^()]+?)\s*$/u.exec(form) ?? /^(.+?)\s*\(([^()]+)\)\s*$/u.exec(form);
    const country = ofCountry ? COUNTRY_ADJECTIVES[ofCountry[2]!.toLowerCase().replace(/\s+/g, ' ').replace(/[’']/g, "'")] : undefined;
    if (!ofCountry || !country) continue;
    const [adjective, shortName] = country;
    const head = ofCountry[1]!;
    out.add(`${adjective} ${head}`);
    out.add(`${shortName}’s ${head}`);
    // "Ministry of Defence" → "Defence Ministry": "the Russian Defence Ministry", "Russia's Defence Ministry".
    const ministry = /^Ministry of (\p{Lu}[\p{L}-]*(?: and \p{Lu}[\p{L}-]*)?)$/u.exec(head);
    if (ministry) {
      out.add(`${adjective} ${ministry[1]} Ministry`);
      out.add(`${shortName}’s ${ministry[1]} Ministry`);
    }
  }
  out.delete(name);
  return [...out];
}

// Words of company names long enough that one wrong letter still leaves them recognisable.
const TYPO_TARGETS = [...new Set([...GENERIC_TAIL, ...ORGANISATION_TYPES, ...INSTITUTION_WORDS])].filter((w) => w.length >= 7);

/** Is `a` one letter dropped, added, changed or two swapped from `b`? */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  return a.length < b.length ? a.slice(i) === b.slice(i + 1) : a.slice(i + 1) === b.slice(i);
}

/**
 * The name with the list's own typos in generic words mended, as news writes it: "Suma Techology
 * Co., Ltd." is "Suma Technology Co." A word counts as a typo only if no word list knows it.
 */
export function mendedTypos(name: string, policy: VariantPolicy): string | null {
  let mended = false;
  const out = name.replace(/\p{L}+/gu, (written) => {
    const word = written.toLowerCase();
    if (word.length < 6 || policy.isKnownWord(word)) return written;
    const target = TYPO_TARGETS.find((t) => oneEditApart(word, t));
    if (!target) return written;
    mended = true;
    return written[0] === written[0]!.toUpperCase() ? target[0]!.toUpperCase() + target.slice(1) : target;
  });
  return mended ? out : null;
}

const GOVERNMENT_BODY = /^(?:Ministry|Department|Office|Bureau|Directorate|Committee|Agency|Armed Forces|General Staff|Army|Navy|Air Force|Police)\b/;

/**
 * A government body listed without its country ("Ministry of Home Affairs" of Burma) as news
 * writes it with the country's adjective or name in front ("Burmese Ministry of Home Affairs",
 * "Russia’s Defence Ministry").
 */
export function withCountry(name: string, country: string, lexicon: Lexicon): string[] {
  if (!GOVERNMENT_BODY.test(name) || foldedWords(name).some((w) => lexicon.isCountryWord(w))) return [];
  const key = country.split(',')[0]!.trim().toLowerCase();
  if (!COUNTRY_ADJECTIVES[key]) return [];
  const [adjective, shortName] = COUNTRY_ADJECTIVES[key];
  return respellings(`${name} of ${key}`).filter((form) => form.startsWith(`${adjective} `) || form.startsWith(`${shortName}’s `));
}

const ORGANISATION_HINT =
  /\b(?:co|company|corp|corporation|ltd|limited|inc|llc|group|institute|university|academy|bureau|center|centre|factory|plant|bank|trading|industries|industry|technology|technologies|systems|electronics|engineering|enterprise|services|international|jsc|ooo|ao|pjsc|gmbh|fze|fzco|fzc|llp|s\.?a|ministry|department|agency|laboratory|lab|research|works|holding|holdings|aviation|airlines|shipping|logistics|petroleum|energy|network|networks)\b/i;

/** Two to five capitalised words and nothing that names an organisation: probably an individual. */
function looksLikePerson(name: string): boolean {
  const words = name.split(/\s+/).filter(Boolean);
  return words.length >= 2 && words.length <= 5 && !/\d/.test(name) && !ORGANISATION_HINT.test(name) && words.every((w) => /^[\p{Lu}(]/u.test(w) || /^(?:al|bin|ibn|el|de|van|von|ur)$/i.test(w));
}

const KIND_RANK: Record<VariantKind, number> = { listed: 0, alias: 1, acronym: 2, derived: 3, respelled: 4 };

/** The parts of a name at its top-level commas, a legal form kept with the part before it. */
function commaParts(name: string): string[] {
  const out: string[] = [];
  for (const part of splitTopLevel(name, ',').map((p) => p.trim()).filter(Boolean)) {
    if (out.length > 0 && isOnlyLegalForm(part)) out[out.length - 1] += `, ${part}`;
    else out.push(part);
  }
  return out;
}

/** How a parent organisation compares: folded words without "the" or acronyms in brackets. */
function parentKey(text: string): string {
  return foldedWords(splitAcronyms(text).base).filter((w) => w !== 'the').join(' ');
}

/**
 * Organisations the lists qualify other listings by ("Tactical Missile Corporation, JSC Avangard",
 * "Keldysh Institute … of the Russian Academy of Sciences"): a comma-separated part of two words or
 * more that several entries' names share, or that is another entry's name.
 */
function findParents(entries: readonly Entry[]): Set<string> {
  const seenIn = new Map<string, Set<number>>();
  const names = new Set<string>();
  entries.forEach((entry, index) => {
    for (const name of [entry.name, ...entry.aliases]) {
      names.add(parentKey(name));
      const parts = commaParts(name);
      if (parts.length < 2) continue;
      for (const part of parts) {
        const key = parentKey(part);
        if (key.split(' ').length < 2) continue;
        const entriesWith = seenIn.get(key) ?? new Set<number>();
        entriesWith.add(index);
        seenIn.set(key, entriesWith);
      }
    }
  });
  return new Set([...seenIn].filter(([key, entriesWith]) => entriesWith.size >= 2 || names.has(key)).map(([key]) => key));
}

/**
 * The name without the parent it is listed under: a comma part, an "of (the) …" tail or a
 * leading part that is a parent organisation. Null when no parent is named.
 */
function withoutParent(name: string, parents: ReadonlySet<string>): string | null {
  const parts = commaParts(name);
  if (parts.length >= 2) {
    const own = parts.filter((p) => !parents.has(parentKey(p)));
    if (own.length > 0 && own.length < parts.length) return own.join(', ');
  }
  const spans = wordSpans(name);
  const words = spans.map((s) => s.word);
  for (let i = 1; i < words.length - 1; i++) {
    const tail = words.slice(i).filter((w) => w !== 'the').join(' ');
    if (!parents.has(tail)) continue;
    // "… of the Russian Academy of Sciences", "…, Siberian Branch of Russian Academy of Sciences"
    let cut = i;
    while (cut > 1 && ['of', 'the'].includes(words[cut - 1]!)) cut--;
    if (cut < i || /,\s*$/.test(name.slice(spans[i - 1]!.end, spans[i]!.start))) return name.slice(0, spans[cut - 1]!.end).replace(/[,\s]+$/, '');
  }
  for (let i = words.length - 2; i >= 2; i--) {
    if (!parents.has(words.slice(0, i).filter((w) => w !== 'the').join(' '))) continue;
    // "Chinese Academy of Sciences Institute of …", "Chinese Academy of Sciences' Shanghai Institute …"
    const rest = name.slice(spans[i]!.start);
    return /^\p{Lu}/u.test(rest) ? rest : null;
  }
  return null;
}

/** A place as written, "Hong Kong" also run together as some lists write it ("Hongkong"). */
function isPlace(text: string, lexicon: Lexicon): boolean {
  const folded = foldedWords(text).join(' ');
  return lexicon.isPlaceName(folded) || folded === 'hongkong';
}

/** "Machine Building Company Vityaz" is "Vityaz Machine Building Company" in news: the name first. */
function nameFirst(shortForm: string, policy: VariantPolicy): string | null {
  const spans = wordSpans(shortForm);
  if (spans.length < 3) return null;
  const last = spans[spans.length - 1]!;
  const descriptor = spans.slice(0, -1);
  if (!policy.isDistinctiveSingleWord(last.word) || !descriptor.every((s) => s.word.length >= 3 && s.word !== 'named' && policy.isCommonWord(s.word))) return null;
  if (STOP_WORDS.has(descriptor[descriptor.length - 1]!.word)) return null; // "Institute of X" is not "X Institute of"
  const brand = shortForm.slice(last.start, last.end);
  return `${brand} ${shortForm.slice(0, descriptor[descriptor.length - 1]!.end)}`;
}

/**
 * Places from a Chinese entry's addresses that news puts before its name ("Zhejiang Dahua
 * Technology" for Dahua Technology of Hangzhou, Zhejiang), as Chinese company names do; at most
 * six, in the order the addresses give them.
 */
function addressPlaces(entry: Entry, policy: VariantPolicy): string[] {
  if (!/^China\b/.test(entry.country)) return [];
  const places = new Set<string>();
  for (const address of entry.addresses) {
    // A part of one word, like "Hangzhou" or "Zhejiang Province", is a city or a province.
    for (const part of address.split(/[,;]/)) {
      const place = part.trim().replace(/\s+(?:City|Province|Shi|Sheng)\.?$/i, '');
      if (/^\p{Lu}\p{Ll}{2,}$/u.test(place) && place !== 'China' && !policy.isCommonWord(place.toLowerCase())) places.add(place);
    }
  }
  return [...places].slice(0, 6);
}

/**
 * All variants of all entries. Where two entries would share a derived short form, the form is
 * kept for all of them; a short form is never kept where it is another entry's listed name or alias.
 */
export function buildVariants(entries: readonly Entry[], lexicon: Lexicon): Variant[] {
  const policy = new VariantPolicy(lexicon);
  const parents = findParents(entries);
  const candidates: Variant[] = [];
  entries.forEach((entry, entryIndex) => {
    const person = looksLikePerson(entry.name);
    const add = (text: string, kind: VariantKind, caseSensitive: boolean, alwaysWeak = false) => {
      // A cut that leaves a bracket open is no name a text writes (the matcher never reports one).
      const trimmed = balanced(text.trim());
      if (!trimmed) return;
      // Only a strong name matches whatever its capitalisation.
      const weak = alwaysWeak || policy.isWeakName(trimmed, { person });
      candidates.push({ text: trimmed, entryIndex, kind, caseSensitive: caseSensitive || weak || policy.isAllEveryday(trimmed), ...(weak ? { weak } : {}) });
    };
    for (const [kind, names] of [['listed', [entry.name]], ['alias', entry.aliases]] as const) {
      for (const name of names) {
        // A one-word alias of a person ("Farid" for Fazal Rahim Farid) names too many people.
        if (kind === 'alias' && person && foldedWords(name).length === 1) continue;
        const { base, acronyms } = splitAcronyms(name);
        for (const form of new Set([name, base])) {
          const verdict = policy.judgeListedName(form);
          if (verdict.match) add(form, kind, verdict.caseSensitive);
        }
        // "…, Russian Academy of Sciences (RAS)": the acronym of the parent the name ends with.
        const lastPart = commaParts(base).slice(1).pop();
        const initialsOfLast = lastPart?.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
        for (const acronym of acronyms) {
          if (acronym.replace(/[^\p{L}\p{N}]/gu, '').length >= 3 && acronym !== initialsOfLast) add(acronym, 'acronym', true);
        }
        // Initials news uses that the list does not give ("CCCC", "UAC"): weak, so they count only
        // where the page also names the organisation in full.
        const initials = person ? null : initialism(base);
        // Initials that spell a legal form ("JSC" of "JSC SPE Contact") stand for no name.
        if (initials && !acronyms.includes(initials) && !isOnlyLegalForm(initials)) add(initials, 'derived', true, true);
        const shortForms = policy.deriveShortForms(base);
        // "Rostec (Russian Technologies State Corporation)": a name and its spelled-out form.
        const expansion = splitExpansion(base, lexicon);
        // Each half must name something on its own ("(Limited Partnership)" or "(Beijing Co., Ltd.)" does not).
        if (expansion) shortForms.push(...expansion.filter((half) => stripLegalForms(['x', ...foldedWords(half)]).slice(1).some((w) => policy.isDistinctiveWord(w))));
        // Without "named after …" or the parent it is listed under, the name may be another
        // organisation's elsewhere ("Institute of Physics"): only with a distinctive word.
        const own = base.replace(/\s+named after\s.*$/i, '');
        if (own !== base && policy.namesOneOrganisation(foldedWords(own))) shortForms.push(own, ...policy.deriveShortForms(own));
        const child = withoutParent(own, parents);
        if (child) {
          // "A.A. Kharkevich Institute … (IITP)" of "…, Russian Academy of Sciences": with and without its acronym.
          const { base: childBase, acronyms: childAcronyms } = splitAcronyms(child);
          for (const acronym of childAcronyms) if (acronym.replace(/[^\p{L}\p{N}]/gu, '').length >= 3) add(acronym, 'acronym', true);
          for (const short of new Set([child, childBase, ...policy.deriveShortForms(childBase)])) {
            if (policy.namesOneOrganisation(foldedWords(short), true)) shortForms.push(short);
          }
        }
        // "BGI Tech Solutions" for "BGI Tech Solutions (Hongkong) Co., Ltd.": news leaves out the
        // place a subsidiary is qualified by (entries that then share a name all stay, see below).
        const unqualified = base.replace(/\s*\(([^()]+)\)/g, (whole, inside: string) => (isPlace(inside, lexicon) ? '' : whole)).replace(/\s+/g, ' ').trim();
        // Without its legal form too: "Huawei Technologies Co." is the parent's, not the Thai arm's.
        const unqualifiedName = stripLegalFormsWritten(unqualified);
        if (unqualified !== base && policy.namesOneOrganisation(foldedWords(unqualifiedName), true)) shortForms.push(unqualifiedName, ...policy.deriveShortForms(unqualified));
        for (const short of [...shortForms, base]) {
          const reordered = nameFirst(short, policy);
          if (reordered && short !== base) shortForms.push(reordered);
          // "National Supercomputing Center in Wuxi" for "National Supercomputing Center Wuxi".
          const placeAfter = /^(.+ (?:Center|Centre|Institute|Laboratory|Academy|Branch)) (\p{Lu}[\p{L}-]+)$/u.exec(stripLegalFormsWritten(short));
          if (placeAfter && isPlace(placeAfter[2]!, lexicon)) shortForms.push(`${placeAfter[1]} in ${placeAfter[2]}`);
        }
        if (kind === 'listed' && !person) {
          const places = addressPlaces(entry, policy);
          for (const short of [base, ...shortForms]) {
            const words = foldedWords(stripLegalFormsWritten(short));
            if (words.length < 2 || words.length > 4 || lexicon.isPlaceName(words[0]!) || lexicon.isCountryWord(words[0]!)) continue;
            if (!words.some((w) => policy.isDistinctiveWord(w))) continue;
            for (const place of places) if (!words.includes(place.toLowerCase())) shortForms.push(`${place} ${stripLegalFormsWritten(short)}`);
          }
        }
        for (const short of shortForms) {
          const verdict = policy.judgeListedName(short);
          if (!verdict.match) continue;
          // A one-word form must be as distinctive as any derived one-word form.
          if (foldedWords(short).length === 1 && !policy.isDistinctiveSingleWord(foldedWords(short)[0]!) && !isAcronymLike(short)) continue;
          add(short, 'derived', verdict.caseSensitive);
          for (const respelled of respellings(short)) add(respelled, 'derived', verdict.caseSensitive);
          // The same cut of the name with the list's typo mended ("Suma Technology" of "Suma Techology Co., Ltd.").
          const mendedShort = mendedTypos(short, policy);
          if (mendedShort) add(mendedShort, 'derived', verdict.caseSensitive);
        }
        // "Ministry of Defence" of Burma is "the Burmese Ministry of Defence" in news.
        for (const respelled of withCountry(base, entry.country, lexicon)) {
          const verdict = policy.judgeListedName(respelled);
          if (verdict.match) add(respelled, 'respelled', verdict.caseSensitive);
        }
        // "Xinjiang Uyghur Autonomous Region People's Government …" without the region's "(XUAR)".
        const withoutInnerAcronyms = base.replace(/\s*\(([\p{Lu}\p{N}-]{2,10})\)(?=\s+\p{Lu})/gu, '');
        if (withoutInnerAcronyms !== base) {
          const verdict = policy.judgeListedName(withoutInnerAcronyms);
          if (verdict.match) for (const form of [withoutInnerAcronyms, ...respellings(withoutInnerAcronyms)]) add(form, 'respelled', verdict.caseSensitive);
        }
        if (!person) {
          const mended = mendedTypos(base, policy);
          for (const respelled of [...respellings(base), ...(mended ? [mended, ...policy.deriveShortForms(mended)] : [])]) {
            const verdict = policy.judgeListedName(respelled);
            if (verdict.match) add(respelled, 'respelled', verdict.caseSensitive);
          }
        }
      }
    }
  });

  // Resolve sharing: group by folded key.
  const byKey = new Map<string, Variant[]>();
  for (const v of candidates) {
    const key = normaliseName(v.text);
    const group = byKey.get(key);
    if (group) group.push(v);
    else byKey.set(key, [v]);
  }
  // A listed name, alias or acronym outranks a short form guessed for another entry. Entries that share a
  // name all stay (one card shows them all), most prominent listing first: for "Huawei" the parent
  // with ten citations, not a one-line branch office.
  const prominence = (v: Variant) => entries[v.entryIndex]!.aliases.length + entries[v.entryIndex]!.citations.length;
  const out: Variant[] = [];
  for (const group of byKey.values()) {
    // A respelling is a guess too: it does not push out another entry's short form.
    const named = group.filter((v) => v.kind !== 'derived' && v.kind !== 'respelled');
    const kept = (named.length > 0 ? named : group).sort(
      (a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || prominence(b) - prominence(a) || a.entryIndex - b.entryIndex,
    );
    const seen = new Set<number>();
    for (const v of kept) {
      if (seen.has(v.entryIndex)) continue;
      seen.add(v.entryIndex);
      out.push(v);
    }
  }
  return out;
}
