/**
 * The status banner's slice of the conversation state (`status`, `dismissIncident`): a slice
 * reducer run after the core one (core/store.ts), added by the status chunk (ui/status-chunk.tsx)
 * on sites with a `statusUrl`. Other sites never load it, so the panel does not carry it.
 */
import type { Action, WidgetState } from './state.ts';

/** The slice reducer for `status` and `dismissIncident` (every other action: unchanged). */
export function statusReducer(state: WidgetState, action: Action): WidgetState {
  switch (action.type) {
    case 'status':
      return { ...state, status: action.status };
    case 'dismissIncident':
      if (!state.status) return state;
      return { ...state, status: { ...state.status, incidents: state.status.incidents.filter((i) => i.id !== action.id) } };
    default:
      return state;
  }
}
