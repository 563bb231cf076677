import { useCallback, useEffect, useState } from "react";

/** Loads a value, with its error, and a reload function; reloads when `deps` change. */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): { value?: T; error?: Error; loading: boolean; reload: () => void } {
  const [state, setState] = useState<{ value?: T; error?: Error; loading: boolean }>({ loading: true });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (value) => live && setState({ value, loading: false }),
      (error: Error) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}
