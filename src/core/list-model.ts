/**
 * The one data model every source (eCFR Part 744, trade.gov's Consolidated Screening List)
 * is turned into, and that the bundle, the background store and the UI read.
 */

/** Lists Listmark knows by name; CSL-only lists keep their CSL source code. */
export const LIST_IDS = [
  'entity-list',
  'meu-list',
  'unverified-list',
  'sdn-list',
  'denied-persons-list',
  'nonproliferation-sanctions',
  'debarred-parties',
  'other-csl',
] as const;
export type ListId = (typeof LIST_IDS)[number];

/** The lists of 15 CFR Part 744 (Supplements No. 4, 7 and 6): the eCFR text is their source. */
export const PART_744_LISTS: readonly ListId[] = ['entity-list', 'meu-list', 'unverified-list'];

export interface ListInfo {
  id: ListId;
  /** Short name shown in the UI. */
  name: string;
  /** One plain-language line on what being listed means. */
  meaning: string;
  /** The agency's page for the list. */
  officialUrl: string;
}

export const LISTS: Readonly<Record<ListId, ListInfo>> = {
  'entity-list': {
    id: 'entity-list',
    name: 'Entity List',
    meaning:
      'US Commerce (BIS) requires a licence to export, reexport or transfer specified items to this party; most applications face a presumption of denial.',
    officialUrl: 'https://www.ecfr.gov/current/title-15/subtitle-B/chapter-VII/subchapter-C/part-744/appendix-Supplement%20No.%204%20to%20Part%20744',
  },
  'meu-list': {
    id: 'meu-list',
    name: 'Military End-User List',
    meaning:
      'US Commerce (BIS) requires a licence to export certain listed items to this party because it is a military end user.',
    officialUrl: 'https://www.ecfr.gov/current/title-15/subtitle-B/chapter-VII/subchapter-C/part-744/appendix-Supplement%20No.%207%20to%20Part%20744',
  },
  'unverified-list': {
    id: 'unverified-list',
    name: 'Unverified List',
    meaning:
      'BIS could not verify this party’s bona fides in an end-use check; exports to it need extra due diligence and a UVL statement, and no licence exceptions apply.',
    officialUrl: 'https://www.ecfr.gov/current/title-15/subtitle-B/chapter-VII/subchapter-C/part-744/appendix-Supplement%20No.%206%20to%20Part%20744',
  },
  'sdn-list': {
    id: 'sdn-list',
    name: 'Specially Designated Nationals (OFAC)',
    meaning: 'US Treasury (OFAC) blocks this party’s property; US persons are generally prohibited from dealing with it.',
    officialUrl: 'https://sanctionssearch.ofac.treas.gov/',
  },
  'denied-persons-list': {
    id: 'denied-persons-list',
    name: 'Denied Persons List',
    meaning: 'BIS has denied this party export privileges; taking part in exports with it is prohibited.',
    officialUrl: 'https://www.bis.gov/dpl',
  },
  'nonproliferation-sanctions': {
    id: 'nonproliferation-sanctions',
    name: 'Nonproliferation Sanctions (State)',
    meaning: 'The State Department has imposed nonproliferation sanctions on this party.',
    officialUrl: 'https://www.state.gov/key-topics-bureau-of-international-security-and-nonproliferation/nonproliferation-sanctions/',
  },
  'debarred-parties': {
    id: 'debarred-parties',
    name: 'ITAR Debarred (State)',
    meaning: 'The State Department has debarred this party from taking part in defence-article exports.',
    officialUrl: 'https://www.pmddtc.state.gov/',
  },
  'other-csl': {
    id: 'other-csl',
    name: 'Consolidated Screening List',
    meaning: 'This party is on one of the US government screening lists gathered in trade.gov’s Consolidated Screening List.',
    officialUrl: 'https://www.trade.gov/consolidated-screening-list',
  },
};

/** A Federal Register citation such as `84 FR 54004, 10/9/19`. */
export interface Citation {
  volume: number;
  page: number;
  /** ISO date (YYYY-MM-DD), or null when the source gives none. */
  date: string | null;
  /** The citation as printed, cleaned of trailing punctuation. */
  text: string;
  url: string;
}

export interface Entry {
  /** Stable across snapshots: derived from list, country and listed name only. */
  id: string;
  list: ListId;
  /** Where it came from: `ecfr` (authoritative) or `csl`. */
  source: 'ecfr' | 'csl';
  /** Country heading as printed, e.g. `CHINA, PEOPLE'S REPUBLIC OF`; '' when unknown. */
  country: string;
  name: string;
  aliases: string[];
  addresses: string[];
  licenseRequirement: string;
  licenseReviewPolicy: string;
  citations: Citation[];
  /** Earliest citation date (ISO), or null. */
  firstListed: string | null;
  /** Footnote numbers printed against this row. */
  footnotes: number[];
  /** Free text the source attaches (CSL remarks, MEU parent body, ...). */
  notes: string;
}

export interface Footnote {
  list: ListId;
  number: number;
  text: string;
}
