/**
 * English texts of guided troubleshooting, self-diagnostics, self-service actions and the status
 * banner (the other locales are lazy chunks in locales/guided-*.ts; all five: guided-strings.ts).
 * `{name}` placeholders are filled by `format()`. Split in two so each half ships where it is
 * shown: the panel's own messages here, the rest in guided-en-rest.ts (guided chunk, status banner).
 */
import type { guidedRestEn } from './guided-en-rest.ts';

/** Texts the panel shows itself: answers, flow messages and what the live region reads. */
export const guidedChatEn = {
  'guided.walkMeThrough': 'Walk me through it',
  'guided.flowIntro': 'Let’s work through it together: {title}',
  'guided.back': 'Back',
  'guided.solved': 'Great, glad it’s fixed!',
  'guided.support': 'Let’s get a person to help. The checks you did will be in the ticket.',
  'guided.flowBroken': 'This guide can’t go further. Let’s get a person to help.',
  'guided.checkBrowser': 'Check my browser',
  'guided.diag.title': 'Browser check',
  'guided.diag.consent': 'Run a quick check of your browser? Nothing leaves your device unless you create a ticket.',
};

export type GuidedStringKey = keyof typeof guidedChatEn | keyof typeof guidedRestEn;
