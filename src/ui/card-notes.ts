/**
 * The card's sentences about time: when the page was written against when the organisation was
 * listed, and the Affiliates rule as the data's text states it on the data's date. Built here as
 * text with an optional citation link, so the card only lays them out.
 */
import { describeAffiliatesRule, type AffiliatesRule } from '../core/affiliates-rule';
import { formatDay } from '../core/format-date';
import { compareWithListing } from '../core/listing-timeline';
import type { EntryDetails } from '../core/protocol';
import { t } from '../platform/i18n';

export interface CardNote {
  text: string;
  /** A part of `text` to show as a link (a Federal Register citation). */
  link?: { text: string; url: string };
}

/** "Removed from the Entity List on DATE (citation)", for an entry an update removed; else null. */
export function removedNote(entry: Pick<EntryDetails, 'listName' | 'removed'>): CardNote | null {
  if (!entry.removed) return null;
  const { on, by } = entry.removed;
  if (!by) return { text: t('cardRemovedOnNoRule', entry.listName, on) };
  return { text: t('cardRemovedOn', entry.listName, on, by.text), link: { text: by.text, url: by.url } };
}

/** Null where the page gives no date or the entry no listing date: then the card says nothing. */
export function listingTimelineNote(pageDate: string | null | undefined, firstListed: string | null): CardNote | null {
  const timeline = compareWithListing(pageDate, firstListed);
  if (!timeline) return null;
  const page = formatDay(timeline.pageDate);
  const listed = formatDay(timeline.firstListed);
  switch (timeline.relation) {
    case 'before':
      return { text: t('cardDatedBefore', page, listed) };
    case 'same-day':
      return { text: t('cardDatedSameDay', page) };
    case 'after':
      return { text: t('cardDatedAfter', page, listed) };
  }
}

/** Null for a list whose text states no Affiliates rule (the Unverified List, or a text without it). */
export function affiliatesRuleNote(rule: AffiliatesRule | undefined, dataDate: string): CardNote | null {
  if (!rule) return null;
  const statement = describeAffiliatesRule(rule, dataDate);
  const date = formatDay(statement.dataDate);
  if (statement.kind === 'applies') return { text: t('cardAffiliatesApplies', date, statement.section) };
  const link = { text: statement.citation, url: statement.citationUrl };
  const { section, citation } = statement;
  const until = statement.until === null ? null : formatDay(statement.until);
  switch (statement.kind) {
    case 'stayed':
      return { text: until ? t('cardAffiliatesStayed', date, section, until, citation) : t('cardAffiliatesStayedNoEnd', date, section, citation), link };
    case 'partly-stayed':
      return { text: until ? t('cardAffiliatesPartlyStayed', date, section, until, citation) : t('cardAffiliatesPartlyStayedNoEnd', date, section, citation), link };
    case 'stay-ended':
      return { text: t('cardAffiliatesStayEnded', date, section, formatDay(statement.until), citation), link };
  }
}
