/**
 * Highlights stay readable on light and dark pages: each list's underline has ≥ 3:1 contrast with
 * white and with near-black page backgrounds, and page text keeps ≥ 4.5:1 on the tinted background.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

type Rgb = [number, number, number];
const css = readFileSync(resolve(import.meta.dirname, '../../src/ui/highlights.css'), 'utf8');

function luminance([r, g, b]: Rgb): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

function over([r, g, b, alpha]: number[], [br, bg, bb]: Rgb): Rgb {
  return [r! * alpha! + br * (1 - alpha!), g! * alpha! + bg * (1 - alpha!), b! * alpha! + bb * (1 - alpha!)];
}

const numbers = (s: string) => s.split(',').map((x) => Number(x.trim()));
const rules = [...css.matchAll(/((?:::highlight\([\w-]+\),?\s*)+)\{([^}]*)\}/g)].map((m) => ({
  names: [...m[1]!.matchAll(/::highlight\(([\w-]+)\)/g)].map((n) => n[1]!),
  background: numbers(/background-color:\s*rgba\(([^)]+)\)/.exec(m[2]!)![1]!),
  underline: numbers(/text-decoration:[^;]*rgb\(([^)]+)\)/.exec(m[2]!)![1]!) as Rgb,
}));

const PAGES: { name: string; background: Rgb; text: Rgb }[] = [
  { name: 'white page, black text', background: [255, 255, 255], text: [0, 0, 0] },
  { name: 'near-black page, light text', background: [18, 18, 18], text: [232, 232, 232] },
];

describe('highlight colours', () => {
  it('cover every list', () => {
    expect(rules.flatMap((r) => r.names)).toEqual(
      expect.arrayContaining(['listmark-entity-list', 'listmark-meu-list', 'listmark-unverified-list', 'listmark-sdn-list', 'listmark-other-csl']),
    );
  });

  for (const rule of rules) {
    for (const page of PAGES) {
      it(`${rule.names[0]} on a ${page.name}`, () => {
        expect(contrast(rule.underline, page.background)).toBeGreaterThanOrEqual(3);
        expect(contrast(page.text, over(rule.background, page.background))).toBeGreaterThanOrEqual(4.5);
      });
    }
  }
});
