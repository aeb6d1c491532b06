/** Subscribes a component to the widget store. */
import { useEffect, useState } from 'preact/hooks';
import type { Store } from '../core/store.ts';
import type { WidgetState } from '../core/state.ts';

/** The store's current state; re-renders on every change. */
export function useStore(store: Store): WidgetState {
  const [state, setState] = useState(store.get());
  useEffect(() => {
    setState(store.get());
    return store.subscribe((s) => setState(s));
  }, [store]);
  return state;
}
