// Small hooks shared by the views: loading data from the API, submitting
// forms with the API's field errors, setting the page title.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from './api/client.ts';

export interface Resource<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** Loads again (after a change). */
  reload(): void;
}

function asApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError(0, 'internal', e instanceof Error ? e.message : String(e));
}

/** Runs `load` when `deps` change; the latest answer wins. */
export function useResource<T>(load: () => Promise<T>, deps: unknown[]): Resource<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: true });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => current && setState({ data, loading: false }),
      (e) => current && setState({ error: asApiError(e), loading: false }),
    );
    return () => {
      current = false;
    };
  }, [...deps, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

export interface Submission {
  busy: boolean;
  error: ApiError | undefined;
  /** The API's message for one input (matched on error.field), if it is at fault. */
  fieldError(field: string): string | undefined;
  /** Runs `action`; keeps its ApiError for display. Resolves to true on success. */
  run(action: () => Promise<unknown>): Promise<boolean>;
  clear(): void;
  /** The user changed `field`: its error (if it is the one at fault) is out of date. */
  touch(field: string): void;
}

export function useSubmit(): Submission {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  const run = useCallback(async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      return true;
    } catch (e) {
      if (mounted.current) setError(asApiError(e));
      return false;
    } finally {
      if (mounted.current) setBusy(false);
    }
  }, []);
  return {
    busy,
    error,
    fieldError: (field) => (error?.field === field ? error.message : undefined),
    run,
    clear: () => setError(undefined),
    touch: (field) => setError((e) => (e?.field === field ? undefined : e)),
  };
}

/** Sets the document title to "<title> — threatshare". */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} — threatshare` : 'threatshare';
  }, [title]);
}
