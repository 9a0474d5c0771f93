import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { bearerToken } from "../../core/alerts/index.js";
import type { AlertsApi } from "../../jobs/manage-alerts.js";
import { AlertIdParam, AlertSchema, CreateAlertSchema, CreatedAlertSchema, VerifyAlertSchema } from "../alert-schemas.js";
import { clientAddress } from "../middleware/rate-limit.js";
import { negotiateUiLang } from "../page/ui-lang.js";
import { problem } from "../problem.js";
import { ProblemSchema, problemResponses } from "../schemas.js";

export interface AlertsDeps {
  /** Absent when the process has no alert wiring (some tests); the routes then do not exist. */
  readonly alerts?: AlertsApi | undefined;
}

const problemJson = (description: string) => ({ description, content: { "application/problem+json": { schema: ProblemSchema } } });
const bearer = [{ bearer: [] as string[] }];

const createRouteDef = createRoute({
  method: "post",
  path: "/alerts",
  summary: "Subscribe to a query, a curated topic or an FX condition by email or SMS",
  description:
    "Email: SNS mails a confirmation link; status stays pending-confirmation until it is clicked. SMS: Kazakh numbers (+7 6xx, +7 7xx) by default; " +
    "a 6-digit code is texted to the number and the alert stays pending-verification until POST /alerts/{id}/verify gets it. " +
    "The manageToken and manageUrl are returned once; keep them to read, verify or delete the alert.",
  request: { body: { content: { "application/json": { schema: CreateAlertSchema } }, required: true } },
  responses: {
    201: { description: "Created", content: { "application/json": { schema: CreatedAlertSchema } } },
    409: problemJson("This address already has this alert, or as many alerts as allowed"),
    429: problemJson("Too many new alerts from this client or for this address; see Retry-After"),
    ...problemResponses,
  },
});

const verifyRouteDef = createRoute({
  method: "post",
  path: "/alerts/{id}/verify",
  summary: "Finish an SMS sign-up with the code texted to the number; subscribes the number and makes the alert active",
  description: "Codes expire after 15 minutes; 5 wrong tries in all end the sign-up (sign up again).",
  security: bearer,
  request: { params: AlertIdParam, body: { content: { "application/json": { schema: VerifyAlertSchema } }, required: true } },
  responses: {
    ...problemResponses,
    200: { description: "Active (also when it already was)", content: { "application/json": { schema: AlertSchema } } },
    400: problemJson("Wrong or malformed code (invalidParams names code and the tries left), or the code expired"),
    401: problemJson("No Bearer token"),
    404: problemJson("No such alert for this token"),
    409: problemJson("No tries left: sign up again"),
  },
});

const resendRouteDef = createRoute({
  method: "post",
  path: "/alerts/{id}/resend",
  summary: "Text a new code to an SMS alert waiting for verification (at most 3 codes, a minute apart)",
  security: bearer,
  request: { params: AlertIdParam },
  responses: {
    202: { description: "A new code is on its way; earlier codes no longer work", content: { "application/json": { schema: AlertSchema } } },
    401: problemJson("No Bearer token"),
    404: problemJson("No such alert for this token"),
    409: problemJson("Not waiting for a code, or no codes left"),
    429: problemJson("A code was sent moments ago; see Retry-After"),
    ...problemResponses,
  },
});

const getRouteDef = createRoute({
  method: "get",
  path: "/alerts/{id}",
  summary: "One alert, for its owner; refreshes the confirmation status from SNS",
  security: bearer,
  request: { params: AlertIdParam },
  responses: {
    200: { description: "The alert (never its address)", content: { "application/json": { schema: AlertSchema } } },
    401: problemJson("No Bearer token"),
    404: problemJson("No such alert for this token"),
    ...problemResponses,
  },
});

const deleteRouteDef = createRoute({
  method: "delete",
  path: "/alerts/{id}",
  summary: "Unsubscribe",
  security: bearer,
  request: { params: AlertIdParam },
  responses: {
    204: { description: "Unsubscribed" },
    401: problemJson("No Bearer token"),
    404: problemJson("No such alert for this token"),
    ...problemResponses,
  },
});

function requireToken(c: Context): string | Response {
  const token = bearerToken(c.req.header("authorization"));
  if (token !== undefined) return token;
  return problem(c, 401, "send the alert's manage token as Authorization: Bearer <manageToken>", { headers: { "WWW-Authenticate": "Bearer" } });
}

export function registerAlerts(app: OpenAPIHono, deps: AlertsDeps): void {
  const api = deps.alerts;
  if (!api) return;
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer", description: "The manageToken POST /alerts returned" });

  app.openapi(createRouteDef, async (c) => {
    const body = c.req.valid("json");
    const lang = body.lang ?? negotiateUiLang(undefined, c.req.header("accept-language"));
    const result = await api.create({ ...body, lang, client: clientAddress(c) });
    if (!result.ok) {
      const e = result.error;
      if (e.kind === "rate-limited") return problem(c, 429, e.detail, { headers: { "Retry-After": String(e.retryAfterSeconds) } }) as never;
      return problem(c, 409, e.detail) as never;
    }
    c.header("Location", `/alerts/${result.value.id}`);
    c.header("Cache-Control", "no-store");
    return c.json(result.value, 201);
  });

  app.openapi(getRouteDef, async (c) => {
    const token = requireToken(c);
    if (typeof token !== "string") return token as never;
    const view = await api.get(c.req.valid("param").id, token);
    c.header("Cache-Control", "no-store");
    return c.json(view, 200);
  });

  app.openapi(deleteRouteDef, async (c) => {
    const token = requireToken(c);
    if (typeof token !== "string") return token as never;
    await api.remove(c.req.valid("param").id, token);
    return c.body(null, 204);
  });

  app.openapi(verifyRouteDef, async (c) => {
    const token = requireToken(c);
    if (typeof token !== "string") return token as never;
    const result = await api.verify(c.req.valid("param").id, token, c.req.valid("json").code);
    c.header("Cache-Control", "no-store");
    if (result.ok) return c.json(result.value, 200);
    const e = result.error;
    if (e.kind === "no-attempts-left") return problem(c, 409, e.detail) as never;
    return problem(c, 400, `code: ${e.detail}`, { invalidParams: [{ name: "code", reason: e.detail }] }) as never;
  });

  app.openapi(resendRouteDef, async (c) => {
    const token = requireToken(c);
    if (typeof token !== "string") return token as never;
    const result = await api.resend(c.req.valid("param").id, token);
    c.header("Cache-Control", "no-store");
    if (result.ok) return c.json(result.value, 202);
    const e = result.error;
    if (e.kind === "too-soon") return problem(c, 429, e.detail, { headers: { "Retry-After": String(e.retryAfterSeconds) } }) as never;
    return problem(c, 409, e.detail) as never;
  });
}
