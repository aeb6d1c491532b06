/**
 * English texts of guided troubleshooting, self-diagnostics, self-service actions and the status
 * banner (the other locales are lazy chunks in locales/guided-*.ts; all five: guided-strings.ts).
 * `{name}` placeholders are filled by `format()`. Split so each part ships where it is shown: the
 * panel's own messages here, the status banner's in status-en.ts (its chunk), the rest in
 * guided-en-rest.ts (the guided chunk). Each locale is split in two (locales/guided-<locale>.ts,
 * the panel's and the banner's, and locales/guided-rest-<locale>.ts).
 */
import type { guidedRestEn } from './guided-en-rest.ts';
import type { guidedStatusEn } from './status-en.ts';

/** Texts the panel shows itself: the Walk and Check buttons, Back as the user's words, the card's title while it loads. */
export const guidedChatEn = {
  'guided.walkMeThrough': 'Walk me through it',
  'guided.back': 'Back',
  'guided.checkBrowser': 'Check my browser',
  'guided.diag.title': 'Browser check',
};

/** Keys of the texts each locale's locales/guided-<locale>.ts translates (the panel's and the banner's). */
export type GuidedChatKey = keyof typeof guidedChatEn | keyof typeof guidedStatusEn;
export type GuidedRestKey = keyof typeof guidedRestEn;
export type GuidedStringKey = GuidedChatKey | GuidedRestKey;
