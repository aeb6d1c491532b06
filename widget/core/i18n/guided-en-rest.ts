/**
 * The English guided texts that only the guided chunk and the status banner show, so they travel
 * with those chunks, not with the panel (the panel's own: guided-en.ts).
 */

/** Texts only the guided chunk and the status banner show (they add them as English defaults). */
export const guidedRestEn = {
  'guided.answersLabel': 'Your answer',
  'guided.skipToArticle': 'Skip to the article',
  'guided.createTicket': 'Create a ticket',
  'guided.diag.run': 'Run checks',
  'guided.diag.running': 'Checking…',
  'guided.diag.resultsLabel': 'Check results',
  'guided.diag.allOk': 'No problems found.',
  'guided.diag.problemsFound': 'Problems found: {count}',
  'guided.diag.fix': 'How to fix it',
  'guided.diag.status.ok': 'OK',
  'guided.diag.status.problem': 'Problem',
  'guided.diag.status.unknown': 'Could not check',
  'guided.diag.name.offline': 'Internet connection',
  'guided.diag.name.clock': 'Date and time',
  'guided.diag.name.storage': 'Cookies and storage',
  'guided.diag.name.browser': 'Browser version',
  'guided.diag.name.popups': 'Pop-ups',
  'guided.diag.online': 'You are online.',
  'guided.diag.offline': 'Your device is offline.',
  'guided.diag.unreachable': 'The help server can’t be reached. Your connection may be down.',
  'guided.diag.timeout': 'The connection is very slow or not working.',
  'guided.diag.captivePortal': 'This network wants you to sign in first (hotel or guest Wi-Fi). Open any website to see its sign-in page.',
  'guided.diag.clockOk': 'Your clock is correct.',
  'guided.diag.clockAhead': 'Your clock is {minutes} min fast. This breaks sign-in and MFA codes.',
  'guided.diag.clockBehind': 'Your clock is {minutes} min slow. This breaks sign-in and MFA codes.',
  'guided.diag.clockUnknown': 'Your clock couldn’t be compared with the server.',
  'guided.diag.storageOk': 'Cookies and site storage work.',
  'guided.diag.cookiesDisabled': 'Cookies are turned off. Many sign-in pages need them.',
  'guided.diag.storageBlocked': 'Site storage is blocked ({stores}). Some pages won’t work.',
  'guided.diag.browserOk': '{browser} is up to date.',
  'guided.diag.browserOutdated': '{browser} is out of date: update to {minimum} or newer.',
  'guided.diag.browserUnknown': 'We couldn’t tell whether your browser is up to date.',
  'guided.diag.popupsOk': 'Pop-ups are allowed.',
  'guided.diag.popupsBlocked': 'Pop-ups are blocked. Some sign-in windows need them.',
  'guided.diag.popupsUnknown': 'Pop-ups couldn’t be checked.',
  'guided.action.intro': 'You can do this yourself:',
  'guided.action.newTab': '(opens in a new tab)',
  'guided.action.resetPassword': 'Reset your password',
  'guided.action.resetPassword.description': 'Self-service portal: a new password in about two minutes.',
  'guided.action.unlockAccount': 'Unlock your account',
  'guided.action.unlockAccount.description': 'Self-service portal: unlock it yourself, no waiting.',
  'guided.action.requestSoftware': 'Request software',
  'guided.action.requestSoftware.description': 'Pick the software you need from the catalogue.',
  'guided.action.serviceStatus': 'Check service status',
  'guided.action.serviceStatus.description': 'See whether IT already knows about an outage.',
  'guided.status.label': 'Service status',
  'guided.status.asOf': 'As of {time}',
  'guided.status.details': 'Details',
  'guided.status.dismiss': 'Dismiss: {title}',
  'guided.status.severity.major': 'Major incident',
  'guided.status.severity.minor': 'Minor incident',
  'guided.status.severity.info': 'Notice',
};

const merged = new WeakMap<object, Record<string, string>>();

/**
 * The panel's strings with these English texts as defaults: the locale's tables and the site
 * owner's overrides, already in `strings`, win. One object per strings table, for stable props.
 */
export function withGuidedDefaults<S extends Record<string, string>>(strings: S): S {
  let result = merged.get(strings);
  if (!result) merged.set(strings, (result = { ...guidedRestEn, ...strings }));
  return result as S;
}
