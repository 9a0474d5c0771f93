import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { requireAdminKey } from "../middleware/admin-auth.js";
import { problem } from "../problem.js";
import { ProblemSchema, problemResponses } from "../schemas.js";

export interface AdminDeps {
  /** The admin API key; undefined closes every admin route (401). */
  readonly adminApiKey?: string | undefined;
  /** Runs every poller now and resolves when they are done (local runtime: pollNow; Lambda: the jobs in-process). */
  readonly runPollers?: (() => Promise<unknown>) | undefined;
}

const problemContent = { "application/problem+json": { schema: ProblemSchema } };

const pollRoute = (adminApiKey: string | undefined) =>
  createRoute({
    method: "post",
    path: "/admin/poll",
    summary: "Run the pollers now",
    description: "Polls every source now and answers when the run is done. Needs the admin API key.",
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
      401: { description: "No or wrong API key", content: problemContent },
      503: { description: "This deployment cannot run pollers from the API", content: problemContent },
      ...problemResponses,
    },
  });

export function registerAdmin(app: OpenAPIHono, deps: AdminDeps) {
  app.openapi(pollRoute(deps.adminApiKey), async (c) => {
    if (!deps.runPollers) return problem(c, 503, "pollers cannot be run from this API instance") as never;
    const started = performance.now();
    await deps.runPollers();
    c.header("Cache-Control", "no-store");
    return c.json({ ok: true as const, ms: Math.round(performance.now() - started) }, 200);
  });
}
