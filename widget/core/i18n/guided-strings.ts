/**
 * Texts of guided troubleshooting, self-diagnostics, self-service actions and the status banner,
 * in all five locales (merged by resolveStrings like the ticket strings; site owners override
 * any key). The panel loads only English and the user's locale (`loadGuidedStrings`); this full
 * table is for tests and tools. `{name}` placeholders are filled by `format()`.
 */
import type { Locale } from './ui-strings.ts';
import { guidedChatEn, type GuidedStringKey } from './guided-en.ts';
import { guidedStatusEn } from './status-en.ts';
import { guidedRestEn } from './guided-en-rest.ts';
import fr from './locales/guided-fr.ts';
import es from './locales/guided-es.ts';
import de from './locales/guided-de.ts';
import ar from './locales/guided-ar.ts';
import frRest from './locales/guided-rest-fr.ts';
import esRest from './locales/guided-rest-es.ts';
import deRest from './locales/guided-rest-de.ts';
import arRest from './locales/guided-rest-ar.ts';

export type { GuidedStringKey } from './guided-en.ts';

/** Every English guided text. */
export const guidedEn: Record<GuidedStringKey, string> = { ...guidedChatEn, ...guidedStatusEn, ...guidedRestEn };

/** Guided-troubleshooting texts by locale. */
export const guidedStrings: Record<Locale, Record<GuidedStringKey, string>> = {
  en: guidedEn,
  fr: { ...fr, ...frRest },
  es: { ...es, ...esRest },
  de: { ...de, ...deRest },
  ar: { ...ar, ...arRest },
};
