/** Self-service action links ("Reset your password") shown above the article answer. */
import type { Action } from '../../core/actions.ts';

export interface ActionSuggestionProps {
  actions: readonly Action[];
  strings: Record<string, string>;
  /** Told when the user follows an action (for the transcript); the link opens it itself. */
  onOpen?: (action: Action) => void;
}

/** An action's button text and description: its own, else the preset's localized strings. */
export function actionText(action: Action, strings: Record<string, string>): { label: string; description?: string } {
  const label = action.label ?? strings[`guided.action.${action.id}`] ?? action.id;
  const description = action.description ?? (action.preset ? strings[`guided.action.${action.id}.description`] : undefined);
  return description ? { label, description } : { label };
}

/** Prominent link buttons opening each action in a new tab. */
export function ActionSuggestion({ actions, strings, onOpen }: ActionSuggestionProps) {
  if (actions.length === 0) return null;
  return (
    <div class="t0-actions">
      <p class="t0-actions-intro">{strings['guided.action.intro']}</p>
      {actions.map((action) => {
        const { label, description } = actionText(action, strings);
        return (
          <div class="t0-action" key={action.id}>
            {/* noopener: the portal must not be able to navigate the host page; noreferrer: it
                need not learn which page the user was on. */}
            <a class="t0-action-link" href={action.url} target="_blank" rel="noopener noreferrer" onClick={() => onOpen?.(action)}>
              {`${label} `}
              <span class="t0-sr">{strings['guided.action.newTab']}</span>
            </a>
            {description && <p class="t0-action-description">{description}</p>}
          </div>
        );
      })}
    </div>
  );
}
