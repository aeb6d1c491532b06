/** Guided troubleshooting texts in German that the panel shows itself (keys: guided-en.ts). */
import type { GuidedChatKey } from '../guided-en.ts';

const table: Record<GuidedChatKey, string> = {
  'guided.walkMeThrough': 'Schritt für Schritt helfen',
  'guided.back': 'Zurück',
  'guided.checkBrowser': 'Meinen Browser prüfen',
  'guided.diag.title': 'Browser-Prüfung',
  'guided.status.label': 'Dienststatus',
  'guided.status.asOf': 'Stand {time}',
  'guided.status.details': 'Details',
  'guided.status.dismiss': 'Ausblenden: {title}',
  'guided.status.severity.major': 'Schwere Störung',
  'guided.status.severity.minor': 'Leichte Störung',
  'guided.status.severity.info': 'Hinweis',
};

export default table;
