import type { Context } from "hono";

// A symbol, not a header: a request from outside cannot carry it, since only the runtime adapter builds env.
const INTERNAL = Symbol("dabyl.internal-call");

/**
 * The env for an in-process app.fetch made while answering another request (the front page reading
 * /headlines): the same client as far as the runtime is concerned, marked so that the rate limiter and
 * the request log count the outer request once instead of once per internal call.
 */
export function internalEnv(env: unknown): Record<PropertyKey, unknown> {
  return { ...(env && typeof env === "object" ? (env as Record<PropertyKey, unknown>) : {}), [INTERNAL]: true };
}

/** True inside a call made through internalEnv. */
export function isInternalCall(c: Context): boolean {
  const env = c.env as Record<PropertyKey, unknown> | undefined;
  return env?.[INTERNAL] === true;
}
