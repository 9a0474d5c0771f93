import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";

const route = createRoute({
  method: "get",
  path: "/health",
  summary: "Liveness (not rate-limited, never cached)",
  responses: { 200: { description: "The API answers", content: { "application/json": { schema: z.object({ ok: z.literal(true) }) } } } },
});

export function registerHealth(app: OpenAPIHono) {
  // Never cached: a health check must reach the process, not a copy from when it was up.
  app.openapi(route, (c) => c.json({ ok: true as const }, 200, { "Cache-Control": "no-store" }));
}
