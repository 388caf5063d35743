/**
 * Reads the Affiliates rule from the eCFR text of Part 744: the paragraph that extends a list's
 * restrictions to organisations its entries own 50% or more (§ 744.11(a)(1) for the Entity List,
 * § 744.21(a)(3) for the MEU List), and any stay of it in the section's effective-date notes
 * (`EFFDNOT`). A section or paragraph structure it cannot find fails the build; a paragraph that
 * no longer states the rule, or no note, is simply reported as such.
 */
import type { Element } from '@xmldom/xmldom';
import type { AffiliatesRule, AffiliatesRuleStay } from '../affiliates-rule';
import { federalRegisterUrl } from '../citations';
import { isIsoDay } from '../format-date';
import type { ListId } from '../list-model';
import { SourceError } from './source-error';

interface RuleSpec {
  list: ListId;
  section: string;
  /** Lower-case letter and number of the paragraph, as in `(a)(1)`. */
  letter: string;
  number: number;
}

const RULE_SPECS: RuleSpec[] = [
  { list: 'entity-list', section: '744.11', letter: 'a', number: 1 },
  { list: 'meu-list', section: '744.21', letter: 'a', number: 3 },
];

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const NOTE_DATE = '([A-Z][a-z]{2,8})\\.? (\\d{1,2}), (\\d{4})';
/** "At 90 FR 50857, Nov. 12, 2025, in § 744.11, paragraph (a)(1) was stayed, effective until Nov. 9, 2026." */
const NOTE_CITATION = new RegExp(`^At (\\d{1,3}) FR (\\d{1,6}),(?: ${NOTE_DATE},)? (.*)$`, 's');
const NOTE_UNTIL = new RegExp(`\\buntil ${NOTE_DATE}`);
/** The rule, as the paragraph states it: organisations owned 50 percent or more by listed ones. */
const STATES_RULE = /\b50 percent or more\b/i;

function flat(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function noteDay(month: string, day: string, year: string): string | null {
  const iso = `${year}-${String(MONTHS.indexOf(month.slice(0, 3).toLowerCase()) + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isIsoDay(iso) ? iso : null;
}

function childElements(node: Element, tag: string): Element[] {
  return Array.from(node.childNodes).filter((c): c is Element => c.nodeType === 1 && (c as Element).tagName === tag);
}

/** The `<P>` of paragraph (letter)(number): numbered paragraphs follow their letter, sometimes inside its `<P>`. */
function findParagraph(section: Element, spec: RuleSpec, file: string, where: string): string | null {
  let letter: string | null = null;
  let sawLetter = false;
  for (const p of childElements(section, 'P')) {
    const text = flat(p.textContent);
    const lettered = /^\(([a-z])\)\s/.exec(text);
    if (lettered) {
      letter = lettered[1]!;
      sawLetter ||= letter === spec.letter;
      // "(a) General prohibitions. (1) In addition …": the first numbered paragraph shares the letter's <P>.
      const inline = /^\([a-z]\)\s+[^()]*?\.\s+\((\d+)\)\s/.exec(text);
      if (letter === spec.letter && inline && Number(inline[1]) === spec.number) return text;
      continue;
    }
    const numbered = /^\((\d+)\)\s/.exec(text);
    if (letter === spec.letter && numbered && Number(numbered[1]) === spec.number) return text;
  }
  if (!sawLetter) throw new SourceError(file, where, `no paragraph (${spec.letter}) found: the section's structure is not the one Listmark reads`);
  return null;
}

/**
 * A stay of the paragraph, from one effective-date note; null when the note is about something else.
 * A note that stays the paragraph in words Listmark cannot read fails the build: a stay must not be
 * lost quietly.
 */
function readStay(note: string, spec: RuleSpec, file: string, where: string): AffiliatesRuleStay | null {
  const paragraph = `(${spec.letter})(${spec.number})`;
  const escaped = paragraph.replace(/[()]/g, '\\$&');
  const mentionsParagraph = new RegExp(`${escaped}(?![(\\w])`).test(note);
  const staysWholeSection = new RegExp(`§ ${spec.section.replace('.', '\\.')} (?:was|is) stayed`).test(note);
  if (!/\bstayed\b/.test(note) || (!mentionsParagraph && !staysWholeSection)) return null;
  const cited = NOTE_CITATION.exec(note);
  if (!cited) throw new SourceError(file, where, `an effective-date note stays ${paragraph} but its citation cannot be read: "${note}"`);
  const [, volume, page, month, day, year] = cited;
  const until = NOTE_UNTIL.exec(note);
  const untilDay = until ? noteDay(until[1]!, until[2]!, until[3]!) : null;
  if (until && !untilDay) throw new SourceError(file, where, `an effective-date note stays ${paragraph} until a date that cannot be read: "${note}"`);
  // The clause that names the paragraph says whether all of it is stayed or only some of it.
  const clause = note.split(/,|\band\b/).find((c) => c.includes(paragraph)) ?? '';
  const isPart = mentionsParagraph && /\b(?:introductory text|sentences?|note)\b/i.test(clause);
  return {
    citation: `${volume} FR ${page}`,
    url: federalRegisterUrl(Number(volume), Number(page)),
    published: month && day && year ? noteDay(month, day, year) : null,
    until: untilDay,
    scope: isPart ? 'part' : 'whole',
    note,
  };
}

/** Every rule the text states; a list whose paragraph no longer states it has none. */
export function parseAffiliatesRules(root: Element, file: string): AffiliatesRule[] {
  const sections = Array.from(root.getElementsByTagName('DIV8'));
  const rules: AffiliatesRule[] = [];
  for (const spec of RULE_SPECS) {
    const where = `§ ${spec.section}`;
    const section = sections.find((d) => d.getAttribute('N') === spec.section);
    if (!section) throw new SourceError(file, where, 'missing from the document');
    const paragraph = findParagraph(section, spec, file, where);
    if (!paragraph || !STATES_RULE.test(paragraph)) continue;
    // Every note of the section, wherever the text nests it: a stay must not be missed.
    const stays = Array.from(section.getElementsByTagName('EFFDNOT'))
      .map((note) => flat(Array.from(note.getElementsByTagName('PSPACE')).map((p) => p.textContent).join(' ') || note.textContent))
      .map((note) => readStay(note, spec, file, where))
      .filter((stay): stay is AffiliatesRuleStay => stay !== null)
      // The newest note speaks last.
      .sort((a, b) => (a.published ?? '').localeCompare(b.published ?? ''));
    rules.push({
      list: spec.list,
      section: `§ ${spec.section}(${spec.letter})(${spec.number})`,
      stay: stays[stays.length - 1] ?? null,
    });
  }
  return rules;
}
