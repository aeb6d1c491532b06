/** A minimal observable store around the pure reducer (the one state object of the widget). */
import { reducer, type Action, type WidgetState } from './state.ts';

export interface Store {
  get(): WidgetState;
  dispatch(action: Action): void;
  subscribe(listener: (s: WidgetState, prev: WidgetState) => void): () => void;
}

/** Creates a store; listeners run after every change, copied first so unsubscribing is safe. */
export function createStore(initial: WidgetState): Store {
  let state = initial;
  const listeners = new Set<(s: WidgetState, prev: WidgetState) => void>();
  return {
    get: () => state,
    dispatch(action) {
      const prev = state;
      state = reducer(state, action);
      if (state !== prev) for (const l of [...listeners]) l(state, prev);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => { listeners.delete(listener); };
    },
  };
}
