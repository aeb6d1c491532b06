/** Guided troubleshooting texts in Arabic that the panel shows itself (keys: guided-en.ts). */
import type { GuidedChatKey } from '../guided-en.ts';

const table: Record<GuidedChatKey, string> = {
  'guided.walkMeThrough': 'أرشدني خطوة بخطوة',
  'guided.back': 'رجوع',
  'guided.checkBrowser': 'فحص متصفحي',
  'guided.diag.title': 'فحص المتصفح',
  'guided.status.label': 'حالة الخدمات',
  'guided.status.asOf': 'حتى {time}',
  'guided.status.details': 'التفاصيل',
  'guided.status.dismiss': 'إخفاء: {title}',
  'guided.status.severity.major': 'عطل كبير',
  'guided.status.severity.minor': 'عطل بسيط',
  'guided.status.severity.info': 'تنبيه',
};

export default table;
