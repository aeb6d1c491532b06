/**
 * The merged strings table: built-in UI strings of the locale, extra tables (the hand-off's
 * ticket strings, loaded with the ticket form), then the site owner's `strings` overrides
 * (highest priority). English fills any key a locale lacks.
 */
import { enStrings, loadUiStrings, type Locale, type UiStrings } from './ui-strings.ts';

export { resolveLocale, localeDir, launcherText } from './locale.ts';
export type { Locale, UiStrings } from './ui-strings.ts';

/** Every string the widget shows: UI keys plus any keys extra tables add. */
export type Strings = UiStrings & Record<string, string>;

/** A per-locale table of extra strings (e.g. `ticketStrings`). */
export type StringTables = Partial<Record<Locale, Record<string, string>>>;

/** Merges already-loaded tables: English, extras' English, the locale, extras' locale, overrides. */
export function mergeStrings(
  locale: Locale,
  table: UiStrings,
  overrides: Record<string, string> = {},
  extras: StringTables[] = [],
): Strings {
  const merged: Record<string, string> = { ...enStrings };
  for (const t of extras) Object.assign(merged, t.en);
  Object.assign(merged, table);
  for (const t of extras) Object.assign(merged, t[locale]);
  return Object.assign(merged, overrides) as Strings;
}

/** Loads the locale's UI strings and merges extras and overrides into one table. */
export async function resolveStrings(
  locale: Locale,
  overrides: Record<string, string> = {},
  extras: StringTables[] = [],
): Promise<Strings> {
  return mergeStrings(locale, await loadUiStrings(locale), overrides, extras);
}

/**
 * An extra table for mergeStrings: English (it fills gaps) plus the locale's own table, loaded by
 * `load` (one lazy chunk per locale, from a loader keyed by locale), so a page gets only its language.
 */
export async function withLocaleTable(
  en: Record<string, string> | Promise<Record<string, string>>,
  locale: Locale,
  load: (() => Promise<{ default: Record<string, string> }>) | undefined,
): Promise<StringTables> {
  const [english, table] = await Promise.all([en, locale === 'en' ? undefined : load?.().then((m) => m.default)]);
  return table ? { en: english, [locale]: table } : { en: english };
}

/** Fills `{name}` placeholders; unknown placeholders are left as written. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
