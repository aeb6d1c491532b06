/**
 * The site's self-service actions, set up from the `actions` option: validated against the page
 * URL, with a matcher for questions. Its own chunk, imported at mount only when the option is
 * set, so sites without actions never download the checks, the presets' keywords or the matcher.
 */
import { matchActions } from '../core/action-match.ts';
import { validateActions, type Action } from '../core/actions.ts';

export interface SiteActions {
  readonly list: readonly Action[];
  /** `[tier0]` problems with the option, for the console and the panel. */
  readonly problems: readonly string[];
  /** Ids of the actions a question matches, best first. */
  match(query: string): string[];
}

/** Validates the `actions` option and returns the actions with their matcher. */
export function setUpActions(input: unknown, baseUrl: string): SiteActions {
  const { actions, problems } = validateActions(input, baseUrl);
  return { list: actions, problems, match: (query) => matchActions(query, actions).map((a) => a.id) };
}
