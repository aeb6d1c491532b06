/**
 * All UI text, one table per locale: English here, the others in ./locales/<locale>.ts (loaded on
 * demand). `{name}` placeholders are filled by `format()`. The launcher's two strings are not in
 * these tables: they live in their own small table (locale.ts), which only the loader ships, so it
 * can show a localized button without the full tables and the panel does not carry all five.
 */
import type { Locale } from './locale.ts';

export { LOCALES, launcherStrings, type Locale } from './locale.ts';

const en = {
  title: 'Help',
  close: 'Close',
  back: 'Back',
  greeting: 'Hi! Describe your problem or pick a topic — I’ll find the right help article.',
  suggestedForPage: 'Suggested for this page',
  topics: 'Popular topics',
  inputLabel: 'Search help',
  inputPlaceholder: 'Describe your problem…',
  send: 'Send',
  resultsLabel: 'Matching articles',
  resultsCount: '{count} matching articles. Use the arrow keys to choose one.',
  resultsOne: '1 matching article. Use the arrow keys to choose it.',
  noResultsLive: 'No matching articles yet. Press Enter to ask.',
  loading: 'Loading help…',
  answerIntro: 'This article should help:',
  alternatives: 'Also related',
  moreSections: 'Also in this article:',
  openArticle: 'Open article',
  didThisSolve: 'Did this solve it?',
  yes: 'Yes',
  no: 'No',
  solved: 'Great, glad that helped!',
  moreAnswers: 'Sorry about that. These might fit better:',
  noMore: 'I don’t have other articles on that.',
  nothingFound: 'I couldn’t find an article about “{query}”.',
  didYouMean: 'Did you mean:',
  tips: 'Try fewer words, another phrasing, or the name of the app or device.',
  offerPerson: 'Would you like to contact a person from support?',
  contactSupport: 'Contact support',
  noSupport: 'If you still need help, contact your IT team.',
  flowEndSolved: 'Solved',
  flowEndSupport: 'Needs support',
  humanAck: 'Of course — a person from support can take it from here.',
  categoryIntro: 'Articles about {category}:',
  articleHelpful: 'Was this helpful?',
  feedbackThanks: 'Thanks for your feedback!',
  feedbackSorry: 'Thanks — sorry it didn’t help.',
  copy: 'Copy',
  copied: 'Copied',
  copyCode: 'Copy code',
  errorKb: 'Help articles couldn’t be loaded. Check your connection and try again.',
  errorArticle: 'This article couldn’t be loaded.',
  errorTicket: 'The contact form couldn’t be loaded. Check your connection and try again.',
  articleMissing: 'That article doesn’t exist any more.',
  retry: 'Retry',
  you: 'You',
  assistant: 'Help',
  updated: 'Updated {date}',
  kbUpdated: 'Help content was updated',
};

/** Every UI string key. */
export type UiStringKey = keyof typeof en;
export type UiStrings = Record<UiStringKey, string>;

/** The English table: the fallback for every locale and the source of the key type. */
export const enStrings: UiStrings = en;

// One chunk per locale, so a page downloads only its own language. Keyed by locale rather than
// an import.meta.glob of file paths: the panel then carries no paths, and the type demands every
// locale. The guided and ticket texts beside them in locales/ have loaders of their own.
const lazyLocales: Record<Exclude<Locale, 'en'>, () => Promise<{ default: UiStrings }>> = {
  fr: () => import('./locales/fr.ts'),
  es: () => import('./locales/es.ts'),
  de: () => import('./locales/de.ts'),
  ar: () => import('./locales/ar.ts'),
};

/** Loads the UI strings table of a locale (English is built in). */
export async function loadUiStrings(locale: Locale): Promise<UiStrings> {
  if (locale === 'en') return en;
  return (await lazyLocales[locale]()).default;
}
