/**
 * Precision and recall of the matcher on the annotated set in tests/fixtures/quality-set.ts,
 * with the same bundle as the extension. Prints every miss and every false flag.
 *   npm run quality
 */
import { readFileSync } from 'node:fs';
import { parseDetailsBundle } from '../src/core/bundle';
import { Matcher, type MatcherData } from '../src/core/matcher';
import { evaluateQuality } from '../tests/fixtures/evaluate-quality';

const matcher = new Matcher(JSON.parse(readFileSync('build/data/matcher.json', 'utf8')) as MatcherData);
const details = parseDetailsBundle(JSON.parse(readFileSync('build/data/details.json', 'utf8')));
const report = evaluateQuality(matcher, details.entries);
console.log(`mentions annotated: ${report.expected}; flagged: ${report.flagged}; correct: ${report.correct}`);
console.log(`recall ${(report.recall * 100).toFixed(1)}% (target ≥ 97%), precision ${(report.precision * 100).toFixed(1)}% (target ≥ 98%)`);
for (const miss of report.misses) console.log(`  miss: "${miss.text}" (${miss.listedName}) in: ${miss.context}`);
for (const flag of report.falseFlags) console.log(`  false flag: "${flag.text}" → ${flag.listedName} in: ${flag.context}`);
