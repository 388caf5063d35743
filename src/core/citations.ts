import type { Citation } from './list-model';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

// A citation starts with "<volume> FR <page>"; the source sometimes doubles "FR" (`88 FR FR 12158`)
// or drops the comma before the date, so dates are looked for between one citation and the next.
const CITATION_START = /(\d{1,3})\s+F\.?\s?R\.?\s+(?:FR\s+)?(\d{1,6})/g;
const NUMERIC_DATE = /(\d{1,2})\/(\d{1,2})\/(\d{2,4})/;
const WORD_DATE = /([A-Z][a-z]+)\.?\s+(\d{1,2}),\s*(\d{4})/;

/** Federal Register volume N covers calendar year 1935 + N; used to expand two-digit years. */
function expandYear(twoOrFourDigits: string, volume: number): number {
  if (twoOrFourDigits.length === 4) return Number(twoOrFourDigits);
  const yy = Number(twoOrFourDigits);
  const volumeYear = 1935 + volume;
  const century = Math.floor(volumeYear / 100) * 100;
  const candidates = [century - 100 + yy, century + yy, century + 100 + yy];
  return candidates.reduce((best, y) => (Math.abs(y - volumeYear) < Math.abs(best - volumeYear) ? y : best));
}

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function findDate(text: string, volume: number): string | null {
  const numeric = NUMERIC_DATE.exec(text);
  const word = WORD_DATE.exec(text);
  if (numeric && (!word || numeric.index <= word.index)) {
    return isoDate(expandYear(numeric[3]!, volume), Number(numeric[1]), Number(numeric[2]));
  }
  if (word) {
    const month = MONTHS.indexOf(word[1]!.toLowerCase()) + 1;
    if (month > 0) return isoDate(Number(word[3]), month, Number(word[2]));
  }
  return null;
}

export function federalRegisterUrl(volume: number, page: number): string {
  return `https://www.federalregister.gov/citation/${volume}-FR-${page}`;
}

/** Parses every Federal Register citation in a table cell, in order of appearance. */
export function parseCitations(cellText: string): Citation[] {
  const starts = [...cellText.matchAll(CITATION_START)];
  return starts.map((match, i) => {
    const volume = Number(match[1]);
    const page = Number(match[2]);
    const from = match.index;
    const to = i + 1 < starts.length ? starts[i + 1]!.index : cellText.length;
    const tail = cellText.slice(from + match[0].length, to);
    const date = findDate(tail, volume);
    const text = cellText
      .slice(from, to)
      .replace(/\bFR\s+FR\b/, 'FR')
      .replace(/\bF\.\s?R\./, 'FR')
      .replace(/\s+/g, ' ')
      .replace(/[\s.;,]+$/, '')
      .replace(/\s+\./g, '.')
      .replace(/\s*preview citation details,?/i, ',');
    return { volume, page, date, text, url: federalRegisterUrl(volume, page) };
  });
}

/** The earliest dated citation; the source does not always list citations in date order. */
export function earliestDate(citations: readonly Citation[]): string | null {
  let earliest: string | null = null;
  for (const c of citations) if (c.date && (!earliest || c.date < earliest)) earliest = c.date;
  return earliest;
}
