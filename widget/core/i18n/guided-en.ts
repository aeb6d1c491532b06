/**
 * English texts of guided troubleshooting, self-diagnostics, self-service actions and the status
 * banner (the other locales are lazy chunks in locales/guided-*.ts; all five: guided-strings.ts).
 * `{name}` placeholders are filled by `format()`. Split in two so each half ships where it is
 * shown: the panel's own messages here, the rest in guided-en-rest.ts (the guided chunk). Each
 * locale is split the same way (locales/guided-<locale>.ts and locales/guided-rest-<locale>.ts).
 */
import type { guidedRestEn } from './guided-en-rest.ts';

/** Texts the panel shows itself: answers, flow messages, what the live region reads, the status banner. */
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
  // The status banner is its own small chunk, shown on open: its texts travel with the panel's.
  'guided.status.label': 'Service status',
  'guided.status.asOf': 'As of {time}',
  'guided.status.details': 'Details',
  'guided.status.dismiss': 'Dismiss: {title}',
  'guided.status.severity.major': 'Major incident',
  'guided.status.severity.minor': 'Minor incident',
  'guided.status.severity.info': 'Notice',
};

export type GuidedChatKey = keyof typeof guidedChatEn;
export type GuidedRestKey = keyof typeof guidedRestEn;
export type GuidedStringKey = GuidedChatKey | GuidedRestKey;
