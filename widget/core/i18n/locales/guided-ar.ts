/** Guided troubleshooting texts in Arabic that the panel shows itself (keys: guided-en.ts). */
import type { GuidedChatKey } from '../guided-en.ts';

const table: Record<GuidedChatKey, string> = {
  'guided.walkMeThrough': 'أرشدني خطوة بخطوة',
  'guided.flowIntro': 'لنمرّ بها خطوة بخطوة: {title}',
  'guided.back': 'رجوع',
  'guided.solved': 'رائع، يسعدنا أن المشكلة حُلّت!',
  'guided.support': 'لنطلب مساعدة شخص من الدعم. ستُضاف الفحوص التي أجريتها إلى التذكرة.',
  'guided.flowBroken': 'لا يمكن لهذا الدليل المتابعة. لنطلب مساعدة شخص من الدعم.',
  'guided.checkBrowser': 'فحص متصفحي',
  'guided.diag.title': 'فحص المتصفح',
  'guided.diag.consent': 'هل نجري فحصًا سريعًا لمتصفحك؟ لا يغادر أي شيء جهازك إلا إذا أنشأت تذكرة.',
  'guided.status.label': 'حالة الخدمات',
  'guided.status.asOf': 'حتى {time}',
  'guided.status.details': 'التفاصيل',
  'guided.status.dismiss': 'إخفاء: {title}',
  'guided.status.severity.major': 'عطل كبير',
  'guided.status.severity.minor': 'عطل بسيط',
  'guided.status.severity.info': 'تنبيه',
};

export default table;
