import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";

const route = createRoute({
  method: "get",
  path: "/health",
  summary: "Liveness",
  responses: { 200: { description: "The API answers", content: { "application/json": { schema: z.object({ ok: z.literal(true) }) } } } },
});

export function registerHealth(app: OpenAPIHono) {
  app.openapi(route, (c) => c.json({ ok: true as const }, 200));
}
