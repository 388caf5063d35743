/**
 * User settings: their shape, defaults, and how any stored value (corrupt, out of range, or
 * written by an older version) becomes a valid one. Never throws: a bad value falls back to
 * its default, field by field, so one broken field does not cost the others.
 */
import { LIST_IDS, type ListId } from './list-model';

export const SETTINGS_VERSION = 1;

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** Master switch, all sites. */
  enabled: boolean;
  /** Hostnames where Listmark is off. */
  disabledSites: string[];
  /** Lists whose entries are flagged. */
  lists: ListId[];
  /** Also flag derived short forms ("Hikvision" for the listed legal name), not only listed names and aliases. */
  includeShortForms: boolean;
  /** `marker`: tinted background and underline; `underline`: underline only. */
  highlightStyle: HighlightStyle;
  /** Also show, muted, organisations an update removed from a list, with when (off by default). */
  showRemoved: boolean;
}

export const HIGHLIGHT_STYLES = ['marker', 'underline'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  version: SETTINGS_VERSION,
  enabled: true,
  disabledSites: [],
  lists: [...LIST_IDS],
  includeShortForms: true,
  highlightStyle: 'marker',
  showRemoved: false,
});

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

const HOSTNAME = /^[a-z0-9.-]{1,253}$/;

export function parseSettings(raw: unknown): Settings {
  const value = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const settings: Settings = { ...DEFAULT_SETTINGS, disabledSites: [], lists: [...DEFAULT_SETTINGS.lists] };
  if (typeof value.enabled === 'boolean') settings.enabled = value.enabled;
  if (isStringArray(value.disabledSites)) {
    settings.disabledSites = [...new Set(value.disabledSites.map((s) => s.toLowerCase()).filter((s) => HOSTNAME.test(s)))];
  }
  if (isStringArray(value.lists)) settings.lists = LIST_IDS.filter((id) => (value.lists as string[]).includes(id));
  if (typeof value.includeShortForms === 'boolean') settings.includeShortForms = value.includeShortForms;
  if (HIGHLIGHT_STYLES.includes(value.highlightStyle as HighlightStyle)) settings.highlightStyle = value.highlightStyle as HighlightStyle;
  if (typeof value.showRemoved === 'boolean') settings.showRemoved = value.showRemoved;
  return settings;
}

export function isActiveOn(settings: Settings, hostname: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(hostname.toLowerCase());
}
