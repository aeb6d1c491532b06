/**
 * Loads the guided-troubleshooting strings the panel needs: the English texts the panel shows
 * itself (always, they fill gaps) and the user's locale as its own lazy chunk, like the UI
 * strings' locales. The other texts come with the guided chunk (guided-messages.tsx `loadGuided`).
 */
import type { Locale } from './ui-strings.ts';
import { withLocaleTable, type StringTables } from './strings.ts';
import { guidedChatEn } from './guided-en.ts';

const lazyLocales: Record<Exclude<Locale, 'en'>, () => Promise<{ default: Record<string, string> }>> = {
  fr: () => import('./locales/guided-fr.ts'),
  es: () => import('./locales/guided-es.ts'),
  de: () => import('./locales/guided-de.ts'),
  ar: () => import('./locales/guided-ar.ts'),
};

/** English plus the locale's guided strings, as an extra table for resolveStrings. */
export function loadGuidedStrings(locale: Locale): Promise<StringTables> {
  return withLocaleTable(guidedChatEn, locale, locale === 'en' ? undefined : lazyLocales[locale]);
}
