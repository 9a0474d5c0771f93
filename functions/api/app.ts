import { OpenAPIHono } from "@hono/zod-openapi";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { DabylError, NotFoundError, ValidationError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { applyMiddlewares, type HttpOptions } from "./middleware/apply-middlewares.js";
import { registerOpenApi } from "./openapi.js";
import { problem, type InvalidParam } from "./problem.js";
import { registerAdmin, type AdminDeps } from "./routes/admin.js";
import { registerAlerts, type AlertsDeps } from "./routes/alerts.js";
import { registerFx, type FxDeps } from "./routes/fx.js";
import { registerHeadlineFeeds } from "./routes/headline-feeds.js";
import { registerHeadlines, type HeadlinesDeps } from "./routes/headlines.js";
import { registerHealth } from "./routes/health.js";
import { registerManage } from "./routes/manage.js";
import { registerPage } from "./routes/page.js";
import { registerShortLinks, type ShortLinksDeps } from "./routes/short-links.js";
import { registerSources, type SourcesDeps } from "./routes/sources.js";
import { registerTopics } from "./routes/topics.js";
import { unsupportedMediaTypeDetail } from "./unsupported-media-type.js";

export type ApiDeps = HeadlinesDeps & SourcesDeps & FxDeps & AdminDeps & AlertsDeps & ShortLinksDeps & HttpOptions & { readonly log: Logger };

type ZodIssueLike = { path: PropertyKey[]; message: string };

function invalidParams(issues: readonly ZodIssueLike[]): InvalidParam[] {
  return issues.map((i) => ({ name: i.path.map(String).join(".") || "(body)", reason: i.message }));
}

/** The one Hono app: Lambda serves it through hono/aws-lambda, the local runtime through @hono/node-server. */
export function createApp(deps: ApiDeps): OpenAPIHono {
  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) {
        // A repeated query parameter reaches the schema as an array; whatever the schema says of that, say this.
        const repeated = (name: string) => result.target === "query" && (c.req.queries(name)?.length ?? 0) > 1;
        const params = invalidParams(result.error.issues as ZodIssueLike[]).map((p) =>
          repeated(p.name) && !p.reason.startsWith("give ") ? { ...p, reason: `give ${p.name} once` } : p,
        );
        const detail = params.map((p) => `${p.name}: ${p.reason}`).join("; ");
        return problem(c, 400, detail, { invalidParams: params });
      }
    },
  });
  applyMiddlewares(app, deps);
  registerOpenApi(app);

  registerHealth(app);
  registerHeadlines(app, deps);
  registerHeadlineFeeds(app, deps);
  registerAdmin(app, deps);
  registerSources(app, deps);
  registerFx(app, deps);
  registerTopics(app);
  registerAlerts(app, deps);
  registerManage(app, deps);
  registerShortLinks(app, deps);
  registerPage(app, deps);

  app.notFound((c) => problem(c, 404, `no route for ${c.req.method} ${c.req.path}`));

  const unsupportedMediaType = unsupportedMediaTypeDetail(app);
  app.onError((e, c) => {
    if (e instanceof ValidationError) {
      return problem(c, 400, `${e.field}: ${e.message}`, { invalidParams: [{ name: e.field, reason: e.message }] });
    }
    if (e instanceof NotFoundError) return problem(c, 404, e.message);
    if (e instanceof HTTPException && e.status === 415) return problem(c, 415, unsupportedMediaType(c));
    if (e instanceof HTTPException) return problem(c, e.status as ContentfulStatusCode, e.message || "request failed");
    // The request's own logger carries its id, so the line can be found from the X-Request-Id a caller reports.
    (c.get("log") ?? deps.log).error("request failed", {
      method: c.req.method,
      path: c.req.path,
      code: e instanceof DabylError ? e.code : undefined,
      err: e.stack ?? String(e),
    });
    return problem(c, 500, "something went wrong on our side; try again later");
  });

  return app;
}
