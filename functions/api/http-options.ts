import type { Resources } from "../adapters/resources.js";
import type { AdminDeps } from "./routes/admin.js";
import type { HttpOptions } from "./middleware/apply-middlewares.js";

/** The API's deployment settings (admin key, CORS, rate limit, public URL) from the resources read at cold start. */
export function httpOptionsFrom(r: Resources): Omit<HttpOptions, "log"> & Pick<AdminDeps, "adminApiKey"> {
  return {
    adminApiKey: r.adminApiKey,
    corsOrigins: r.corsOrigins,
    rateLimit: r.rateLimitPerMinute > 0 ? { limit: r.rateLimitPerMinute, windowMs: 60_000 } : null,
    publicUrl: r.publicUrl,
  };
}
