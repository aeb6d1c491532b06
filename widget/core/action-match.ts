/**
 * Matching a question to self-service actions, with the search engine's normaliser
 * (keyword-match.ts), so it folds and stems exactly like search does.
 */
import type { Action, PresetId } from './actions.ts';
import { compilePhrase, phraseScore, termsOf } from './keyword-match.ts';

/** Default keywords of the well-known actions (English plus the other UI languages). */
export const PRESET_KEYWORDS: Readonly<Record<PresetId, readonly string[]>> = Object.freeze({
  resetPassword: [
    'forgot password', 'forgotten password', 'reset password', 'password reset', 'password expired',
    'expired password', 'change password', 'new password', 'lost password', 'forgot pw', 'pw expired',
    'reset pw', 'mot de passe oublie', 'reinitialiser mot de passe', 'olvide contrasena',
    'restablecer contrasena', 'passwort vergessen', 'passwort zurucksetzen', 'نسيت كلمة المرور',
  ],
  unlockAccount: [
    'account locked', 'locked out', 'unlock account', 'account disabled', 'too many attempts',
    'account blocked', 'compte bloque', 'compte verrouille', 'cuenta bloqueada', 'konto gesperrt',
    'الحساب مقفل',
  ],
  requestSoftware: [
    'install software', 'request software', 'software request', 'need software', 'new software',
    'install app', 'install program', 'software licence', 'software license', 'installer logiciel',
    'instalar programa', 'software installieren', 'تثبيت برنامج',
  ],
  serviceStatus: [
    'outage', 'service status', 'is it down', 'system down', 'service down', 'down for everyone',
    'panne', 'caida del servicio', 'storung', 'عطل',
  ],
});

/**
 * The actions matching a question, best first: "forgot password" → the reset portal. An action
 * matches when all the words of one of its keywords appear in the question; longer (more
 * specific) keywords weigh more, and ties keep the site owner's order.
 */
export function matchActions(query: string, actions: readonly Action[], limit = 2): Action[] {
  const terms = termsOf(query);
  if (terms.size === 0) return [];
  return actions
    .map((action, order) => ({ action, order, score: phraseScore(terms, keywordsOf(action).map(compilePhrase)) }))
    .filter((scored) => scored.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, limit)
    .map((scored) => scored.action);
}

/** An action's keywords: its own, else its preset's defaults. */
export function keywordsOf(action: Action): readonly string[] {
  if (action.keywords.length > 0 || !action.preset) return action.keywords;
  return PRESET_KEYWORDS[action.preset];
}
