import type { OpenAPIHono } from "@hono/zod-openapi";
import { DOCS_HEADERS, DOCS_HTML } from "./docs-page.js";

const INFO = {
  title: "dabyl API",
  version: "1.0.0",
  description:
    "Kazakhstan's news headlines and the National Bank's exchange rates, searchable in one query language shared with alerts. " +
    "Errors are RFC 9457 application/problem+json. GET responses carry ETag and Cache-Control; send If-None-Match for 304.",
};

const problemRef = { $ref: "#/components/schemas/Problem" };
const problemResponse = (description: string) => ({ description, content: { "application/problem+json": { schema: problemRef } } });

/**
 * Answers that any operation can give whatever its route says (the app's middlewares produce them):
 * too large a body, too many requests, an unexpected failure.
 */
const COMMON_RESPONSES = {
  "413": problemResponse("The request body is too large"),
  "429": problemResponse("Too many requests from this client; see Retry-After"),
  "500": problemResponse("Unexpected failure"),
};

type Operation = { responses?: Record<string, unknown>; parameters?: unknown[]; requestBody?: { content?: Record<string, unknown> } };

/** The OpenAPI 3.1 document: the routes' own definitions plus the responses every operation shares. */
export function buildOpenApiDocument(app: OpenAPIHono): Record<string, unknown> {
  const doc = app.getOpenAPI31Document({ openapi: "3.1.0", info: INFO }) as unknown as {
    paths?: Record<string, Record<string, Operation>>;
    components?: Record<string, Record<string, unknown>>;
  };
  for (const item of Object.values(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item)) {
      if (!op || typeof op !== "object" || !("responses" in op)) continue;
      op.responses = { ...COMMON_RESPONSES, ...op.responses };
      if (method === "get" && !op.responses["304"]) op.responses["304"] = { description: "Not Modified: the copy named by If-None-Match is current" };
      if ((op.parameters?.length || op.requestBody) && !op.responses["400"]) op.responses["400"] = problemResponse("A parameter is invalid");
      const bodyTypes = Object.keys(op.requestBody?.content ?? {});
      if (bodyTypes.length && !op.responses["415"]) {
        op.responses["415"] = problemResponse(`The body is not ${bodyTypes.join(" or ")} (or has no Content-Type); the detail says what to send`);
      }
    }
  }
  return doc as Record<string, unknown>;
}

/** GET /openapi.json and GET /docs (Swagger UI, see docs-page.ts). */
export function registerOpenApi(app: OpenAPIHono) {
  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    description: "The admin API key as a bearer token",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "apiKeyHeader", { type: "apiKey", in: "header", name: "X-Api-Key" });
  let cached: string | undefined;
  app.get("/openapi.json", (c) => {
    // Routes are all registered before the first request, so the document never changes afterwards.
    cached ??= JSON.stringify(buildOpenApiDocument(app));
    return c.body(cached, 200, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=300" });
  });
  // Swagger UI's script and styles come from the jsDelivr CDN (swagger-ui-dist is not a dependency),
  // pinned and integrity-checked; the page needs a browser with internet, the API itself does not.
  app.get("/docs", (c) => c.body(DOCS_HTML, 200, DOCS_HEADERS));
}
