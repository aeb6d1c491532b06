/** Guided troubleshooting texts in French that the panel shows itself (keys: guided-en.ts). */
import type { GuidedChatKey } from '../guided-en.ts';

const table: Record<GuidedChatKey, string> = {
  'guided.walkMeThrough': 'Guidez-moi',
  'guided.back': 'Retour',
  'guided.checkBrowser': 'Vérifier mon navigateur',
  'guided.diag.title': 'Vérification du navigateur',
  'guided.status.label': 'État des services',
  'guided.status.asOf': 'Au {time}',
  'guided.status.details': 'Détails',
  'guided.status.dismiss': 'Masquer : {title}',
  'guided.status.severity.major': 'Incident majeur',
  'guided.status.severity.minor': 'Incident mineur',
  'guided.status.severity.info': 'Information',
};

export default table;
