/** Guided troubleshooting texts in German that the panel shows itself (keys: guided-en.ts). */
import type { GuidedChatKey } from '../guided-en.ts';

const table: Record<GuidedChatKey, string> = {
  'guided.walkMeThrough': 'Schritt für Schritt helfen',
  'guided.flowIntro': 'Gehen wir es Schritt für Schritt durch: {title}',
  'guided.back': 'Zurück',
  'guided.solved': 'Super, schön, dass es wieder geht!',
  'guided.support': 'Holen wir eine Person dazu. Ihre bisherigen Prüfungen stehen im Ticket.',
  'guided.flowBroken': 'Diese Anleitung kommt hier nicht weiter. Holen wir eine Person dazu.',
  'guided.checkBrowser': 'Meinen Browser prüfen',
  'guided.diag.title': 'Browser-Prüfung',
  'guided.diag.consent': 'Kurz Ihren Browser prüfen? Nichts verlässt Ihr Gerät, außer Sie erstellen ein Ticket.',
  'guided.status.label': 'Dienststatus',
  'guided.status.asOf': 'Stand {time}',
  'guided.status.details': 'Details',
  'guided.status.dismiss': 'Ausblenden: {title}',
  'guided.status.severity.major': 'Schwere Störung',
  'guided.status.severity.minor': 'Leichte Störung',
  'guided.status.severity.info': 'Hinweis',
};

export default table;
