/**
 * The matcher: finds every variant in a text in one pass, whole words only, longest match
 * first, never overlapping. Variants are compiled into a trie over word hashes, so the hot loop
 * does one table lookup per character (folding) and one hash probe per word; candidates are
 * verified against the folded text (no false hits from hash collisions) and, for case-sensitive
 * variants, against the letters as written.
 */
import { LIST_IDS, type ListId } from './list-model';
import { caseKey, foldCode, IGNORABLE, normaliseName, normalisesTo, SEPARATOR, STANDALONE } from './normalise';
import { VARIANT_KINDS, type Variant, type VariantKind } from './variants';

/** The compiled form the background loads once: plain JSON, no rebuild of word data when its worker restarts. */
export interface MatcherData {
  format: 'listmark-matcher/2';
  /** Each variant as written. */
  variants: string[];
  /** Precomputed word hashes of every variant (see encodeWordHashes); optional. */
  wordHashes?: string;
  /** Per variant: entry index × 32 + (weak ? 16 : 0) + kind × 2 + (case-sensitive ? 1 : 0). */
  variantCodes: number[];
  entryIds: string[];
  /** Per entry: index into LIST_IDS. */
  entryLists: number[];
  /**
   * Words that, written just before a one-word name, make it part of another name ("China
   * Unicom", "Lake Baikal"): such a name is not reported there. Folded; optional.
   */
  namePrefixVetoes?: string[];
}

export interface Match {
  start: number;
  end: number;
  /** The variant that matched (the best-ranked one when several entries share the name). */
  variant: number;
  /** Every variant with this exact name: one per entry, e.g. the same organisation on two lists. */
  variants: number[];
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const NO_NODE = -1;
/** Matches in progress at once; each is a distinct start word, so 64 is far beyond real text. */
const MAX_ACTIVE = 64;

/** Fold classes of ASCII, kept in one small typed array for the hot loop. */
const ASCII_FOLD = new Uint16Array(128).map((_, c) => foldCode(c));

/** The hash of each word of each variant, with the same folding as findMatches. */
export function hashVariantWords(variants: readonly string[]): { hashes: Int32Array; counts: Uint8Array } {
  const hashes: number[] = [];
  const counts = new Uint8Array(variants.length);
  variants.forEach((text, v) => {
    const before = hashes.length;
    let inWord = false;
    let h = FNV_OFFSET;
    for (let i = 0; i < text.length; i++) {
      const f = foldCode(text.charCodeAt(i));
      if (f > STANDALONE) {
        if (!inWord) {
          inWord = true;
          h = FNV_OFFSET;
        }
        h = Math.imul(h ^ f, FNV_PRIME);
        continue;
      }
      if (f === IGNORABLE) continue;
      if (inWord) {
        hashes.push(h);
        inWord = false;
      }
      if (f === STANDALONE) hashes.push(Math.imul(FNV_OFFSET ^ text.charCodeAt(i), FNV_PRIME));
    }
    if (inWord) hashes.push(h);
    counts[v] = Math.min(255, hashes.length - before);
    hashes.length = before + counts[v]!;
  });
  return { hashes: Int32Array.from(hashes), counts };
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Counts (one byte per variant) then hashes (little-endian int32), base64. */
function encodeWordHashes(variants: readonly string[]): string {
  const { hashes, counts } = hashVariantWords(variants);
  const bytes = new Uint8Array(counts.length + hashes.length * 4);
  bytes.set(counts, 0);
  const view = new DataView(bytes.buffer);
  hashes.forEach((h, i) => view.setInt32(counts.length + i * 4, h, true));
  return toBase64(bytes);
}

function decodeWordHashes(encoded: string, variantCount: number): { hashes: Int32Array; counts: Uint8Array } {
  const bytes = fromBase64(encoded);
  const counts = bytes.subarray(0, variantCount);
  const view = new DataView(bytes.buffer, bytes.byteOffset + variantCount);
  const hashes = new Int32Array((bytes.length - variantCount) / 4);
  for (let i = 0; i < hashes.length; i++) hashes[i] = view.getInt32(i * 4, true);
  return { hashes, counts };
}

export function encodeMatcherData(
  variants: readonly Variant[],
  entries: readonly { id: string; list: ListId }[],
  namePrefixVetoes: readonly string[] = [],
): MatcherData {
  const texts = variants.map((v) => v.text);
  return {
    ...(namePrefixVetoes.length > 0 ? { namePrefixVetoes: [...namePrefixVetoes] } : {}),
    format: 'listmark-matcher/2',
    wordHashes: encodeWordHashes(texts),
    variants: texts,
    variantCodes: variants.map((v) => v.entryIndex * 32 + (v.weak ? 16 : 0) + VARIANT_KINDS.indexOf(v.kind) * 2 + (v.caseSensitive ? 1 : 0)),
    entryIds: entries.map((e) => e.id),
    entryLists: entries.map((e) => LIST_IDS.indexOf(e.list)),
  };
}

const PATRONYMIC = /^\p{L}{3,}(?:ovich|evich|ovna|evna)$/u;

/** Is this UTF-16 unit anything but a capital letter (a lower-case letter, a digit, a CJK character)? */
function isNotCapital(code: number): boolean {
  const ch = String.fromCharCode(code);
  return ch === ch.toLowerCase() || ch !== ch.toUpperCase();
}

/** Quotes and brackets compare by what they close: a text's ” closes a name listed with ". */
function closingKey(code: number): number {
  switch (code) {
    case 0x201d: case 0x201c: case 0x00bb: case 0x00ab: case 0x2033: return 34; // "
    case 0x2019: case 0x2018: return 39; // '
    case 0xff09: return 41; // )
    default: return code;
  }
}

// Legal forms as news writes them after a name: "Co", "Co.", "Co., Ltd.", "Corp", "Inc.", "LLC"…
const LEGAL_FORM_WORD =
  "(?:Co|Corp|Inc|Ltd|Ltda|Pte|Pvt|Pty|Bhd|Sdn|CO|CORP|INC|LTD|PTE|PVT|LLC|L\\.L\\.C|LLP|PLC|JSC|PJSC|OJSC|CJSC|OOO|AO|AD|EAD|GmbH|AG|KG|S\\.A|SA|SAS|SpA|S\\.L|SL|S\\.R\\.L|SRL|Srl|B\\.V|BV|N\\.V|NV|Kft|Zrt|FZE|FZCO|FZC|DMCC|Limited|Company|Corporation|Incorporated)\\.?";
const COMPANY_TYPE_AFTER = /^[ \u00a0]+(?:Technology|Technologies|Group|Holdings?|Electronics|Systems|Networks|Solutions|Industries|Semiconductors?|Microelectronics|Robotics)(?![\p{L}\p{N}-])/u;
const LEGAL_FORM_AFTER = new RegExp(`^,?[ \\u00a0]+${LEGAL_FORM_WORD}(?:,?[ \\u00a0]+${LEGAL_FORM_WORD}){0,2}(?![\\p{L}\\p{N}\\-])`, 'u');
/** How long the legal form written at `at` is ("Co., Ltd." after a name), or 0. */
export function legalFormAfter(text: string, at: number): number {
  // Most names are followed by something else: a space or comma and then a capital, or nothing.
  const next = text.charCodeAt(at);
  if (next !== 32 && next !== 44 && next !== 0xa0) return 0;
  const found = LEGAL_FORM_AFTER.exec(text.slice(at, at + 40))?.[0];
  if (!found) return 0;
  // A form Russian names put first, followed by a capitalised word, starts the next name:
  // "Irkut Corporation, JSC TsNIIMash".
  if (LEADS_NEXT_NAME.test(text.slice(at + found.length, at + found.length + 3))) {
    const lead = LEADING_FORM_AT_END.exec(found);
    if (lead) return lead.index;
  }
  return found.length;
}
const LEADING_FORM_WORD = '(?:JSC|PJSC|OJSC|CJSC|OOO|AO|ZAO|OAO|PAO)';
const LEADING_FORM_AT_END = new RegExp(`,?[ \\u00a0]+${LEADING_FORM_WORD}\\.?$`, 'u');
const LEADS_NEXT_NAME = /^[ \u00a0]+[\p{Lu}"“«]/u;
/** Where a legal form Russian names put first ("JSC United Shipbuilding Corporation") starts right before `at`, or `at`. */
export function legalFormBefore(text: string, at: number): number {
  const from = Math.max(0, at - 64);
  const before = LEGAL_FORM_BEFORE.exec((from === 0 ? ' ' : '') + text.slice(from, at));
  return before ? at - before[0].length + 1 : at;
}
// Russian forms spelled out in transliteration, also as news misspells them ("Aktsionernoe Obshchchestvo").
const TRANSLITERATED_FORM = '(?:(?:Zakrytoe |Otkrytoe |Publichnoe |Nepublichnoe )?Aktsionernoe Obshch[a-z]{3,8}|Obshch[a-z]{3,8} [Ss] Ogranichennoi Otvetstvennostyu)';
const LEADING_FORM = `(?:${LEADING_FORM_WORD}|(?:Public |Open |Closed )?Joint[ -]Stock Company|${TRANSLITERATED_FORM})`;
const LEGAL_FORM_BEFORE = new RegExp(`[^\\p{L}\\p{N}.\\-]${LEADING_FORM}[ \\u00a0]+$`, 'u');
const LEGAL_FORM_FIRST = new RegExp(`^${LEADING_FORM}\\s`, 'u');
const LEGAL_FORM_AT_END = new RegExp(`(?:^|[\\s,])${LEGAL_FORM_WORD}$`, 'iu');

/**
 * Kinds of company a legal form says, as folded words: a name listed as a Russian joint-stock
 * company and written with "Inc." or "LLC" after it is another company sharing the brand
 * ("Kaspersky Lab, Inc.", the US arm of AO Kaspersky Lab). Forms of one kind are interchangeable
 * ("Co." for "Corporation").
 */
const LEGAL_FORM_KINDS: Record<string, string> = {};
for (const [kind, forms] of Object.entries({
  'joint-stock': 'jsc ojsc cjsc pjsc ao oao zao pao aktsionernoe',
  'limited-liability': 'llc ooo',
  company: 'co company corp corporation inc incorporated ltd limited plc pte pvt pty bhd sdn',
  'societe-anonyme': 'sa sas sarl spa srl sl',
  gmbh: 'gmbh ag kg',
  'free-zone': 'fze fzco fzc dmcc',
  dutch: 'bv nv',
  hungarian: 'kft zrt',
  bulgarian: 'ad ead',
})) {
  for (const form of forms.split(' ')) LEGAL_FORM_KINDS[form] ??= kind;
}

/** The kinds of company the legal forms in `text` say (folded words looked up one by one; "S.A." as two letters says none). */
function legalFormKinds(text: string): Set<string> {
  const kinds = new Set<string>();
  // "Joint Stock Company" is one form, not a company of the Anglo-Chinese kind.
  const folded = normaliseName(text).replace(/\b(?:(?:public|open|closed) )?joint stock company\b/g, 'jsc').replace(/\blimited liability company\b/g, 'llc');
  for (const word of folded.split(' ')) {
    const kind = LEGAL_FORM_KINDS[word];
    if (kind) kinds.add(kind);
  }
  return kinds;
}

/**
 * A span reads as one name: no paragraph break or list bullet inside it (text joined from
 * separate blocks or items), and no bracket left open ("Air Weapons Complex (AWC, Islamabad"
 * holds the name and, separately, its acronym).
 */
function isOneName(text: string, start: number, end: number): boolean {
  let open = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 40 || c === 0xff08) open++;
    else if ((c === 41 || c === 0xff09) && open > 0) open--;
    else if (c === 0x2022 || c === 0x25cf || c === 0x25aa) return false; // • ● ▪
    else if (c === 10 && /^[ \t\r]*\n/.test(text.slice(i + 1, i + 8))) return false;
  }
  return open === 0;
}

/** End of the last word character before `end` (skips trailing ignorable characters). */
function lastWordChar(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && foldCode(text.charCodeAt(e - 1)) === IGNORABLE) e--;
  return e;
}

export class Matcher {
  private readonly data: MatcherData;
  // Trie transitions in one open-addressing table keyed by (parent node, word hash).
  private readonly slotParent: Int32Array;
  private readonly slotHash: Int32Array;
  private readonly slotChild: Int32Array;
  private readonly mask: number;
  /** Per node: first variant ending here, or NO_NODE. */
  private readonly terminal: Int32Array;
  /**
   * Per first-word node: 1 if every variant starting there must be written with a capital
   * (case-sensitive names: weak ones, acronyms), so a word in lower case starts no match. Weak
   * names are everyday words; without this, each "progress" or "era" of a page was a candidate.
   */
  private readonly capitalOnly: Uint8Array;
  /** Per node: has children, so a match in progress can continue. */
  private readonly hasChildren: Uint8Array;
  private readonly activeNode = new Int32Array(MAX_ACTIVE);
  private readonly activeStart = new Int32Array(MAX_ACTIVE);
  /** Bit per (high half of a) word hash that starts some variant. */
  private readonly rootFilter = new Uint32Array(2048);
  /** Per variant: next variant with the same folded name. */
  private readonly nextSameName: Int32Array;
  private readonly foldedKeys: (string | undefined)[];
  private readonly namePrefixVetoes: Set<string>;
  private readonly caseKeys: (string | undefined)[];
  /** Per variant, worked out when first matched: where its closing punctuation starts, whether it ends in a legal form, whether it is one capitalised word. */
  private readonly tailStart: (number | undefined)[] = [];
  /** Per entry, the kinds of company its listed names and aliases say (see isOtherCompanyForm). */
  private entryFormKinds: Map<number, Set<string>> | undefined;
  private readonly endsInLegalForm: (boolean | undefined)[] = [];
  private readonly capitalisedWord: (boolean | undefined)[] = [];
  private readonly leadingLegalForm: (boolean | undefined)[] = [];

  constructor(data: MatcherData) {
    if (data.format !== 'listmark-matcher/2') throw new Error(`Unknown matcher format: ${String(data.format)}`);
    this.data = data;
    this.namePrefixVetoes = new Set(data.namePrefixVetoes ?? []);
    const variantCount = data.variants.length;
    // Word hashes come precomputed in the bundle (compiling them per tab costs more than the
    // rest of loading); data without them is hashed here, the same way.
    const { hashes, counts } = data.wordHashes ? decodeWordHashes(data.wordHashes, variantCount) : hashVariantWords(data.variants);
    const totalWords = hashes.length;
    let size = 1024;
    while (size < totalWords * 2) size <<= 1;
    this.mask = size - 1;
    this.slotParent = new Int32Array(size).fill(NO_NODE);
    this.slotHash = new Int32Array(size);
    this.slotChild = new Int32Array(size);
    const terminal = new Int32Array(totalWords + 1).fill(NO_NODE);
    const hasChildren = new Uint8Array(totalWords + 1);
    this.nextSameName = new Int32Array(variantCount).fill(NO_NODE);
    this.foldedKeys = new Array<string | undefined>(variantCount);
    this.caseKeys = new Array<string | undefined>(variantCount);
    const lastInGroup = new Int32Array(totalWords + 1).fill(NO_NODE);
    let nodeCount = 1;
    let w = 0;
    const capitalOnly = new Uint8Array(totalWords + 1);
    for (let v = 0; v < variantCount; v++) {
      let node = 0;
      for (let k = counts[v]!; k > 0; k--) {
        const h = hashes[w++]!;
        let child = this.lookup(node, h);
        if (child === NO_NODE) {
          child = nodeCount++;
          this.insert(node, h, child);
          hasChildren[node] = 1;
          if (node === 0) this.rootFilter[(h >>> 16) >>> 5]! |= 1 << ((h >>> 16) & 31);
        }
        if (node === 0) {
          const first = data.variants[v]!.charAt(0);
          const needsCapital = (data.variantCodes[v]! & 1) === 1 && first !== first.toLowerCase();
          // 1: every variant starting with this word is written with a capital; 2: not all are.
          if (capitalOnly[child] !== 2) capitalOnly[child] = needsCapital ? 1 : 2;
        }
        node = child;
      }
      if (node === 0) continue;
      if (terminal[node] === NO_NODE) terminal[node] = v;
      else this.nextSameName[lastInGroup[node]!] = v;
      lastInGroup[node] = v;
    }
    this.terminal = terminal.subarray(0, nodeCount);
    this.capitalOnly = capitalOnly.subarray(0, nodeCount);
    this.hasChildren = hasChildren.subarray(0, nodeCount);
  }

  get variantCount(): number {
    return this.data.variants.length;
  }

  variantText(v: number): string {
    return this.data.variants[v]!;
  }

  variantKind(v: number): VariantKind {
    return VARIANT_KINDS[(this.data.variantCodes[v]! >> 1) & 7]!;
  }

  isCaseSensitive(v: number): boolean {
    return (this.data.variantCodes[v]! & 1) === 1;
  }

  /** A weak name counts only with evidence on the same page (see core/evidence). */
  isWeak(v: number): boolean {
    return (this.data.variantCodes[v]! & 16) === 16;
  }

  entryIndex(v: number): number {
    return Math.floor(this.data.variantCodes[v]! / 32);
  }

  entryId(v: number): string {
    return this.data.entryIds[this.entryIndex(v)]!;
  }

  entryList(v: number): ListId {
    return LIST_IDS[this.data.entryLists[this.entryIndex(v)]!]!;
  }

  private lookup(parent: number, h: number): number {
    let slot = (Math.imul(parent, 0x9e3779b1) ^ h) & this.mask;
    for (;;) {
      const p = this.slotParent[slot]!;
      if (p === NO_NODE) return NO_NODE;
      if (p === parent && this.slotHash[slot] === h) return this.slotChild[slot]!;
      slot = (slot + 1) & this.mask;
    }
  }

  private insert(parent: number, h: number, child: number): void {
    let slot = (Math.imul(parent, 0x9e3779b1) ^ h) & this.mask;
    while (this.slotParent[slot] !== NO_NODE) slot = (slot + 1) & this.mask;
    this.slotParent[slot] = parent;
    this.slotHash[slot] = h;
    this.slotChild[slot] = child;
  }

  /**
   * A one-word name (not an acronym) right after a capitalised country name, a geographic noun or a first name,
   * with only spaces between, is part of another name: "China Unicom", "Lake Baikal".
   */
  private isPartOfAnotherName(text: string, start: number, variant: number): boolean {
    if (this.namePrefixVetoes.size === 0 || this.variantKind(variant) === 'acronym') return false;
    if ((this.foldedKeys[variant] ??= normaliseName(this.data.variants[variant]!)).includes(' ')) return false;
    let end = start;
    while (end > 0 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 0xa0)) end--;
    if (end === start || end === 0) return false;
    let begin = end;
    while (begin > 0 && foldCode(text.charCodeAt(begin - 1)) > STANDALONE) begin--;
    if (begin === end || !/^\p{Lu}/u.test(text[begin]!)) return false;
    const before = normaliseName(text.slice(begin, end));
    // A patronymic ("Yevgeny Valentinovich Kaspersky") makes the name a person's surname.
    return this.namePrefixVetoes.has(before) || PATRONYMIC.test(before);
  }

  private isLowerCaseProperName(text: string, start: number, end: number, v: number): boolean {
    let capitalised = this.capitalisedWord[v];
    if (capitalised === undefined) {
      const name = this.data.variants[v]!;
      const first = name.charAt(0);
      capitalised = this.capitalisedWord[v] = first !== first.toLowerCase() && !(this.foldedKeys[v] ??= normaliseName(name)).includes(' ');
    }
    if (!capitalised) return false;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c < 128 ? c >= 65 && c <= 90 : String.fromCharCode(c) !== String.fromCharCode(c).toLowerCase()) return false;
    }
    return true;
  }

  /** The variants ending at a node that the text really spells (hash collisions and case ruled out). */
  private verify(text: string, start: number, end: number, node: number): number[] {
    const out: number[] = [];
    let lettersAsWritten: string | undefined;
    for (let v = this.terminal[node]!; v !== NO_NODE; v = this.nextSameName[v]!) {
      const key = (this.foldedKeys[v] ??= normaliseName(this.data.variants[v]!));
      if (!normalisesTo(text, start, end, key)) continue;
      // A one-word name written with a capital is a proper name: in lower case the same letters
      // are a word of the text ("supercomputing", "avant", "ourang-outang").
      if (this.isLowerCaseProperName(text, start, end, v)) continue;
      if (this.isCaseSensitive(v)) {
        lettersAsWritten ??= caseKey(text.slice(start, end));
        if ((this.caseKeys[v] ??= caseKey(this.data.variants[v]!)) !== lettersAsWritten) continue;
      }
      out.push(v);
    }
    return out;
  }

  /**
   * Where a match ends as a reader sees it: with the closing bracket, quote or full stop its name
   * ends in ("ACM Research (Shanghai)", "Co., Ltd."), and with a legal form written right after a
   * name listed without one ("Semiconductor Manufacturing International Corp.").
   */
  private extendName(text: string, end: number, variant: number): number {
    const name = this.data.variants[variant]!;
    let tail = this.tailStart[variant];
    if (tail === undefined) {
      tail = name.length;
      while (tail > 0 && foldCode(name.charCodeAt(tail - 1)) === SEPARATOR) tail--;
      this.tailStart[variant] = tail;
    }
    let i = end;
    for (let k = tail; k < name.length && i < text.length; k++) {
      const wanted = name.charCodeAt(k);
      if (wanted === 32) continue;
      if (closingKey(text.charCodeAt(i)) !== closingKey(wanted)) break;
      i++;
    }
    if (i > end && !(this.endsInLegalForm[variant] ??= LEGAL_FORM_AT_END.test(name))) return i;
    // The kind of company written after a name listed without it ("SenseNets Technology").
    if (i === end && !(this.endsInLegalForm[variant] ??= LEGAL_FORM_AT_END.test(name))) i += COMPANY_TYPE_AFTER.exec(text.slice(i, i + 24))?.[0].length ?? 0;
    // A legal form written after the name, also after one it is listed with ("… Corporation
    // Incorporated"), is the caller's to add.
    return i;
  }

  /**
   * Does the legal form written after a name say another kind of company than every form the
   * entry is listed with? Worked out per entry when first needed: most pages never ask.
   */
  private isOtherCompanyForm(variant: number, writtenForm: string): boolean {
    const written = legalFormKinds(writtenForm);
    if (written.size === 0) return false;
    if (!this.entryFormKinds) {
      const byEntry = new Map<number, Set<string>>();
      for (let v = 0; v < this.data.variants.length; v++) {
        const kind = this.variantKind(v);
        if (kind !== 'listed' && kind !== 'alias') continue;
        const entry = this.entryIndex(v);
        const kinds = byEntry.get(entry) ?? new Set<string>();
        for (const k of legalFormKinds(this.data.variants[v]!)) kinds.add(k);
        byEntry.set(entry, kinds);
      }
      this.entryFormKinds = byEntry;
    }
    const listed = this.entryFormKinds.get(this.entryIndex(variant));
    if (!listed || listed.size === 0) return false;
    for (const k of written) if (listed.has(k)) return false;
    return true;
  }

  /** Where a match starts as a reader sees it: with the opening bracket or quote its name starts with ("'Wolf' Holding …"). */
  private extendStart(text: string, start: number, variant: number): number {
    const name = this.data.variants[variant]!;
    let lead = 0;
    while (lead < name.length && name.charCodeAt(lead) !== 32 && foldCode(name.charCodeAt(lead)) === SEPARATOR) lead++;
    let i = start;
    for (let k = lead - 1; k >= 0 && i > 0 && closingKey(text.charCodeAt(i - 1)) === closingKey(name.charCodeAt(k)); k--) i--;
    return i;
  }

  private startsWithLegalForm(variant: number): boolean {
    return (this.leadingLegalForm[variant] ??= LEGAL_FORM_FIRST.test(this.data.variants[variant]!));
  }

  /** Matches in progress during findMatches: how many of activeNode/activeStart are in use. */
  private activeCount = 0;

  /** Every match in the text, in order, longest first where they would overlap. */
  findMatches(text: string): Match[] {
    const candidates = this.scan(text);
    return candidates.length === 0 ? [] : this.resolve(text, candidates);
  }

  /**
   * Candidates as flat triples (start, end, trie node), for resolve() to settle. A function of
   * its own, so that what V8 compiles for the hot loop does not depend on whether resolve() has
   * run yet when it does (which made the speed differ by 30% from one process to the next).
   */
  private scan(text: string): number[] {
    const candidates: number[] = [];
    this.activeCount = 0;
    const ascii = ASCII_FOLD;
    const n = text.length;
    let i = 0;
    // The fast path reads ASCII only: per character a read, a table lookup and a hash step.
    // A word with any other character is finished by scanWord, which folds through the full
    // table; keeping that out of this loop keeps the loop small enough for V8 to compile it the
    // same, fast, way every time.
    while (i < n) {
      let c = text.charCodeAt(i);
      if (c >= 128) {
        i = this.scanWord(text, i, i, FNV_OFFSET, candidates);
        continue;
      }
      const first = ascii[c]!;
      if (first === SEPARATOR) {
        i++;
        continue;
      }
      const wordStart = i;
      let h = Math.imul(FNV_OFFSET ^ first, FNV_PRIME);
      for (i++; i < n; i++) {
        c = text.charCodeAt(i);
        if (c >= 128) break;
        const f = ascii[c]!;
        if (f === SEPARATOR) break;
        h = Math.imul(h ^ f, FNV_PRIME);
      }
      if (c >= 128 && i < n) i = this.scanWord(text, wordStart, i, h, candidates);
      // A letter folds to itself exactly when it is not a capital.
      else if (this.activeCount > 0 || this.mayStartVariant(h)) this.endWord(wordStart, i, h, this.startingNode(h, first === text.charCodeAt(wordStart)), candidates);
    }
    return candidates;
  }

  /** Most words of a page start no variant: an 8 KB bit filter answers that without a probe. */
  private mayStartVariant(h: number): boolean {
    return (this.rootFilter[h >>> 21]! & (1 << ((h >>> 16) & 31))) !== 0;
  }

  /**
   * The general path, for text that is not plain ASCII: goes on with the word begun at
   * `wordStart` (hashed up to `from`; no word yet if they are equal) or, outside a word, takes
   * one character (a separator, or a CJK character, which is a word of its own). Returns where
   * scanning goes on.
   */
  private scanWord(text: string, wordStart: number, from: number, hashSoFar: number, candidates: number[]): number {
    const n = text.length;
    let start = wordStart;
    let h = hashSoFar;
    let inWord = from > wordStart;
    // Zero-width characters inside a word; rare, so the word's end is worked out only then.
    let sawIgnorable = false;
    let i = from;
    for (; i < n; i++) {
      const f = foldCode(text.charCodeAt(i));
      if (f > STANDALONE) {
        if (!inWord) {
          inWord = true;
          start = i;
          h = FNV_OFFSET;
        }
        h = Math.imul(h ^ f, FNV_PRIME);
      } else if (f === IGNORABLE) {
        if (inWord) sawIgnorable = true;
      } else break;
    }
    if (inWord) {
      if (this.activeCount > 0 || this.mayStartVariant(h)) {
        this.endWord(start, sawIgnorable ? lastWordChar(text, start, i) : i, h, this.startingNode(h, isNotCapital(text.charCodeAt(start))), candidates);
      }
      return i; // the separator or CJK character after the word is read next
    }
    if (i < n && foldCode(text.charCodeAt(i)) === STANDALONE) {
      const sh = Math.imul(FNV_OFFSET ^ text.charCodeAt(i), FNV_PRIME);
      this.endWord(i, i + 1, sh, this.rootChild(sh), candidates);
    }
    return i + 1;
  }

  /**
   * The node a word starts a match at, or NO_NODE: none where every name it starts is written
   * with a capital and the word does not start with one.
   */
  private startingNode(h: number, startsWithoutCapital: boolean): number {
    const node = this.rootChild(h);
    return node !== NO_NODE && startsWithoutCapital && this.capitalOnly[node] === 1 ? NO_NODE : node;
  }

  /** The root's child for a word hash (the root is node 0, so the slot is the hash itself). */
  private rootChild(h: number): number {
    const { slotParent, slotHash, mask } = this;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const p = slotParent[slot]!;
      if (p === NO_NODE) return NO_NODE;
      if (p === 0 && slotHash[slot] === h) return this.slotChild[slot]!;
    }
  }

  /** A word ended: advance matches in progress, and start one if a variant begins with it. */
  private endWord(start: number, end: number, h: number, rootChild: number, candidates: number[]): void {
    const { activeNode, activeStart, terminal, hasChildren } = this;
    let kept = 0;
    for (let a = 0; a < this.activeCount; a++) {
      const child = this.lookup(activeNode[a]!, h);
      if (child === NO_NODE) continue;
      if (terminal[child] !== NO_NODE) candidates.push(activeStart[a]!, end, child);
      if (hasChildren[child]) {
        activeNode[kept] = child;
        activeStart[kept] = activeStart[a]!;
        kept++;
      }
    }
    if (rootChild !== NO_NODE) {
      if (terminal[rootChild] !== NO_NODE) candidates.push(start, end, rootChild);
      if (hasChildren[rootChild] && kept < MAX_ACTIVE) {
        activeNode[kept] = rootChild;
        activeStart[kept] = start;
        kept++;
      }
    }
    this.activeCount = kept;
  }

  /**
   * Keeps the longest of overlapping candidates ("SMIC Beijing Lode Technology Company, Ltd." is
   * one name, not "SMIC Beijing" and a remainder), then reports them in text order.
   */
  private resolve(text: string, candidates: number[]): Match[] {
    const starts: number[] = [];
    const ends: number[] = [];
    const nodes: number[] = [];
    for (let c = 0; c < candidates.length; c += 3) {
      starts.push(candidates[c]!);
      ends.push(candidates[c + 1]!);
      nodes.push(candidates[c + 2]!);
    }
    const order = starts.map((_, i) => i);
    order.sort((a, b) => starts[a]! - starts[b]! || ends[b]! - ends[a]!);
    const out: Match[] = [];
    // Overlapping candidates form small clusters; each is settled longest first.
    for (let i = 0; i < order.length; ) {
      const cluster = [order[i]!];
      let clusterEnd = ends[order[i]!]!;
      for (i++; i < order.length && starts[order[i]!]! < clusterEnd; i++) {
        cluster.push(order[i]!);
        clusterEnd = Math.max(clusterEnd, ends[order[i]!]!);
      }
      if (cluster.length > 1) cluster.sort((a, b) => ends[b]! - starts[b]! - (ends[a]! - starts[a]!) || starts[a]! - starts[b]!);
      const kept: Match[] = [];
      // Spans that name another company (see isOtherCompanyForm): no shorter name inside them counts either.
      const otherCompanies: [number, number][] = [];
      for (const c of cluster) {
        if (kept.some((m) => starts[c]! < m.end && m.start < ends[c]!)) continue;
        if (otherCompanies.some(([s, e]) => starts[c]! < e && s < ends[c]!)) continue;
        const variants = this.verify(text, starts[c]!, ends[c]!, nodes[c]!);
        if (variants.length === 0 || this.isPartOfAnotherName(text, starts[c]!, variants[0]!)) continue;
        const nameEnd = this.extendName(text, ends[c]!, variants[0]!);
        const end = nameEnd + legalFormAfter(text, nameEnd);
        if (!isOneName(text, starts[c]!, end)) continue;
        if (end > nameEnd && this.isOtherCompanyForm(variants[0]!, text.slice(nameEnd, end))) {
          otherCompanies.push([starts[c]!, end]);
          continue;
        }
        kept.push({ start: starts[c]!, end, variant: variants[0]!, variants });
      }
      if (kept.length > 1) kept.sort((a, b) => a.start - b.start);
      for (const m of kept) {
        // A legal form written first belongs to the name, unless it ends the name before.
        const start = legalFormBefore(text, m.start);
        if (start < m.start && !(out.length > 0 && out[out.length - 1]!.end > start) && !this.startsWithLegalForm(m.variant)) m.start = start;
        const opening = this.extendStart(text, m.start, m.variant);
        if (opening < m.start && !(out.length > 0 && out[out.length - 1]!.end > opening)) m.start = opening;
        out.push(m);
      }
    }
    return out;
  }

}
