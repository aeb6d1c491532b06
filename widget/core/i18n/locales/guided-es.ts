/** Guided troubleshooting texts in Spanish that the panel shows itself (keys: guided-en.ts). */
import type { GuidedChatKey } from '../guided-en.ts';

const table: Record<GuidedChatKey, string> = {
  'guided.walkMeThrough': 'Guíame paso a paso',
  'guided.back': 'Atrás',
  'guided.checkBrowser': 'Comprobar mi navegador',
  'guided.diag.title': 'Comprobación del navegador',
  'guided.status.label': 'Estado de los servicios',
  'guided.status.asOf': 'A las {time}',
  'guided.status.details': 'Detalles',
  'guided.status.dismiss': 'Ocultar: {title}',
  'guided.status.severity.major': 'Incidencia grave',
  'guided.status.severity.minor': 'Incidencia menor',
  'guided.status.severity.info': 'Aviso',
};

export default table;
