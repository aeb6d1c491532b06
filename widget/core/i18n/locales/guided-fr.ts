/** Guided troubleshooting texts in French that the panel shows itself (keys: guided-en.ts). */
import type { GuidedChatKey } from '../guided-en.ts';

const table: Record<GuidedChatKey, string> = {
  'guided.walkMeThrough': 'Guidez-moi',
  'guided.flowIntro': 'Voyons cela étape par étape : {title}',
  'guided.back': 'Retour',
  'guided.solved': 'Parfait, ravi que ce soit réglé !',
  'guided.support': 'Faisons appel à une personne. Les vérifications faites figureront dans le ticket.',
  'guided.flowBroken': 'Ce guide ne peut pas aller plus loin. Faisons appel à une personne.',
  'guided.checkBrowser': 'Vérifier mon navigateur',
  'guided.diag.title': 'Vérification du navigateur',
  'guided.diag.consent': 'Lancer une vérification rapide de votre navigateur ? Rien ne quitte votre appareil, sauf si vous créez un ticket.',
  'guided.status.label': 'État des services',
  'guided.status.asOf': 'Au {time}',
  'guided.status.details': 'Détails',
  'guided.status.dismiss': 'Masquer : {title}',
  'guided.status.severity.major': 'Incident majeur',
  'guided.status.severity.minor': 'Incident mineur',
  'guided.status.severity.info': 'Information',
};

export default table;
