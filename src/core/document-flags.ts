/**
 * What Listmark flags in one document made of several texts (a PDF's pages, a file's blocks): the
 * background's answers (core/name-finder) filtered by the user's settings, with the evidence
 * rule (core/evidence) over the whole document. Answers may arrive a batch at a time; a weak name
 * waits for evidence from any text of the document, before or after it. Used by the PDF viewer and,
 * through scripts/document-flags, by `npm run scan` and `npm run quality`.
 */
import { EvidenceLedger, type Evidence } from './evidence';
import type { FoundNames, VariantInfo } from './name-finder';

export interface Flag {
  /** Which of the document's texts, and where in it. */
  textIndex: number;
  start: number;
  end: number;
  text: string;
  /** The variant that matched, then the others with the same name. */
  variants: VariantInfo[];
  /** Every entry the name may stand for, in the order of `variants`. */
  entryIds: string[];
  /** For a weak name, what made it count (set by `evidenceOf`). */
  evidence?: Evidence;
}

export class DocumentFlagger {
  private readonly ledger = new EvidenceLedger<Flag>();

  constructor(
    /** Which variants count (the extension's settings: lists, short forms, dismissals). */
    private readonly accept: (variant: VariantInfo) => boolean,
    /** Called for each flag as it comes to count: at once, or when its evidence arrives. */
    private readonly onCount: (flag: Flag) => void,
  ) {}

  /** Records the answer `found` for `texts`, the document's texts from index `first` on. */
  add(first: number, texts: readonly string[], found: FoundNames): void {
    found.matches.forEach((matches, i) => {
      const textIndex = first + i;
      for (const match of matches) {
        const variants: VariantInfo[] = [];
        for (let k = 3; k < match.length; k++) {
          const info = found.variants[match[k]!];
          if (info && this.accept(info)) variants.push(info);
        }
        if (variants.length === 0) continue;
        const [start, end, definition] = match as [number, number, number];
        const text = texts[i]!.slice(start, end);
        const entryIds = variants.length === 1 ? [variants[0]!.entryId] : [...new Set(variants.map((v) => v.entryId))];
        const flag: Flag = { textIndex, start, end, text, variants, entryIds };
        const weak = variants[0]!.weak;
        const definedAs = definition >= 0 ? found.definitions[definition] : undefined;
        this.ledger.add(flag, definedAs !== undefined ? { entryIds, weak, text, definedAs } : { entryIds, weak, text }, this.onCount);
        if (definedAs !== undefined && weak) flag.evidence = { kind: 'definition', text: definedAs };
      }
    });
  }

  /** Why a counted weak flag counts (undefined for a strong one). */
  evidenceOf(flag: Flag): Evidence | undefined {
    if (!flag.variants[0]!.weak) return undefined;
    return flag.evidence ?? this.ledger.evidenceFor(flag.entryIds);
  }

  /** Weak mentions still waiting for evidence. */
  get waitingCount(): number {
    return this.ledger.waitingCount;
  }
}
