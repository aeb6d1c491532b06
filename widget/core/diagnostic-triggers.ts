/**
 * Which self-diagnostics are worth offering for what the user typed. Kept apart from the checks
 * (diagnostics-relevance.ts, services/diagnostics.ts): this runs on every question, the checks
 * only after the user agrees to them, so only this part ships with the panel.
 */
import { compilePhrase, phraseScore, termsOf } from './keyword-match.ts';

export type DiagnosticId = 'offline' | 'clock' | 'storage' | 'browser' | 'popups';
/** Every check, in the order they run and are shown. */
export const DIAGNOSTIC_IDS: readonly DiagnosticId[] = ['offline', 'clock', 'storage', 'browser', 'popups'];

// What users type when each check could explain the problem. Phrases match when all their words
// appear (stemmed, any order). English first, then the other UI languages' common phrasings. So a
// phrase holding all the words of another in its rule adds nothing and is left out: "page load"
// already catches "page not loading" and "page wont load", "code wrong" "wrong code".
const RELEVANCE_RULES: ReadonlyArray<{ ids: DiagnosticId[]; phrases: string[] }> = [
  {
    ids: ['clock', 'storage'],
    phrases: [
      'sign in', 'signin', 'sign on', 'log in', 'login', 'logon', 'log on', 'cant sign', 'session expired',
      'keeps logging out', 'se connecter', 'iniciar sesion', 'anmelden', 'anmeldung', 'تسجيل الدخول',
    ],
  },
  {
    ids: ['clock'],
    phrases: [
      'mfa', '2fa', 'otp', 'authenticator', 'code rejected', 'code invalid', 'code wrong', 'code not working',
      'verification code', 'clock', 'wrong time', 'certificate error', 'not private', 'code incorrect', 'codigo',
      'رمز التحقق',
    ],
  },
  {
    ids: ['offline'],
    phrases: [
      // Not "offline" alone: "printer offline" is about the printer, not this device's network.
      'no internet', 'laptop offline', 'computer offline', 'pc offline', 'device offline', 'im offline',
      'internet offline', 'offline mode', 'no connection', 'no network', 'not connected', 'internet down',
      'internet not working', 'cant connect', 'disconnected', 'captive', 'hotel wifi', 'guest wifi',
      'hors ligne', 'sans internet', 'pas d’internet', 'sin internet', 'sin conexion', 'kein internet',
      'keine verbindung', 'لا يوجد انترنت', 'غير متصل',
    ],
  },
  {
    ids: ['popups'],
    phrases: ['popup', 'pop up', 'new window', 'window not open', 'window blocked', 'fenetre', 'ventana emergente', 'نافذة منبثقة'],
  },
  {
    ids: ['browser', 'storage'],
    phrases: [
      'page broken', 'site broken', 'website broken', 'site load', 'page load', 'website load', 'blank page',
      'cookie', 'browser', 'page ne charge', 'pagina no carga', 'seite ladt nicht', 'navigateur', 'navegador',
    ],
  },
];

const COMPILED_RULES = RELEVANCE_RULES.map((rule) => ({ ids: rule.ids, phrases: rule.phrases.map(compilePhrase) }));

/** The checks worth offering for a question, in run order ("mfa code rejected" → clock). */
export function relevantDiagnostics(query: string): DiagnosticId[] {
  const terms = termsOf(query);
  const ids = new Set<DiagnosticId>();
  for (const rule of COMPILED_RULES) {
    if (phraseScore(terms, rule.phrases) > 0) for (const id of rule.ids) ids.add(id);
  }
  return DIAGNOSTIC_IDS.filter((id) => ids.has(id));
}
