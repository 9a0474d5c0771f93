/** A library loaded on first need: cold starts that never need it never pay for it. */
export interface Lazy<T> {
  /** Starts the load, or joins the one under way; resolves to the loaded value. */
  load(): Promise<T>;
  /** The value once a load has finished, else undefined (synchronous callers throw NotLoadedError then). */
  readonly value: T | undefined;
}

/**
 * Wraps an async loader (usually a dynamic import) so it runs at most once at a time and its result is
 * kept. A failed load is not remembered, so the next caller tries again.
 */
export function lazy<T>(loader: () => Promise<T>): Lazy<T> {
  let value: T | undefined;
  let loading: Promise<T> | undefined;
  return {
    load() {
      if (loading === undefined) {
        const started = loader().then((loaded) => (value = loaded));
        loading = started;
        started.catch(() => {
          if (loading === started) loading = undefined;
        });
      }
      return loading;
    },
    get value() {
      return value;
    },
  };
}
