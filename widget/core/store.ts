/** A minimal observable store around the pure reducer (the one state object of the widget). */
import { reducer, type Action, type WidgetState } from './state.ts';

/** A pure reducer for one slice, run after the core reducer (a lazy chunk brings its own). */
export type SliceReducer = (state: WidgetState, action: Action) => WidgetState;

export interface Store {
  get(): WidgetState;
  dispatch(action: Action): void;
  subscribe(listener: (s: WidgetState, prev: WidgetState) => void): () => void;
  /** Adds a slice reducer (once; adding it again does nothing). */
  use(slice: SliceReducer): void;
}

/** Creates a store; listeners run after every change, copied first so unsubscribing is safe. */
export function createStore(initial: WidgetState): Store {
  let state = initial;
  const listeners = new Set<(s: WidgetState, prev: WidgetState) => void>();
  const slices = new Set<SliceReducer>();
  return {
    get: () => state,
    dispatch(action) {
      const prev = state;
      state = reducer(state, action);
      for (const slice of slices) state = slice(state, action);
      if (state !== prev) for (const l of [...listeners]) l(state, prev);
    },
    use(slice) {
      slices.add(slice);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => { listeners.delete(listener); };
    },
  };
}
