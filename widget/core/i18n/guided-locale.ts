/**
 * Loads the guided-troubleshooting strings the panel needs: English (always, it fills gaps) and
 * the user's locale as its own lazy chunk, like the UI strings' locales.
 */
import type { Locale } from './ui-strings.ts';
import type { StringTables } from './strings.ts';
import { guidedEn } from './guided-en.ts';

const lazyLocales = import.meta.glob<{ default: Record<string, string> }>('./locales/guided-*.ts');

/** English plus the locale's guided strings, as an extra table for resolveStrings. */
export async function loadGuidedStrings(locale: Locale): Promise<StringTables> {
  const load = locale === 'en' ? undefined : lazyLocales[`./locales/guided-${locale}.ts`];
  const table = load ? (await load()).default : undefined;
  return table ? { en: guidedEn, [locale]: table } : { en: guidedEn };
}
