/**
 * Loading the hand-off's strings: big and only needed with the ticket form, so lazy chunks (English
 * plus the user's locale). Its own module, imported by the ticket chunk only, so a session that
 * never contacts support does not download these few lines either.
 */
import { resolveStrings, withLocaleTable, type Locale, type StringTables, type Strings } from './strings.ts';

const ticketLocales = import.meta.glob<{ default: Record<string, string> }>('./locales/ticket-*.ts');

/** Loads the hand-off's strings for a locale (with English under it). */
export function loadTicketStrings(locale: Locale): Promise<StringTables> {
  return withLocaleTable(import('./ticket-en.ts').then((m) => m.ticketEn), locale, ticketLocales[`./locales/ticket-${locale}.ts`]);
}

/** UI strings merged with the ticket strings and overrides, for the ticket form. */
export async function resolveTicketStrings(locale: Locale, overrides: Record<string, string> = {}): Promise<Strings> {
  return resolveStrings(locale, overrides, [await loadTicketStrings(locale)]);
}

