/**
 * Countries as a screened list writes them (a name in English, an ISO 3166-1 alpha-2 or alpha-3
 * code) and as the lists write them ("China, People's Republic of", "Burma", "Crimea Region of
 * Ukraine"), reduced to one alpha-2 code so a row's country can be compared with an entry's.
 * The names and codes are i18n-iso-countries' English data; the few forms it lacks are below.
 */
import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json';
import { foldedWords } from './normalise';

countries.registerLocale(english);

/** Forms the lists and spreadsheets use that the library's English names lack. */
const MORE_NAMES: Record<string, string> = {
  burma: 'MM',
  syria: 'SY',
  'viet nam': 'VN',
  laos: 'LA',
  crimea: 'UA',
  'crimea region of ukraine': 'UA',
  'czech republic': 'CZ',
  uk: 'GB',
  'great britain': 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  usa: 'US',
  'united states': 'US',
  america: 'US',
  'north korea': 'KP',
  'ivory coast': 'CI',
  macau: 'MO',
  'hong kong sar': 'HK',
  prc: 'CN',
  'mainland china': 'CN',
};

/**
 * The Entity List writes Hong Kong and Macau addresses under "China, People's Republic of":
 * a row in Hong Kong agrees with such an entry.
 */
const PART_OF: Record<string, string> = { HK: 'CN', MO: 'CN' };

function fold(text: string): string {
  return foldedWords(text.replace(/&/g, ' and ').replace(/['’]/g, ''))
    .filter((w, i) => !(i === 0 && w === 'the'))
    .join(' ');
}

let byName: Map<string, string> | null = null;

function names(): Map<string, string> {
  if (byName) return byName;
  byName = new Map();
  for (const [code, written] of Object.entries(countries.getNames('en', { select: 'all' }))) {
    for (const name of written) byName.set(fold(name), code);
  }
  for (const [name, code] of Object.entries(MORE_NAMES)) byName.set(name, code);
  return byName;
}

/** The ISO alpha-2 code of a country name or code, or null when it names no country Listmark knows. */
export function countryCode(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed || trimmed.length > 80) return null;
  if (/^[A-Za-z]{2}$/.test(trimmed)) return countries.isValid(trimmed.toUpperCase()) ? trimmed.toUpperCase() : null;
  if (/^[A-Za-z]{3}$/.test(trimmed)) {
    const alpha2 = countries.alpha3ToAlpha2(trimmed.toUpperCase());
    if (alpha2) return alpha2;
  }
  const known = names();
  const folded = fold(trimmed);
  const direct = known.get(folded);
  if (direct) return direct;
  // "China, People's Republic of", "Iran (Islamic Republic of)": the qualifier goes first, or away.
  const qualified = /^(.+?)\s*(?:,|\()\s*([^,()]+?)\)?$/.exec(trimmed);
  if (qualified) return known.get(fold(`${qualified[2]} ${qualified[1]}`)) ?? known.get(fold(qualified[1]!)) ?? null;
  return null;
}

export type CountryAgreement = 'same' | 'different' | 'unknown';

/** Whether a row's country and an entry's name the same country; unknown when either is missing or not a country. */
export function countryAgreement(rowCountry: string, entryCountry: string): CountryAgreement {
  const row = countryCode(rowCountry);
  const entry = countryCode(entryCountry);
  if (!row || !entry) return 'unknown';
  return row === entry || PART_OF[row] === entry || PART_OF[entry] === row ? 'same' : 'different';
}
