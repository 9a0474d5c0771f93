import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { topics } from "../../config/topics.js";
import { TopicSchema } from "../alert-schemas.js";
import { problemResponses } from "../schemas.js";

const route = createRoute({
  method: "get",
  path: "/topics",
  summary: "Curated alert topics; subscribe with POST /alerts {\"topic\": id}",
  responses: {
    200: { description: "Every curated topic", content: { "application/json": { schema: z.object({ topics: z.array(TopicSchema) }) } } },
    ...problemResponses,
  },
});

export function registerTopics(app: OpenAPIHono): void {
  app.openapi(route, (c) => {
    c.header("Cache-Control", "public, max-age=3600");
    return c.json({ topics: topics.map((t) => ({ id: t.id, title: { ...t.title }, query: t.query })) }, 200);
  });
}
