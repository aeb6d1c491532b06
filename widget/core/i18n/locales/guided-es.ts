/** Guided troubleshooting texts in Spanish that the panel shows itself (keys: guided-en.ts). */
import type { GuidedChatKey } from '../guided-en.ts';

const table: Record<GuidedChatKey, string> = {
  'guided.walkMeThrough': 'Guíame paso a paso',
  'guided.flowIntro': 'Vamos paso a paso: {title}',
  'guided.back': 'Atrás',
  'guided.solved': '¡Genial, me alegra que esté resuelto!',
  'guided.support': 'Pidamos ayuda a una persona. Las comprobaciones que hiciste irán en el ticket.',
  'guided.flowBroken': 'Esta guía no puede continuar. Pidamos ayuda a una persona.',
  'guided.checkBrowser': 'Comprobar mi navegador',
  'guided.diag.title': 'Comprobación del navegador',
  'guided.diag.consent': '¿Hacemos una comprobación rápida de tu navegador? Nada sale de tu dispositivo salvo que crees un ticket.',
  'guided.status.label': 'Estado de los servicios',
  'guided.status.asOf': 'A las {time}',
  'guided.status.details': 'Detalles',
  'guided.status.dismiss': 'Ocultar: {title}',
  'guided.status.severity.major': 'Incidencia grave',
  'guided.status.severity.minor': 'Incidencia menor',
  'guided.status.severity.info': 'Aviso',
};

export default table;
