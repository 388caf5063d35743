/** Rules that must hold for all inputs, checked with fast-check on the real variant set. */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { legalFormAfter } from '../../src/core/matcher';
import { foldCode, IGNORABLE, normaliseName, normalisesTo, SEPARATOR } from '../../src/core/normalise';
import { realMatcher } from './real-bundle';

const isWordChar = (code: number) => {
  const f = foldCode(code);
  return f !== SEPARATOR && f !== IGNORABLE;
};

// Text made of words and separators, including the awkward ones: NBSP, line breaks, curly quotes,
// dashes, combining marks, zero-width joiners, emoji, lone surrogates and control characters.
const piece = fc.oneof(
  fc.constantFrom('the', 'said', 'Huawei', 'SMIC', 'Hik', 'vision', 'Co.', 'Ltd.', '2024', 'é', 'e\u0301', '\u200d', '😀', '\ud800', '\u0000', '\u202e'),
  fc.constantFrom(' ', '\u00a0', '\n', ', ', '. ', '’', '—', '-', '"'),
  fc.string({ maxLength: 6 }),
);
const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

describe('properties', () => {
  it('normalisation is idempotent', () => {
    fc.assert(fc.property(fc.string(), (s) => normaliseName(normaliseName(s)) === normaliseName(s)), { numRuns: 500 });
  });

  it('normalisesTo agrees with comparing normaliseName, for any slice and any key', () => {
    fc.assert(
      fc.property(text, text, fc.nat(), fc.nat(), (t, other, a, b) => {
        const start = t.length === 0 ? 0 : a % (t.length + 1);
        const end = start + (t.length === 0 ? 0 : b % (t.length - start + 1));
        const own = normaliseName(t.slice(start, end));
        // Its own key, a key from other text, and keys one character short or long.
        return [own, normaliseName(other), own.slice(0, -1), `${own}x`].every(
          (key) => normalisesTo(t, start, end, key) === (own === key),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('matches never start or end inside a word, never overlap, and map back to their text', () => {
    const matcher = realMatcher();
    fc.assert(
      fc.property(text, (t) => {
        const found = matcher.findMatches(t);
        let lastEnd = 0;
        for (const m of found) {
          if (m.start < lastEnd) return false;
          if (m.start > 0 && isWordChar(t.charCodeAt(m.start - 1)) && isWordChar(t.charCodeAt(m.start))) return false;
          if (m.end < t.length && isWordChar(t.charCodeAt(m.end)) && isWordChar(t.charCodeAt(m.end - 1))) return false;
          // The match is the variant, and at most a legal form written after it ("Huawei Co.").
          const key = normaliseName(matcher.variantText(m.variant));
          const cut = [...Array(m.end - m.start + 1).keys()].map((k) => m.start + k).find((e) => normaliseName(t.slice(m.start, e)) === key);
          if (cut === undefined || (cut < m.end && cut + legalFormAfter(t, cut) !== m.end && normaliseName(t.slice(cut, m.end)) !== '')) return false;
          lastEnd = m.end;
        }
        return true;
      }),
      { numRuns: 500 },
    );
  });

  it('finds every variant inserted into random text between word boundaries, at its offsets', () => {
    const matcher = realMatcher();
    const variantIndex = fc.integer({ min: 0, max: matcher.variantCount - 1 });
    fc.assert(
      fc.property(text, variantIndex, text, (before, v, after) => {
        const name = matcher.variantText(v);
        // Offsets of the name's first and last word characters (a match spans words, not the
        // punctuation around them, e.g. the ")" of "(EBCC)").
        let first = 0;
        while (first < name.length && !isWordChar(name.charCodeAt(first))) first++;
        let last = name.length;
        while (last > 0 && !isWordChar(name.charCodeAt(last - 1))) last--;
        // "; " before it: a one-word name right after a capitalised first name or country (random
        // text makes "Ana" or "Chad") is by rule part of another name (see isPartOfAnotherName).
        const t = `${before}; ${name} ${after}`;
        const start = before.length + 2 + first;
        const end = before.length + 2 + last;
        // Found at its offsets, or inside a longer match that covers it; or the random text around
        // it formed a longer listed name that overlaps it (the longest of overlapping names wins);
        // or the random text wrote a legal form after it, which may say another company ("… Inc.").
        if (legalFormAfter(t, before.length + 2 + name.length) > 0) return true;
        return matcher.findMatches(t).some((m) => (m.start <= start && m.end >= end) || (m.start < end && start < m.end && m.end - m.start > end - start));
      }),
      { numRuns: 300 },
    );
  });
});
