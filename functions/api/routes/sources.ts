import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { SourceStateStore } from "../../adapters/dynamo/source-state-store.js";
import type { Source } from "../../config/sources.js";
import { describeSource } from "../../core/feeds/source-state.js";
import { SourceSchema, problemResponses } from "../schemas.js";

export interface SourcesDeps {
  readonly states: SourceStateStore;
  readonly sources: readonly Source[];
  /** The clock for a pending source's nextPollAt; tests pin it. */
  readonly now?: () => Date;
}

const route = createRoute({
  method: "get",
  path: "/sources",
  summary: "Configured sources and how their polling goes",
  responses: {
    200: { description: "Every source", content: { "application/json": { schema: z.object({ sources: z.array(SourceSchema) }) } } },
    ...problemResponses,
  },
});

export function registerSources(app: OpenAPIHono, deps: SourcesDeps) {
  app.openapi(route, async (c) => {
    const states = await deps.states.all();
    const now = (deps.now ?? (() => new Date()))();
    return c.json({ sources: deps.sources.map((s) => describeSource(s, states.get(s.id), now)) }, 200);
  });
}
