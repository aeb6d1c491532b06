/**
 * Locale choice, small enough for the loader (which must not ship the full strings tables or the
 * ticket strings): resolution, text direction and the launcher's own label.
 */
export type Locale = 'en' | 'fr' | 'es' | 'de' | 'ar';
export const LOCALES: readonly Locale[] = ['en', 'fr', 'es', 'de', 'ar'];

/** The launcher's label per locale (the full tables in ui-strings.ts include it). */
export const launcherStrings: Record<Locale, { launcher: string }> = {
  en: { launcher: 'Help' },
  fr: { launcher: 'Aide' },
  es: { launcher: 'Ayuda' },
  de: { launcher: 'Hilfe' },
  ar: { launcher: 'مساعدة' },
};


/** Picks the first supported locale from the option, the page's `lang`, then the browser's. */
export function resolveLocale(...candidates: Array<string | null | undefined>): Locale {
  for (const c of candidates) {
    if (!c) continue;
    const base = c.trim().toLowerCase().split(/[-_]/)[0] as Locale;
    if (LOCALES.includes(base)) return base;
  }
  return 'en';
}

/** Text direction of a locale. */
export function localeDir(locale: Locale): 'rtl' | 'ltr' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

/** The launcher's label, with the site owner's override applied. */
export function launcherLabel(locale: Locale, overrides: Record<string, string>): string {
  return overrides.launcher ?? launcherStrings[locale].launcher;
}
