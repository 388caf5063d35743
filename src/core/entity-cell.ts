/**
 * Splits the "Entity" cell of a Part 744 table into listed name, aliases and addresses.
 * The cell is prose, not fields: `Name, a.k.a., the following two aliases:` then one
 * `—Alias;` per line, then addresses; or, with no aliases, `Name, address...` in one line.
 */
import type { Lexicon } from './lexicon';

// Comma-separated parts made only of these words continue a name (`Huawei Technologies Co., Ltd.`)
// rather than starting its address.
const LEGAL_FORM_WORDS = new Set(
  (
    'ltd limited inc incorporated llc l.l.c co corp corporation company sa s.a sal s.a.l sl s.l gmbh ag kg jsc ojsc cjsc pjsc ' +
    'llp lp plc pte pvt private bv b.v nv n.v srl s.r.l spa s.p.a sdn bhd fze fzco fzc fz-llc fzllc dmcc ooo ao zao oao pao ' +
    'kft oy ab as a.s sarl sas ltda cia ltd.sti sti tic san ve est co.ltd l.t.d pty s.a.s s.a.r.l sro s.r.o doo d.o.o'
  ).split(' '),
);

const LEGAL_FORM_THEN_ADDRESS = /^(.*?\b(?:Ltd|Inc|LLC|Co|Corp|Limited|GmbH|JSC)\.?)\s+((?:No\.?\s*)?\d.*)$/;

const AKA_MARKER =
  /,?\s*(?:\ba\.k\.a\.?,?\s*(?:the\s+following\s+(?:[\w-]+\s+)?alias(?:es)?\s*:?)?|\bthe\s+following\s+(?:[\w-]+\s+)?alias(?:es)?\s*:)/i;

// Abbreviations whose final period belongs to the name, not to the sentence.
const KEEPS_FINAL_PERIOD = /(?:\b(?:Ltd|Co|Inc|Corp|Dev|Tech|Mfg|Bros|Intl|Ind|Est|Jr|Sr|St|No|Sti|Ltda|Cia|Mach|Nat|Std)|\b[A-Z](?:\.[A-Z])*)\.$/;

/** Splits at separators outside parentheses and brackets. */
export function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '[') depth++;
    else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    else if (ch === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

const ADDRESS_WORDS =
  /\b(?:road|rd|street|str|st|avenue|ave|av|lane|boulevard|blvd|highway|building|bldg|floor|fl|room|rm|suite|unit|flat|office|block|blk|tower|plaza|square|district|dist|province|prov|city|county|town|village|zone|park|estate|area|industrial|p\.?\s?o\.?\s?box|box|ul|ulitsa|prospekt|pr|pereulok|shosse|naberezhnaya|korpus|stroenie|dom|kv|oblast|krai|kray|region|raion|rayon|microdistrict|sector|no|number|house|center|centre|complex|port|harbour|harbor|airport|km|mahalle|mah|cad|sok|sokak|cadde|caddesi|jalan|calle|rue|strasse|straße|via|platz|gasse|weg)\b\.?/i;

/** Does a comma-separated part of a cell read as the start of an address? */
function looksLikeAddress(part: string, lexicon: Lexicon): boolean {
  const trimmed = part.trim().replace(/\.$/, '');
  if (/\d/.test(trimmed)) return true;
  if (ADDRESS_WORDS.test(trimmed)) return true;
  return lexicon.isPlaceName(trimmed.toLowerCase().replace(/\s+/g, ' '));
}

const ORGANISATION_WORDS =
  /\b(?:institute|institution|academy|university|department|bureau|laboratory|school|college|faculty|branch|division|factory|plant|works|enterprise|concern|company|corporation|ministry|agency|administration|directorate|centre|center|npo|npp|okb|nii)\b/i;

function isOrganisation(name: string): boolean {
  return ORGANISATION_WORDS.test(name);
}

function isNameContinuation(part: string, first: string, lexicon: Lexicon): boolean {
  const trimmed = part.trim();
  if (/^\(.*\)$/.test(trimmed)) return true;
  // A sub-unit after its parent organisation (`Academy of …, Institute of Basic Medicine`).
  if (isOrganisation(first) && ORGANISATION_WORDS.test(trimmed) && !looksLikeAddress(trimmed, lexicon)) return true;
  const words = trimmed
    .replace(/\([^)]*\)/g, ' ')
    .toLowerCase()
    .split(/[\s]+/)
    .map((w) => w.replace(/\.+$/, ''))
    .filter(Boolean);
  return words.length > 0 && words.every((w) => LEGAL_FORM_WORDS.has(w));
}

/** Removes list punctuation around a name (`—Alias; and`) without otherwise changing it. */
export function cleanName(raw: string): string {
  let name = raw.replace(/\s+/g, ' ').trim().replace(/^[\u2014\u2013\-\s]+/, '');
  // "Huawei Technology, and to include the following addresses and …": the list's own prose.
  name = name.replace(/,?\s+(?:and\s+)?to include the following\b.*$/i, '');
  // Trailing separators: "; and", ";", ",", " and", " or".
  for (;;) {
    const next = name.replace(/(?:[;,:]|\s+and|\s+or)\s*$/i, '').trim();
    if (next === name) break;
    name = next;
  }
  if (name.endsWith('.') && !KEEPS_FINAL_PERIOD.test(name)) name = name.slice(0, -1).trim();
  return name;
}

function splitAddresses(text: string): string[] {
  const cleaned = text.replace(/\s+/g, ' ').trim();
  if (!cleaned) return [];
  return splitTopLevel(cleaned, ';')
    .flatMap((part) => part.split(/,\s+and\s+(?=\S)/))
    .map((part) => part.replace(/^\s*(?:and|or)\s+/i, '').trim().replace(/[;,]$/, '').trim())
    .filter((part) => part.length > 0 && !/^and$/i.test(part));
}

export interface EntityCell {
  name: string;
  aliases: string[];
  addresses: string[];
}

/** `cellText` has a `\n` for each `<br/>` of the source cell. */
const INLINE_AKA = /\s*\((?:a|f)\.k\.a\.?,?\s*([^)]*)\)/gi;

export function parseEntityCell(rawCellText: string, lexicon: Lexicon): EntityCell {
  // `Name (a.k.a. X; Y)` or `(f.k.a., X)`: aliases given inline, former names included.
  const inlineAliases: string[] = [];
  const cellText = rawCellText.replace(INLINE_AKA, (_m, list: string) => {
    for (const alias of list.split(/;\s*(?:and\s+)?|,\s+and\s+/)) inlineAliases.push(cleanName(alias.replace(/^[“”"']+|[“”"']+$/g, '')));
    return '';
  });
  const result = parseCell(cellText, lexicon);
  const cleaned = cleanAliases([...inlineAliases, ...result.aliases], lexicon);
  result.aliases = cleaned.aliases;
  result.addresses = dedupe([...result.addresses, ...cleaned.addresses]);
  return result;
}

function parseCell(cellText: string, lexicon: Lexicon): EntityCell {
  const aka = AKA_MARKER.exec(cellText);
  if (aka) {
    const name = cleanName(cellText.slice(0, aka.index));
    const rest = cellText.slice(aka.index + aka[0].length);
    const lines = rest.split('\n');
    const aliases: string[] = [];
    let i = 0;
    // Skip blank lines up to the first alias.
    while (i < lines.length && lines[i]!.trim() === '') i++;
    for (; i < lines.length; i++) {
      const line = lines[i]!.trim();
      if (line === '') break;
      if (/^[\u2014\u2013-]/.test(line) || aliases.length === 0) {
        // A line can hold several dash-led aliases when the source dropped the line breaks.
        for (const piece of line.split(/(?:^|\s)[\u2014\u2013](?=\S)/)) {
          const alias = cleanName(piece);
          if (alias) aliases.push(alias);
        }
      } else break;
    }
    return { name, aliases: dedupe(aliases), addresses: splitAddresses(lines.slice(i).join(' ')) };
  }
  // A blank line ends the name and what may follow it on its lines: "China Aerodynamics
  // Research and Development Center (CARDC).<br/> <br/> Sichuan Province."
  const blank = /\n[ \t]*\n/.exec(cellText);
  if (blank && cellText.slice(0, blank.index).trim() !== '') {
    const head = parseCell(cellText.slice(0, blank.index), lexicon);
    return { ...head, addresses: [...head.addresses, ...splitAddresses(cellText.slice(blank.index + blank[0].length).replace(/\s+/g, ' '))] };
  }
  // `Name Address: …` marks the address explicitly.
  const flat = cellText.replace(/\s+/g, ' ').trim().replace(/\s+Address(?:es)?:\s*/i, ', ');
  const parts = splitAtStreetNumber(splitTopLevel(flat.replace(/;/g, ','), ','));
  // "Safinat Group. South Sudan.": a full stop, then only a place.
  const placeAfterStop = /^(.*?[\p{L})'’”])\.\s+([^.]+)\.?$/u.exec(parts[0] ?? '');
  // "Juba Petrotech Technical Services Ltd. South Sudan": the full stop of "Ltd." stays; that of
  // "St." ("APEX St. Petersburg") is no end of a name.
  const abbreviated = placeAfterStop && KEEPS_FINAL_PERIOD.test(`${placeAfterStop[1]}.`);
  const legalForm = placeAfterStop && /\b(?:Ltd|Co|Inc|Corp|Ltda|Sti)$/.test(placeAfterStop[1]!);
  if (placeAfterStop && (!abbreviated || legalForm) && lexicon.isPlaceName(placeAfterStop[2]!.trim().toLowerCase().replace(/\s+/g, ' '))) {
    parts.splice(0, 1, legalForm ? `${placeAfterStop[1]}.` : placeAfterStop[1]!, placeAfterStop[2]!);
  }
  let nameParts = 1;
  while (nameParts < parts.length && isNameContinuation(parts[nameParts]!, parts[0]!, lexicon)) nameParts++;
  // A legal form run into the address without a comma: "Kelvo Inc 6600 21st Avenue", "Co., Ltd No. 8 …".
  const runOn = LEGAL_FORM_THEN_ADDRESS.exec(parts[nameParts - 1] ?? '') ?? LEGAL_FORM_THEN_ADDRESS.exec(parts[nameParts] ?? '');
  if (runOn) {
    const index = LEGAL_FORM_THEN_ADDRESS.exec(parts[nameParts - 1] ?? '') ? nameParts - 1 : nameParts;
    parts.splice(index, 1, runOn[1]!, runOn[2]!);
    nameParts = index + 1;
  }
  return {
    name: cleanName(parts.slice(0, nameParts).join(',')),
    aliases: [],
    addresses: splitAddresses(parts.slice(nameParts).join(',')),
  };
}

/**
 * The list's own labels, sometimes left where an alias should be: "and the following two aliases",
 * "the follow three aliases", "the following six aliaes", "and seven subordinate institutions".
 * All in lower case and about aliases, entities or institutions: no listed name reads like that.
 */
function isListLabel(text: string): boolean {
  return /^(?:\p{Ll}[\p{L}-]*:?\s*)+$/u.test(text) && /\b(?:alias|aliaes|entit|subordinate)/i.test(text);
}
// "a.k.a." or "f.k.a." inside an alias: "JSC 'Almaz-Antey' MSDB, f.k.a., Otkrytoe …" is two names.
const AKA_INSIDE = /(?:^|,?\s+|,)\s*\b[af]\.k\.a\.?,?\s*/i;

/**
 * Cleans the aliases of a cell: labels dropped, "a.k.a."/"f.k.a." separated, and an address that
 * the source ran into an alias ("EMEC, Suite 7, Floor 6, …, Lahore") moved to the addresses.
 */
function cleanAliases(raw: readonly string[], lexicon: Lexicon): { aliases: string[]; addresses: string[] } {
  const aliases: string[] = [];
  const addresses: string[] = [];
  for (const text of raw) {
    for (const piece of text.split(AKA_INSIDE)) {
      // A lower-case "the" is the list's prose ("—the State Security Committee Alpha").
      const alias = cleanName(piece.replace(/^[\s,;]+/, '').replace(/^the\s+/, ''));
      if (!alias || isListLabel(alias)) continue;
      const split = splitAliasAddress(alias, lexicon);
      if (split.name) aliases.push(split.name);
      addresses.push(...split.addresses);
    }
  }
  return { aliases: dedupe(aliases), addresses };
}

/** An alias with an address after it: cut where the address starts, if a street or place follows. */
function splitAliasAddress(alias: string, lexicon: Lexicon): { name: string; addresses: string[] } {
  const parts = splitAtStreetNumber(splitTopLevel(alias.replace(/;/g, ','), ','));
  const isStreetOrPlace = (part: string) => ADDRESS_WORDS.test(part) || lexicon.isPlaceName(part.trim().toLowerCase().replace(/\s+/g, ' '));
  for (let i = 1; i < parts.length; i++) {
    // "Arzamas-16, (Address: 37 Mira Ave. Sarov, …)".
    if (/^\s*\(?\s*address(?:es)?\s*:/i.test(parts[i]!)) {
      return { name: cleanName(parts.slice(0, i).join(',')), addresses: splitAddresses(parts.slice(i).join(',').replace(/^\s*\(?\s*address(?:es)?\s*:\s*/i, '').replace(/\)\s*$/, '')) };
    }
    if (isNameContinuation(parts[i]!, parts[0]!, lexicon) || !looksLikeAddress(parts[i]!, lexicon)) continue;
    // "…, 13th Research Institute" has a number but is a sub-unit: an address names a street or a place.
    if (!parts.slice(i).some(isStreetOrPlace)) continue;
    return { name: cleanName(parts.slice(0, i).join(',')), addresses: splitAddresses(parts.slice(i).join(',')) };
  }
  return { name: alias, addresses: [] };
}

/**
 * "Joint Stock Company 766 UPTK. 1 Institutskaya Street", "More Shipyard. 1 Desantnikov Street":
 * a full stop, then a street number, splits the first comma-separated part in two.
 */
function splitAtStreetNumber(parts: string[]): string[] {
  const stop = /^(.*?[\p{L})'’”])\.\s+(\d.*)$/u.exec(parts[0] ?? '');
  if (stop && !KEEPS_FINAL_PERIOD.test(`${stop[1]}.`)) parts.splice(0, 1, stop[1]!, stop[2]!);
  return parts;
}

function dedupe(names: string[]): string[] {
  return [...new Set(names)];
}
