/**
 * Locale choice, small enough for the loader (which must not ship the full strings tables or the
 * ticket strings): resolution, text direction and the launcher's own label.
 */
export type Locale = 'en' | 'fr' | 'es' | 'de' | 'ar';
export const LOCALES: readonly Locale[] = ['en', 'fr', 'es', 'de', 'ar'];

/**
 * The loader's own texts per locale (the full tables in ui-strings.ts include them): the launcher's
 * label, and what it says when a click cannot load the panel (offline on a first visit, a partial
 * deployment), since the button would otherwise do nothing at all.
 */
export const launcherStrings: Record<Locale, { launcher: string; launcherFailed: string }> = {
  en: { launcher: 'Help', launcherFailed: 'Help could not load. Check your connection, then try again.' },
  fr: { launcher: 'Aide', launcherFailed: 'L’aide n’a pas pu se charger. Vérifiez votre connexion, puis réessayez.' },
  es: { launcher: 'Ayuda', launcherFailed: 'No se pudo cargar la ayuda. Comprueba tu conexión y vuelve a intentarlo.' },
  de: { launcher: 'Hilfe', launcherFailed: 'Die Hilfe konnte nicht geladen werden. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.' },
  ar: { launcher: 'مساعدة', launcherFailed: 'تعذّر تحميل المساعدة. تحقّق من اتصالك، ثم حاول مرة أخرى.' },
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

/** One of the loader's texts, with the site owner's override applied. */
export function launcherText(locale: Locale, overrides: Record<string, string>, key: 'launcher' | 'launcherFailed' = 'launcher'): string {
  return overrides[key] ?? launcherStrings[locale][key];
}
