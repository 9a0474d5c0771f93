/**
 * The manage page behind every alert's tokenised link: it shows the alert and ends it with a plain
 * POST form (no JavaScript needed), and takes the SMS code. The token is in the link's query, so
 * responses are never cached, never indexed and never send a Referer.
 */
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { NotFoundError, ValidationError } from "../../core/errors.js";
import type { AlertsApi, AlertView } from "../../jobs/manage-alerts.js";
import { AlertIdParam } from "../alert-schemas.js";
import { CONTENT_SECURITY_POLICY } from "../page/content-security-policy.js";
import { renderManagePage, renderUnsubscribeHelp, type ManagePageProps } from "../page/manage-page.js";
import { negotiateUiLang, stringsFor, UI_LANGS, type UiLang } from "../page/ui-lang.js";

export interface ManageDeps {
  readonly alerts?: AlertsApi | undefined;
}

const HEADERS = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
  "X-Robots-Tag": "noindex",
  Vary: "Accept-Language",
};
const html = (description: string) => ({ description, content: { "text/html": { schema: z.string() } } });
const TOKEN = /^[A-Za-z0-9._~+/=-]{16,200}$/;
const uiQuery = z.string().optional().openapi({ example: "kk", description: `Interface language: ${UI_LANGS.join(", ")}` });

const getRoute = createRoute({
  method: "get",
  path: "/alerts/{id}/manage",
  summary: "The alert's manage page (HTML): its status and an Unsubscribe button; the SMS code form while it waits for one",
  tags: ["page"],
  request: { params: AlertIdParam, query: z.object({ token: z.string().optional().openapi({ description: "The manageToken" }), ui: uiQuery }) },
  responses: { 200: html("The alert"), 404: html("No such alert for this token") },
});

const postRoute = createRoute({
  method: "post",
  path: "/alerts/{id}/manage",
  summary: "The manage page's forms (form-encoded: token, action=unsubscribe|verify|resend, code, ui); answers with the page",
  tags: ["page"],
  request: { params: AlertIdParam },
  responses: {
    200: html("Done: unsubscribed, verified or a new code sent"),
    400: html("Wrong, malformed or expired code"),
    404: html("No such alert for this token"),
    409: html("No tries or codes left"),
    429: html("A code was sent moments ago; see Retry-After"),
  },
});

const helpRoute = createRoute({
  method: "get",
  path: "/unsubscribe",
  summary: "How to stop alerts (HTML): the page linked from the foot of every alert email",
  tags: ["page"],
  request: { query: z.object({ ui: uiQuery }) },
  responses: { 200: html("The explanation") },
});

const field = (v: unknown) => (typeof v === "string" ? v.trim() : "");

export function registerManage(app: OpenAPIHono, deps: ManageDeps): void {
  app.openapi(helpRoute, async (c) => {
    const ui = negotiateUiLang(c.req.valid("query").ui, c.req.header("accept-language"));
    return c.html(await renderUnsubscribeHelp(ui), 200, { ...HEADERS, "Cache-Control": "public, max-age=3600" }) as never;
  });

  const api = deps.alerts;
  if (!api) return;

  async function current(id: string, token: string): Promise<AlertView | undefined> {
    if (!TOKEN.test(token)) return undefined;
    try {
      return await api!.get(id, token);
    } catch (e) {
      if (e instanceof NotFoundError) return undefined;
      throw e;
    }
  }

  const send = async (c: Context, status: ContentfulStatusCode, p: ManagePageProps) => c.html(await renderManagePage(p), status, HEADERS);

  app.openapi(getRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { token = "", ui: uiParam } = c.req.valid("query");
    const alert = await current(id, token);
    // The language the subscriber chose for the alert, unless the link asks for another.
    const ui = negotiateUiLang(uiParam ?? alert?.lang, c.req.header("accept-language"));
    return (await send(c, alert ? 200 : 404, { ui, id, token, alert })) as never;
  });

  app.openapi(postRoute, async (c) => {
    const { id } = c.req.valid("param");
    const body = await c.req.parseBody();
    const token = field(body.token);
    const ui: UiLang = negotiateUiLang(field(body.ui) || c.req.query("ui"), c.req.header("accept-language"));
    const t = stringsFor(ui);
    const before = await current(id, token);
    if (!before) return (await send(c, 404, { ui, id, token, alert: undefined })) as never;
    const page = async (status: ContentfulStatusCode, kind: "ok" | "warn" | "error", outcome: string, text: string) =>
      send(c, status, { ui, id, token, alert: (await current(id, token)) ?? before, notice: { kind, outcome, text } });

    const action = field(body.action);
    if (action === "unsubscribe") {
      await api.remove(id, token);
      return (await send(c, 200, { ui, id, token, alert: undefined, unsubscribed: true })) as never;
    }
    if (action === "resend") {
      const r = await api.resend(id, token);
      if (r.ok) return (await page(200, "ok", "code-resent", t.codeResent)) as never;
      if (r.error.kind === "too-soon") c.header("Retry-After", String(r.error.retryAfterSeconds));
      const [status, text] = r.error.kind === "too-soon" ? [429, t.codeTooSoon] as const : [409, r.error.kind === "no-sends-left" ? t.codeNoSends : t.manageNotFound] as const;
      return (await page(status, "error", r.error.kind, text)) as never;
    }
    if (action === "verify") {
      try {
        const r = await api.verify(id, token, field(body.code));
        if (r.ok) return (await page(200, "ok", "active", t.activeTitle)) as never;
        const e = r.error;
        const text = e.kind === "wrong-code" ? t.codeWrong(e.attemptsLeft) : e.kind === "expired" ? t.codeExpired : t.codeNoTries;
        return (await page(e.kind === "no-attempts-left" ? 409 : 400, "error", e.kind, text)) as never;
      } catch (e) {
        if (e instanceof ValidationError) return (await page(400, "error", "invalid-code", t.codeFormat)) as never;
        throw e;
      }
    }
    return (await send(c, 200, { ui, id, token, alert: before })) as never;
  });
}
