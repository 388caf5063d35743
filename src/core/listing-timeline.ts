/**
 * Whether a page was written before or after the organisation it names was listed: the page's
 * publication day against the entry's first listing (its earliest Federal Register citation).
 * An article from before the listing may describe a company that nobody had restricted yet.
 */

export interface ListingTimeline {
  relation: 'before' | 'same-day' | 'after';
  /** Both ISO days (`YYYY-MM-DD`). */
  pageDate: string;
  firstListed: string;
}

/** Null when either day is unknown: then the card says nothing about when the page was written. */
export function compareWithListing(pageDate: string | null | undefined, firstListed: string | null): ListingTimeline | null {
  if (!pageDate || !firstListed) return null;
  const relation = pageDate < firstListed ? 'before' : pageDate === firstListed ? 'same-day' : 'after';
  return { relation, pageDate, firstListed };
}
