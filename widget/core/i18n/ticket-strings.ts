/**
 * Every text of the Level 1 hand-off, in all five locales (site owners override any key with the
 * `strings` option). The widget loads only English and the user's locale (`loadTicketStrings`);
 * this full table is for tests and tools.
 */
import type { Locale } from './ui-strings.ts';
import { ticketEn } from './ticket-en.ts';
import fr from './locales/ticket-fr.ts';
import es from './locales/ticket-es.ts';
import de from './locales/ticket-de.ts';
import ar from './locales/ticket-ar.ts';

/** The hand-off's strings for every locale the widget ships. */
export const ticketStrings: Record<Locale, Record<string, string>> = { en: ticketEn, fr, es, de, ar };
