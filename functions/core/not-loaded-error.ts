import { DabylError } from "./errors.js";

/**
 * A synchronous core function was called before the library it needs was loaded. Heavy libraries
 * (stemmers, legacy charsets, language trigrams) load on first need so cold starts stay lean; the
 * async callers await their load…() first. Seeing this error means a caller forgot to.
 */
export class NotLoadedError extends DabylError {
  constructor(library: string, loader: string) {
    super("not_loaded", `${library} is not loaded yet: await ${loader}() before calling this synchronously`);
  }
}
