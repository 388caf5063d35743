/**
 * Reads the official eCFR XML of 15 CFR Part 744 and returns the entries of Supplements
 * No. 4 (Entity List), No. 6 (Unverified List) and No. 7 (MEU List). Tables are walked by
 * structure (rows, cells, continuation rows) with a real XML parser; any surprise in the
 * structure is an error that names the supplement and row, never a silent skip.
 */
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import { earliestDate, parseCitations } from '../citations';
import { mergeRepeatedRows } from '../merge-entries';
import { parseEntityCell, cleanName, type EntityCell } from '../entity-cell';
import { entryId } from '../entry-id';
import type { Lexicon } from '../lexicon';
import type { AffiliatesRule } from '../affiliates-rule';
import type { Entry, Footnote, ListId } from '../list-model';
import { parseAffiliatesRules } from './ecfr-affiliates-rule';
import { SourceError } from './source-error';

interface SupplementSpec {
  number: number;
  list: ListId;
  /** Column headings as printed (lower-cased, whitespace folded), in order. */
  columns: string[];
}

const SUPPLEMENTS: SupplementSpec[] = [
  {
    number: 4,
    list: 'entity-list',
    columns: ['country', 'entity', 'license requirement', 'license review policy', 'federal register citation'],
  },
  { number: 6, list: 'unverified-list', columns: ['country', 'listed person and address', 'federal register citation'] },
  { number: 7, list: 'meu-list', columns: ['country', 'entity', 'federal register citation'] },
];

export interface Part744 {
  entries: Entry[];
  footnotes: Footnote[];
  /** The Affiliates rule per list, with any stay, as this text states it. */
  affiliatesRules: AffiliatesRule[];
  /** Counts per list and per country, for the build report. */
  counts: Record<string, Record<string, number>>;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

function childElements(node: Node, tag?: string): Element[] {
  const out: Element[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === ELEMENT_NODE && (!tag || (child as Element).tagName === tag)) out.push(child as Element);
  }
  return out;
}

function descendants(node: Element, tag: string): Element[] {
  return Array.from(node.getElementsByTagName(tag));
}

interface CellText {
  /** Text with `\n` for each `<br/>`; source line breaks are plain spaces. */
  text: string;
  footnotes: number[];
  /** For each line, the italic (`<E>`) text it opens with, if any: how compound cells mark their parts. */
  italicLeads: (string | null)[];
}

/** `<sup>` digits become footnote numbers; other `<sup>` (ordinals like 3<sup>rd</sup>) stay text. */
function readCell(cell: Element): CellText {
  const footnotes: number[] = [];
  const italicLeads: (string | null)[] = [null];
  let text = '';
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) text += (child.nodeValue ?? '').replace(/\s+/g, ' ');
      else if (child.nodeType === ELEMENT_NODE) {
        const el = child as Element;
        if (el.tagName === 'br') {
          text += '\n';
          italicLeads.push(null);
        } else if (el.tagName === 'sup' && /^[\s,\d]+$/.test(el.textContent ?? '')) {
          for (const n of (el.textContent ?? '').match(/\d+/g) ?? []) footnotes.push(Number(n));
        } else {
          if (el.tagName === 'E' && text.slice(text.lastIndexOf('\n') + 1).trim() === '') {
            const lead = flat(el.textContent ?? '');
            if (lead && !/^(?:and|or)$/i.test(lead)) italicLeads[italicLeads.length - 1] = lead;
          }
          walk(el);
        }
      }
    }
  };
  walk(cell);
  return { text, footnotes, italicLeads };
}

/**
 * Some rows hold several entries: `Affiliated entities:` followed by one italic name per line,
 * or `Subordinate institution` labels each followed by an entry. Returns each part's text, or
 * null for an ordinary one-entry cell.
 */
function splitCompoundCell(cell: CellText): { text: string; lead: string | null }[] | null {
  const lines = cell.text.split('\n');
  const first = flat(lines[0] ?? '');
  const isAffiliates = /^affiliated entities:?$/i.test(first);
  const isSubordinates = /^subordinate institutions?:?$/i.test(first) || /^subordinate institutions?:?$/i.test(cell.italicLeads[0] ?? '');
  if (!isAffiliates && !isSubordinates) return null;
  const parts: { lines: string[]; lead: string | null }[] = [];
  lines.forEach((line, i) => {
    if (i === 0) return;
    const lead = cell.italicLeads[i] ?? null;
    if (isSubordinates && /^subordinate institutions?:?$/i.test(flat(line))) {
      parts.push({ lines: [], lead: null });
      return;
    }
    if (isAffiliates && lead) parts.push({ lines: [], lead });
    if (parts.length === 0) parts.push({ lines: [], lead: null });
    parts[parts.length - 1]!.lines.push(line);
  });
  return parts.map((p) => ({ text: p.lines.join('\n').trim(), lead: p.lead })).filter((p) => p.text !== '');
}

/**
 * An affiliate whose name the source sets in italics: the italics are the whole name, also when
 * it holds a comma ("Huawei Technologies Co., Ltd. Beijing Research Institute,"), which the
 * general cell parser would take for the start of the address. Null where the italics are not
 * the start of the part.
 */
function parseAffiliate(part: string, lead: string | null, lexicon: Lexicon): EntityCell | null {
  if (!lead) return null;
  const text = flat(part);
  if (!text.startsWith(lead)) return null;
  const name = cleanName(lead);
  if (!name) return null;
  // Past the italics in the part as written (its line breaks mark the aliases); the rest, given a
  // placeholder name, is a cell like any other: its aliases and addresses.
  let at = 0;
  for (let k = 0; k < lead.length; k++) {
    while (/\s/.test(part[at] ?? '') && lead[k] !== part[at]) at++;
    if (/\s/.test(lead[k]!) && !/\s/.test(part[at] ?? '')) continue;
    at++;
  }
  const rest = parseEntityCell(`-, ${part.slice(at)}`, lexicon);
  return { name, aliases: rest.aliases, addresses: rest.addresses };
}

function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** `CHINA, PEOPLE'S REPUBLIC OF` → `China, People's Republic of` */
export function displayCountry(heading: string): string {
  const small = new Set(['of', 'and', 'the', 'de', 'du']);
  return flat(heading)
    .toLowerCase()
    .replace(/[\p{L}\u2019']+/gu, (word, offset: number) =>
      offset > 0 && small.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1),
    );
}

function parseXml(xml: string, file: string) {
  const problems: string[] = [];
  let doc;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') problems.push(message);
      },
    }).parseFromString(xml, 'text/xml');
  } catch (error) {
    // xmldom throws on fatal errors (a truncated file) instead of reporting them.
    throw new SourceError(file, 'XML', `not well-formed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  if (problems.length > 0) throw new SourceError(file, 'XML', `not well-formed: ${problems[0]}`);
  const root = doc.documentElement;
  if (!root || root.tagName !== 'DIV5' || root.getAttribute('N') !== '744') {
    throw new SourceError(file, 'XML', `expected the <DIV5 N="744"> of 15 CFR Part 744 at the root, found <${root?.tagName ?? 'nothing'}>`);
  }
  return root;
}

function findSupplement(root: Element, number: number, file: string): Element {
  const name = `Supplement No. ${number} to Part 744`;
  const div = descendants(root, 'DIV9').find((d) => d.getAttribute('N') === name);
  if (!div) throw new SourceError(file, name, 'missing from the document');
  return div;
}

function readFootnotes(table: Element, list: ListId): Footnote[] {
  const footnotes: Footnote[] = [];
  for (const tfoot of descendants(table, 'TFOOT')) {
    for (const row of descendants(tfoot, 'TR')) {
      const cell = childElements(row, 'TD')[0];
      if (!cell) continue;
      const { text, footnotes: numbers } = readCell(cell);
      const number = numbers[0];
      if (number !== undefined) footnotes.push({ list, number, text: flat(text) });
    }
  }
  return footnotes;
}

const GROUP_HEADER = /^the following [\w-]+ (?:subordinate institutions?|entities|subsidiaries) of (.+?):?$/i;
const GROUP_LABEL = /^subordinate instit\w*:?$/i;

function parseSupplement(root: Element, spec: SupplementSpec, file: string, lexicon: Lexicon): { entries: Entry[]; footnotes: Footnote[] } {
  const where = `Supplement No. ${spec.number} to Part 744`;
  const supplement = findSupplement(root, spec.number, file);
  const tables = descendants(supplement, 'TABLE');
  if (tables.length !== 1) throw new SourceError(file, where, `expected one table, found ${tables.length}`);
  const table = tables[0]!;

  const headings = descendants(table, 'TH').map((th) => flat(readCell(th).text).toLowerCase());
  if (headings.join('|') !== spec.columns.join('|')) {
    throw new SourceError(file, where, `table columns changed: expected [${spec.columns.join(', ')}], found [${headings.join(', ')}]`);
  }
  const columnCount = spec.columns.length;
  const hasLicenseColumns = columnCount === 5;
  const tbody = descendants(table, 'TBODY')[0];
  if (!tbody) throw new SourceError(file, where, 'table has no body');

  const entries: Entry[] = [];
  let country = '';
  let group: { parent: string; citationsText: string } | null = null;
  let previousCitationsText = '';

  childElements(tbody, 'TR').forEach((row, index) => {
    const rowWhere = `${where}, table row ${index + 1}`;
    const cells = childElements(row, 'TD');
    if (cells.length === 1 && cells[0]!.getAttribute('colspan')) return; // a footnote or note spanning the table
    let cellTexts: CellText[];
    if (cells.length === columnCount) {
      cellTexts = cells.map(readCell);
      const heading = flat(cellTexts[0]!.text);
      if (heading) country = heading;
      cellTexts = cellTexts.slice(1);
    } else if (cells.length === columnCount - 1) {
      cellTexts = cells.map(readCell); // a continuation row printed without its country cell
    } else {
      throw new SourceError(file, rowWhere, `expected ${columnCount} cells (or ${columnCount - 1} without the country), found ${cells.length}`);
    }
    if (!country) throw new SourceError(file, rowWhere, 'entry before any country heading');

    const entityCell = cellTexts[0]!;
    const citationCell = cellTexts[cellTexts.length - 1]!;
    const entityText = entityCell.text.trim();
    const entityFlat = flat(entityText);
    if (/^\[reserved\]$/i.test(entityFlat)) return;
    if (entityFlat === '') throw new SourceError(file, rowWhere, `entry with an empty name (country ${displayCountry(country)})`);
    if (GROUP_LABEL.test(entityFlat)) return;
    const header = GROUP_HEADER.exec(entityFlat);
    if (header) {
      // Blank citation cells in a group repeat the one above, as blank country cells do.
      const own = flat(citationCell.text);
      group = { parent: cleanName(header[1]!), citationsText: own || previousCitationsText };
      previousCitationsText = group.citationsText;
      return;
    }
    const sharedAddresses = /^the following addresses apply to the entity\b[^:]*:/i.exec(entityFlat);
    if (sharedAddresses) {
      // Addresses printed once for an entity and its subordinates belong to the row above.
      const parent = entries[entries.length - 1];
      if (!parent) throw new SourceError(file, rowWhere, 'shared addresses with no entry above them');
      parent.addresses.push(...parseEntityCell(`-, ${entityFlat.slice(sharedAddresses[0].length)}`, lexicon).addresses);
      return;
    }

    let citationsText = flat(citationCell.text);
    let notes = '';
    const compound = splitCompoundCell(entityCell);
    if (group && citationsText === '') {
      citationsText = group.citationsText;
      notes = `Subordinate institution of ${group.parent}.`;
    } else if (compound && citationsText === '') {
      // Affiliates and subordinates listed under an entry share its citations.
      const parent = entries[entries.length - 1];
      if (!parent) throw new SourceError(file, rowWhere, 'affiliated entities with no entry above them');
      citationsText = previousCitationsText;
      notes = /^affiliated/i.test(entityFlat) ? `Affiliate of ${parent.name}.` : `Subordinate institution of ${parent.name}.`;
    } else {
      group = null;
      previousCitationsText = citationsText;
    }

    const citations = parseCitations(citationsText);
    const footnotes = [...new Set(cellTexts.flatMap((c) => c.footnotes))].sort((a, b) => a - b);
    const displayed = displayCountry(country);
    for (const { text: part, lead } of compound ?? [{ text: entityText, lead: null }]) {
      // "The following Department of Atomic Energy entities: —Nuclear reactors …; —…": one listing
    // of an organisation's facilities, named after the organisation.
    const facilities = /^the following (.+?) entities:\s*\n?([\s\S]*)$/i.exec(part.trim());
    const cell = facilities
      ? { name: cleanName(facilities[1]!), aliases: [], addresses: [] }
      : parseAffiliate(part, lead, lexicon) ?? parseEntityCell(part, lexicon);
      const { aliases, addresses } = cell;
      let { name } = cell;
      let rowNotes = facilities
        ? `The listing covers these ${cleanName(facilities[1]!)} entities: ${facilities[2]!.split('\n').map((l) => cleanName(l)).filter(Boolean).join('; ')}.`
        : notes;
      // "… Research Institute (CETC 13) subordinate institution: Bowei Integrated Circuits"
      const subordinate = /^(.+?)\s+subordinate institution:\s*(.+)$/i.exec(name);
      if (subordinate) {
        name = subordinate[2]!;
        rowNotes = `Subordinate institution of ${subordinate[1]}.`;
      }
      if (!name) throw new SourceError(file, rowWhere, `entry with an empty name: "${flat(part).slice(0, 80)}"`);
      entries.push({
        id: entryId(spec.list, displayed, name),
        list: spec.list,
        source: 'ecfr',
        country: displayed,
        name,
        aliases: aliases.filter((a) => a !== name),
        addresses,
        licenseRequirement: hasLicenseColumns ? flat(cellTexts[1]!.text) : '',
        licenseReviewPolicy: hasLicenseColumns ? flat(cellTexts[2]!.text) : '',
        citations,
        firstListed: earliestDate(citations),
        footnotes,
        notes: rowNotes,
      });
    }
  });
  if (entries.length === 0) throw new SourceError(file, where, 'table has no entries');
  return { entries, footnotes: readFootnotes(table, spec.list) };
}

export function parsePart744(xml: string, file: string, lexicon: Lexicon): Part744 {
  const root = parseXml(xml, file);
  const entries: Entry[] = [];
  const footnotes: Footnote[] = [];
  const counts: Record<string, Record<string, number>> = {};
  for (const spec of SUPPLEMENTS) {
    const parsed = parseSupplement(root, spec, file, lexicon);
    entries.push(...mergeRepeatedRows(parsed.entries));
    footnotes.push(...parsed.footnotes);
    const perCountry: Record<string, number> = {};
    for (const e of parsed.entries) perCountry[e.country] = (perCountry[e.country] ?? 0) + 1;
    counts[spec.list] = perCountry;
  }
  return { entries, footnotes, affiliatesRules: parseAffiliatesRules(root, file), counts };
}
