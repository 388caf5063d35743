/**
 * Word knowledge the build uses to tell names from addresses and distinctive short forms from
 * ordinary words. Core code takes it as an argument; scripts/lexicon.ts fills it from word-list
 * packages, so core stays free of large data and tests can pass the same real lexicon.
 */
export interface Lexicon {
  /** An ordinary English word (lower-case input). */
  isEnglishWord(word: string): boolean;
  /** A word in a large dictionary, rare words and proper adjectives included (lower-case input). */
  isRareWord(word: string): boolean;
  /** A common surname (lower-case input). */
  isSurname(word: string): boolean;
  /** A common given name (lower-case input). */
  isGivenName(word: string): boolean;
  /**
   * A word with an everyday meaning in a major language (folded input, as core/normalise's
   * wordSpans gives it: lower case, no accents, letters and digits only): an ordinary English
   * word, or among the 10,000 most frequent words of any of 44 languages.
   */
  isEverydayWord(word: string): boolean;
  /**
   * Written this way (case as given), a name English readers already know as something else: a
   * proper noun or abbreviation of the English dictionary (Prius, Hubble, PST), a time zone,
   * a currency code or a month.
   */
  isKnownAsOther(token: string): boolean;
  /** A country's name or the adjective of a nationality (lower-case input): "russia", "russian". */
  isCountryWord(word: string): boolean;
  /** A city, province or country name (lower-case, whitespace-folded input). */
  isPlaceName(name: string): boolean;
  /**
   * Words that, written just before a one-word name, make it part of another name: one-word
   * country names ("China Unicom"), nouns of geographic features ("Lake Baikal") and first names
   * ("Mike Cason"). Lower case.
   */
  namePrefixVetoes(): string[];
}
