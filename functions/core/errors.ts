/** Base of every error dabyl throws on purpose: a stable code, a message a person understands, a cause. */
export class DabylError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** Input that a caller got wrong (a query parameter, a body field, a config entry). */
export class ValidationError extends DabylError {
  /** The parameter, field or entry that was wrong, e.g. "limit" or "sources[2].url". */
  readonly field: string;
  constructor(field: string, message: string, options?: { cause?: unknown }) {
    super("invalid_input", message, options);
    this.field = field;
  }
}

export class NotFoundError extends DabylError {
  constructor(message: string) {
    super("not_found", message);
  }
}

export class ConfigError extends DabylError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("bad_config", message, options);
  }
}

/** A feed could not be fetched or read; the message is what GET /sources shows as lastError. */
export class FeedError extends DabylError {
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

/** Expected failures are values: a source that fails yields { ok: false, error } and the batch goes on. */
export type Result<T, E = DabylError> = { ok: true; value: T } | { ok: false; error: E };
export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });
