/**
 * The evidence rule, one for the extension (a document is one frame's page) and for `scan` (a
 * document is one file): a weak name (core/variants: a word, a first name, a short acronym…)
 * counts only where the same document also names the organisation with a strong name, before
 * or after it, or defines it in the text (core/name-finder: in brackets right after another of
 * its names, "Positive Technologies (PT)"; or, for a short acronym, right after a noun saying
 * what kind of organisation it is, "drone maker DJI").
 */

/** Why a weak name counts. */
export interface Evidence {
  kind: 'strong-name' | 'definition';
  /** The text that gave the evidence: the strong name as written, or the definition's long form. */
  text: string;
}

/** What the ledger needs to know of a found name. */
export interface FoundName {
  /** Every entry the name may stand for. */
  entryIds: readonly string[];
  weak: boolean;
  /** Where a weak name is defined in the text, the long form it abbreviates. */
  definedAs?: string;
  /** The name as written. */
  text: string;
}

/**
 * Keeps, for one document, which organisations are named with evidence, and the weak mentions
 * that wait for it. Mentions are the caller's own objects; the ledger only hands them back.
 */
export class EvidenceLedger<T> {
  private readonly evidence = new Map<string, Evidence>();
  private readonly waiting = new Map<string, Set<T>>();
  private readonly waitingIds = new Map<T, readonly string[]>();

  /**
   * Records a found name and calls `counts` for what counts now: the mention itself if it is
   * strong, defined or already backed, then every waiting weak mention it backs; nothing if it
   * must wait. (A callback, not a list: a long page records tens of thousands.)
   */
  add(mention: T, found: FoundName, counts: (mention: T) => void): void {
    if (found.weak && found.definedAs === undefined) {
      if (this.evidenceFor(found.entryIds)) return counts(mention);
      for (const id of found.entryIds) {
        let set = this.waiting.get(id);
        if (!set) this.waiting.set(id, (set = new Set()));
        set.add(mention);
      }
      this.waitingIds.set(mention, found.entryIds);
      return;
    }
    counts(mention);
    for (const id of found.entryIds) {
      if (!this.evidence.has(id)) this.evidence.set(id, found.weak ? { kind: 'definition', text: found.definedAs! } : { kind: 'strong-name', text: found.text });
      const waiting = this.waiting.get(id);
      if (!waiting) continue;
      for (const waiter of [...waiting]) {
        this.forget(waiter);
        counts(waiter);
      }
    }
  }

  /** The evidence for the first of these entries that has any. */
  evidenceFor(entryIds: readonly string[]): Evidence | undefined {
    for (const id of entryIds) {
      const found = this.evidence.get(id);
      if (found) return found;
    }
    return undefined;
  }

  /** Stops a weak mention from waiting (its text changed or went away). */
  forget(mention: T): void {
    for (const id of this.waitingIds.get(mention) ?? []) {
      const set = this.waiting.get(id);
      set?.delete(mention);
      if (set?.size === 0) this.waiting.delete(id);
    }
    this.waitingIds.delete(mention);
  }

  /** Weak mentions still waiting for evidence. */
  get waitingCount(): number {
    return this.waitingIds.size;
  }
}
