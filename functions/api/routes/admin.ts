import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { requireAdminKey } from "../middleware/admin-auth.js";
import { problem } from "../problem.js";
import { ProblemSchema, problemResponses } from "../schemas.js";

export interface AdminDeps {
  /** The admin API key; undefined closes every admin route (401). */
  readonly adminApiKey?: string | undefined;
  /**
   * Runs every poller now. Locally it resolves when they are done (pollNow); in AWS it resolves once
   * the poller functions are started, with the jobs it started (they run on after the answer).
   */
  readonly runPollers?: (() => Promise<PollersStarted | void>) | undefined;
}

/** What runPollers reports when the pollers run elsewhere and were only started. */
export interface PollersStarted {
  readonly started: readonly string[];
}

const problemContent = { "application/problem+json": { schema: ProblemSchema } };

const pollRoute = (adminApiKey: string | undefined) =>
  createRoute({
    method: "post",
    path: "/admin/poll",
    summary: "Run the pollers now",
    description:
      "Polls every source now. Needs the admin API key. The local runtime answers 200 when the run is done; " +
      "in AWS the poller functions are started asynchronously (a feed poll can outlast the API's time limit) " +
      "and the answer is 202 with the jobs started: their results show in GET /sources and the logs.",
    security: [{ bearerAuth: [] }, { apiKeyHeader: [] }],
    // On the route rather than on /admin/*, so a wrong method is still a 405 and unknown paths a 404.
    middleware: [requireAdminKey(adminApiKey)] as const,
    responses: {
      200: {
        description: "The pollers ran",
        content: {
          "application/json": {
            schema: z.object({ ok: z.literal(true), ms: z.number().int().openapi({ example: 1840 }) }).openapi("PollRun"),
          },
        },
      },
      202: {
        description: "The pollers were started (AWS) and run on after this answer",
        content: {
          "application/json": {
            schema: z
              .object({ ok: z.literal(true), started: z.array(z.string()).openapi({ example: ["poll-feeds", "poll-fx"] }) })
              .openapi("PollStarted"),
          },
        },
      },
      401: { description: "No or wrong API key", content: problemContent },
      503: { description: "This deployment cannot run pollers from the API", content: problemContent },
      ...problemResponses,
    },
  });

export function registerAdmin(app: OpenAPIHono, deps: AdminDeps) {
  app.openapi(pollRoute(deps.adminApiKey), async (c) => {
    if (!deps.runPollers) return problem(c, 503, "pollers cannot be run from this API instance") as never;
    const started = performance.now();
    const result = await deps.runPollers();
    c.header("Cache-Control", "no-store");
    if (result) return c.json({ ok: true as const, started: [...result.started] }, 202);
    return c.json({ ok: true as const, ms: Math.round(performance.now() - started) }, 200);
  });
}
